// Test helpers: a throwaway copy of the repository (its own git history), the tools' bins run on
// it, and a fixture server on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const SKIP = new Set(["node_modules", "dist", ".turbo", "coverage", ".git"]);

export function git(root: string, ...args: string[]): string {
  return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * A copy of the working tree (the files git tracks or would track, as they are now) in a fresh
 * git repository with one commit, so release bases and `git show` work on it.
 */
export function repoCopy(): { root: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "phonebridge-test-"));
  const files = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(dir, file));
  }
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "test@phonebridge.invalid");
  git(dir, "config", "user.name", "test");
  git(dir, "config", "commit.gpgsign", "false");
  git(dir, "add", "-A", ".");
  git(dir, "commit", "-q", "-m", "copy of the repository");
  return { root: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under some folders (relative path → contents), to prove a refusal touched nothing. */
export function snapshot(root: string, folders = ["specs", "packages", ".changeset"]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.set(path.slice(root.length + 1), readFileSync(path, "utf8"));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return out;
}

/** Runs one of the tools' built bins (packages/spec-tools/dist/bin) on `root`. */
export function runBin(root: string, name: string, ...args: string[]): { code: number; out: string } {
  const file = join(REPO, "packages", "spec-tools", "dist", "bin", `${name}.js`);
  try {
    const out = execFileSync(process.execPath, [file, "--root", root, ...args], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, out };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { code: failed.status ?? 1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

export function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const TYPES: Record<string, string> = {
  "": "text/html; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".yaml": "application/yaml",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves test/fixtures/ on 127.0.0.1 (a free port). */
export async function fixtureServer(): Promise<{ url: (name: string) => string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname.slice(1));
    const path = join(FIXTURES, name);
    if (name.includes("..") || name.includes("/") || !existsSync(path)) {
      res.writeHead(404, { "content-type": "text/plain", connection: "close" }).end("not found");
      return;
    }
    res
      .writeHead(200, { "content-type": TYPES[extname(name)] ?? "application/octet-stream", connection: "close" })
      .end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
