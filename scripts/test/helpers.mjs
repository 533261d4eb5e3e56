// Test helpers: a throwaway copy of the repository (its own git history, the real node_modules
// linked in) and a fixture server on 127.0.0.1.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const SKIP = new Set(["node_modules", "dist", ".turbo", "coverage", ".git"]);

export function git(root, ...args) {
  return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

// The spec-lifecycle scripts these tests exercise: taken from the working tree (so the tests see
// edits in progress); everything else from HEAD, so another engineer's half-written change in the
// shared tree cannot break the copy.
const OWN = [
  "scripts/specs-pull.mjs",
  "scripts/specs-diff.mjs",
  "scripts/specs-check.mjs",
  "scripts/vitest.config.mjs",
  "scripts/lib/cli-args.mjs",
  "scripts/lib/extract-openapi.mjs",
  "scripts/lib/facade-fields.mjs",
  "scripts/lib/oasdiff-check.mjs",
  "scripts/lib/spec-changes.mjs",
  "scripts/lib/spec-diff.mjs",
  "scripts/lib/spec-release.mjs",
  "scripts/lib/specs-pull.mjs",
  "scripts/lib/validate-openapi.mjs",
  "scripts/lib/vendor-identity.mjs",
];

/** A copy of the repository (HEAD, plus the working tree's spec-lifecycle scripts) in a fresh git repo. */
export function repoCopy() {
  const dir = mkdtempSync(join(tmpdir(), "phonebridge-test-"));
  execFileSync("sh", ["-c", `git -C "$0" archive --format=tar HEAD | tar -x -C "$1"`, REPO, dir], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  for (const path of OWN) if (existsSync(join(REPO, path))) cpSync(join(REPO, path), join(dir, path));
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  git(dir, "init", "-q", "-b", "main");
  writeFileSync(join(dir, ".git", "info", "exclude"), "node_modules\n");
  git(dir, "config", "user.email", "test@phonebridge.invalid");
  git(dir, "config", "user.name", "test");
  git(dir, "config", "commit.gpgsign", "false");
  git(dir, "add", "-A", ".");
  git(dir, "commit", "-q", "-m", "copy of the repository");
  return { root: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under a folder (relative path → contents), to prove a refusal touched nothing. */
export function snapshot(root, folders = ["specs", "packages", ".changeset"]) {
  const out = new Map();
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (SKIP.has(e.name)) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p.slice(root.length + 1), readFileSync(p, "utf8"));
    }
  };
  for (const f of folders) walk(join(root, f));
  return out;
}

const TYPES = {
  "": "text/html; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".yaml": "application/yaml",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves scripts/test/fixtures/ on 127.0.0.1 (a free port). */
export async function fixtureServer() {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, "http://x").pathname.slice(1));
    const path = join(FIXTURES, name);
    if (name.includes("..") || name.includes("/") || !existsSync(path)) {
      res.writeHead(404, { "content-type": "text/plain", connection: "close" }).end("not found");
      return;
    }
    res
      .writeHead(200, { "content-type": TYPES[extname(name)] ?? "application/octet-stream", connection: "close" })
      .end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: (name) => `http://127.0.0.1:${port}/${name}`, close: () => new Promise((r) => server.close(r)) };
}
