// Test helpers: a throwaway copy of the repository (its own git history, the real node_modules
// linked in) and a fixture server on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
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

/** A copy of the repository's specs, scripts, packages and changesets in a fresh git repo. */
export function repoCopy() {
  const dir = mkdtempSync(join(tmpdir(), "phonebridge-test-"));
  for (const entry of readdirSync(REPO, { withFileTypes: true })) {
    if (entry.isFile()) cpSync(join(REPO, entry.name), join(dir, entry.name));
  }
  for (const name of ["scripts", "specs", "packages", ".changeset"]) {
    if (existsSync(join(REPO, name))) cpSync(join(REPO, name), join(dir, name), { recursive: true, filter: (src) => !SKIP.has(src.split(/[\\/]/).at(-1)) });
  }
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  git(dir, "init", "-q", "-b", "main");
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

const TYPES = { ".md": "text/markdown; charset=utf-8", ".yaml": "application/yaml", ".json": "application/json", ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8" };

/** Serves scripts/test/fixtures/ on 127.0.0.1 (a free port). */
export async function fixtureServer() {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, "http://x").pathname.slice(1));
    const path = join(FIXTURES, name);
    if (name.includes("..") || name.includes("/") || !existsSync(path)) {
      res.writeHead(404, { "content-type": "text/plain", connection: "close" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(name)] ?? "application/octet-stream", connection: "close" }).end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: (name) => `http://127.0.0.1:${port}/${name}`, close: () => new Promise((r) => server.close(r)) };
}
