// `pnpm check:packages`: publint and @arethetypeswrong/cli on every publishable package
// (packages/* whose package.json is not private), on the tarball `pnpm pack` makes (what
// `pnpm publish` would upload, workspace:* already replaced). attw runs with the esm-only
// profile (these packages are ESM only); publint in strict mode (warnings fail, suggestions are
// shown). The tarballs go to a temporary folder, never into the packages. Exits 1 on a problem.
//
//   node bench/check-packages.mjs [name ...]     (build first: `pnpm build`)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pnpmCommand, ROOT, readManifest } from "./lib/load.mjs";

const bin = (name) => join(ROOT, "node_modules/.bin", name);
const wanted = process.argv.slice(2);
const dirs = readdirSync(join(ROOT, "packages")).filter((d) => existsSync(join(ROOT, "packages", d, "package.json")));
const scratch = mkdtempSync(join(tmpdir(), "phonebridge-pack-"));
let failed = 0;

try {
  for (const dir of dirs.sort()) {
    const manifest = readManifest(dir);
    if (wanted.length && !wanted.includes(dir) && !wanted.includes(manifest.name)) continue;
    if (manifest.private) {
      console.log(`- ${manifest.name}: private, not published: skipped`);
      continue;
    }
    const cwd = join(ROOT, "packages", dir);
    const dest = join(scratch, dir);
    let tarball;
    try {
      const [command, args] = pnpmCommand(["pack", "--pack-destination", dest]);
      execFileSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
      tarball = join(
        dest,
        readdirSync(dest).find((f) => f.endsWith(".tgz")),
      );
    } catch (error) {
      failed++;
      console.log(`✗ ${manifest.name}: pnpm pack failed: ${error.stderr?.toString().trim() || error.message}`);
      continue;
    }
    const publint = spawnSync(bin("publint"), [tarball, "--strict"], { encoding: "utf8" });
    const attw = spawnSync(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii"], { encoding: "utf8" });
    const ok = publint.status === 0 && attw.status === 0;
    if (!ok) failed++;
    console.log(
      `${ok ? "✓" : "✗"} ${manifest.name}: publint ${publint.status === 0 ? "ok" : "FAILED"}, attw ${attw.status === 0 ? "ok" : "FAILED"}`,
    );
    const publintOut = `${publint.stdout}${publint.stderr}`
      .split("\n")
      .filter((l) => l.trim() && !/^(Running publint|Packing files|Unpacking tarball|Linting\.\.\.|All good)/.test(l))
      .join("\n");
    if (publintOut) console.log(publintOut.replace(/^/gm, "    publint: "));
    if (attw.status !== 0) console.log(`${attw.stdout}${attw.stderr}`.trim().replace(/^/gm, "    attw: "));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(
  failed ? `\ncheck:packages: ${failed} package(s) with problems` : "\ncheck:packages: every package is clean",
);
process.exitCode = failed ? 1 : 0;
