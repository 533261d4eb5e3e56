// A pull is staged first: specs/, packages/ and .changeset/ are copied into a temp dir, the pull
// writes and regenerates there, and only when all of that succeeded are the files it changed
// copied back. A refusal at any step leaves the repository as it was.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

const SKIP = new Set(["node_modules", "dist", ".turbo", "coverage", ".git"]);
const OUTPUTS = ["specs", "packages", ".changeset"];
const digest = (buffer: Buffer): string => createHash("sha256").update(buffer).digest("hex");

export interface Stage {
  dir: string;
  /** What each output file held when copied in (relative path → sha256). */
  original: Map<string, string>;
}

function walk(dir: string, base = dir, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, base, out);
    else if (entry.isFile()) out.push(relative(base, path));
  }
  return out;
}

/** Copies the repository's root files and outputs into a temp dir. */
export function stageRepo(root: string): Stage {
  const dir = mkdtempSync(join(tmpdir(), "phonebridge-pull-"));
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isFile()) cpSync(join(root, entry.name), join(dir, entry.name));
  }
  for (const name of OUTPUTS) {
    if (!existsSync(join(root, name))) continue;
    cpSync(join(root, name), join(dir, name), {
      recursive: true,
      filter: (src) => !SKIP.has(src.split(/[\\/]/).at(-1) ?? ""),
    });
  }
  const original = new Map<string, string>();
  for (const top of OUTPUTS) {
    for (const rel of walk(join(dir, top))) original.set(join(top, rel), digest(readFileSync(join(dir, top, rel))));
  }
  return { dir, original };
}

/**
 * Copies into the repository only the files the pull changed in the stage (new, or different
 * from what was copied in), so a file another person edits meanwhile is never overwritten.
 */
export function commitStage(stage: Stage, root: string, removals: readonly string[]): string[] {
  const written: string[] = [];
  for (const top of OUTPUTS) {
    for (const rel of walk(join(stage.dir, top))) {
      const path = join(top, rel);
      const next = readFileSync(join(stage.dir, path));
      if (stage.original.get(path) === digest(next)) continue;
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), next);
      written.push(path);
    }
  }
  for (const rel of removals) {
    if (stage.original.has(rel) && existsSync(join(root, rel))) {
      rmSync(join(root, rel));
      written.push(`${rel} (removed)`);
    }
  }
  return written;
}
