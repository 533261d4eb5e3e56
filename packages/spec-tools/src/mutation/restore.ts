// In place, Stryker writes its mutated sources over the package's own and keeps the originals in
// `<tempDir>/backup-*/`; it moves them back when it ends, on Ctrl-C, SIGTERM, SIGHUP and SIGABRT.
// A run killed outright (SIGKILL, out of memory, a machine that stops) leaves them there, and a
// later run would take the mutated files for the originals: so `pnpm mutation` puts back what a
// run left before it starts and after each run (docs/ARCHITECTURE.md#mutation-testing).
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** What Stryker adds to a file it writes in place: its mutant switches, or a type-check opt-out. */
const STRYKER_MARKS = ["stryMutAct_9fa48", "// @ts-nocheck"];

export interface Restored {
  /** Files put back from a backup, relative to the package. */
  restored: string[];
  /** Files changed or removed since the run, without Stryker's marks: left as they are, their backups kept. */
  kept: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Puts back the originals a Stryker run left in `tempDir` (its backups of `packageDir`'s files). */
export function restoreLeftovers(packageDir: string, tempDir: string): Restored {
  const out: Restored = { restored: [], kept: [] };
  if (!existsSync(tempDir)) return out;
  const backups = readdirSync(tempDir).filter((name) => name.startsWith("backup-"));
  for (const backup of backups.map((name) => join(tempDir, name))) {
    let keep = false;
    for (const saved of filesUnder(backup)) {
      const name = relative(backup, saved);
      const target = join(packageDir, name);
      const original = readFileSync(saved, "utf8");
      const now = existsSync(target) ? readFileSync(target, "utf8") : undefined;
      if (now !== original) {
        if (now !== undefined && STRYKER_MARKS.some((mark) => now.includes(mark) && !original.includes(mark))) {
          writeFileSync(target, original);
          out.restored.push(name);
        } else {
          out.kept.push(name);
          keep = true;
        }
      }
    }
    if (!keep) rmSync(backup, { recursive: true, force: true });
  }
  return out;
}
