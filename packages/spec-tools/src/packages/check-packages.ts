// publint (strict) and @arethetypeswrong/cli (profile esm-only: these packages are ESM only) on
// the tarball `pnpm pack` makes of every package that is not private: what `pnpm publish` would
// upload, with `workspace:*` and `catalog:` already replaced. The tarballs go to a temporary
// folder, never into the packages.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorMessage } from "../json.js";
import { packageDir, packageDirs, pnpmCommand, readManifest } from "./manifest.js";

export interface PackageCheck {
  name: string;
  skipped?: string;
  ok: boolean;
  lines: string[];
}

/** The tools' own node_modules/.bin: publint and attw are this package's dependencies. */
const toolBin = (root: string, name: string) => join(root, "packages", "spec-tools", "node_modules", ".bin", name);

export function checkPackages(root: string, wanted: readonly string[] = []): PackageCheck[] {
  const scratch = mkdtempSync(join(tmpdir(), "phonebridge-pack-"));
  const results: PackageCheck[] = [];
  try {
    for (const dir of packageDirs(root)) {
      const manifest = readManifest(root, dir) ?? {};
      const name = String(manifest.name ?? dir);
      if (wanted.length && !wanted.includes(dir) && !wanted.includes(name)) continue;
      if (manifest.private) {
        results.push({ name, skipped: "private, not published", ok: true, lines: [] });
        continue;
      }
      const dest = join(scratch, dir);
      let tarball: string;
      try {
        const [command, args] = pnpmCommand(["pack", "--pack-destination", dest]);
        execFileSync(command, args, { cwd: packageDir(root, dir), stdio: ["ignore", "ignore", "pipe"] });
        tarball = join(dest, readdirSync(dest).find((f) => f.endsWith(".tgz")) ?? "");
      } catch (error) {
        const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
        results.push({ name, ok: false, lines: [`pnpm pack failed: ${stderr || errorMessage(error)}`] });
        continue;
      }
      const publint = spawnSync(toolBin(root, "publint"), [tarball, "--strict"], { encoding: "utf8" });
      const attw = spawnSync(toolBin(root, "attw"), [tarball, "--profile", "esm-only", "--format", "ascii"], {
        encoding: "utf8",
      });
      const lines = [`publint ${publint.status === 0 ? "ok" : "FAILED"}, attw ${attw.status === 0 ? "ok" : "FAILED"}`];
      const publintOut = `${publint.stdout}${publint.stderr}`
        .split("\n")
        .filter((l) => l.trim() && !/^(Running publint|Packing files|Unpacking tarball|Linting\.\.\.|All good)/.test(l))
        .join("\n");
      if (publintOut) lines.push(publintOut.replace(/^/gm, "    publint: "));
      if (attw.status !== 0) lines.push(`${attw.stdout}${attw.stderr}`.trim().replace(/^/gm, "    attw: "));
      results.push({ name, ok: publint.status === 0 && attw.status === 0, lines });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}
