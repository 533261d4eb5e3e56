#!/usr/bin/env node
// pnpm specs:check (CI)
//
// Fails when, for any vendor, specs/<vendor>/ (openapi.yaml, overlay.yaml, vendor.yaml) changed
// since its last release and
//   - no changeset in .changeset/ names @phonebridge/<vendor>, or
//   - the changesets naming it declare a smaller bump than the spec changes need
//     (as `pnpm specs:diff` classifies them);
// and when the committed generated packages differ from what the generator makes
// (`scripts/generate.mjs --check`, the generator's own check).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { commandLine } from "./lib/cli-args.mjs";
import { analyzeVendor, declaredBump, readChangesets } from "./lib/spec-changes.mjs";
import { BUMPS } from "./lib/spec-diff.mjs";
import { listVendors, packageName } from "./lib/spec-release.mjs";

const { root, options } = commandLine(process.argv.slice(2), {
  usage: "usage: pnpm specs:check [--no-generate-check]",
  flags: ["no-generate-check"],
  scriptUrl: import.meta.url,
});
const changesets = readChangesets(root);
let failures = 0;
try {
  // A shallow clone has neither the release tags nor the first commits: nothing to compare with.
  if (
    execFileSync("git", ["-C", root, "rev-parse", "--is-shallow-repository"], { encoding: "utf8" }).trim() === "true"
  ) {
    console.error(
      "FAIL specs:check needs the git history and tags (a shallow clone has neither): `git fetch --unshallow --tags`, or check out with fetch-depth 0",
    );
    process.exit(1);
  }
} catch {
  console.error("FAIL specs:check needs a git repository (releases are git tags)");
  process.exit(1);
}
for (const vendor of listVendors(root)) {
  const result = await analyzeVendor(root, vendor);
  const pkg = packageName(vendor);
  if (!result.base) {
    console.log(`ok   ${vendor}: specs/${vendor}/openapi.yaml is not committed yet; nothing released to compare with`);
    continue;
  }
  for (const s of result.stale) {
    failures += 1;
    console.error(`FAIL ${vendor}: overlay fix ${s.name} no longer applies: ${s.detail}`);
  }
  if (!result.filesChanged && !result.changes.length) {
    console.log(`ok   ${vendor}: specs/${vendor}/ unchanged since ${result.base.label}`);
    continue;
  }
  const declared = declaredBump(changesets, pkg);
  const needed = result.bump ?? "patch";
  if (!declared) {
    failures += 1;
    console.error(
      `FAIL ${vendor}: specs/${vendor}/ changed since ${result.base.label}, but no changeset names ${pkg}. Run \`pnpm specs:diff ${vendor}\` and commit .changeset/specs-${vendor}.md.`,
    );
    continue;
  }
  if (BUMPS.indexOf(declared) < BUMPS.indexOf(needed)) {
    failures += 1;
    console.error(
      `FAIL ${vendor}: the changesets for ${pkg} declare ${declared}, but its spec changes since ${result.base.label} need ${needed}:`,
    );
    for (const c of result.changes.filter((x) => x.bump === needed)) console.error(`       ${c.sentence}`);
    console.error(`     Run \`pnpm specs:diff ${vendor}\` and commit the changeset.`);
    continue;
  }
  console.log(
    `ok   ${vendor}: specs/${vendor}/ changed since ${result.base.label}; a changeset declares ${declared} for ${pkg} (needs ${needed})`,
  );
}

if (!options["no-generate-check"]) {
  const generator = join(root, "scripts", "generate.mjs");
  if (!existsSync(generator)) {
    failures += 1;
    console.error("FAIL scripts/generate.mjs is missing: cannot check that the generated packages are fresh");
  } else {
    try {
      execFileSync(process.execPath, [generator, "--check"], { cwd: root, stdio: "inherit" });
    } catch {
      failures += 1;
      console.error("FAIL the generated packages differ from what specs/ makes (`pnpm codegen`, then commit)");
    }
  }
}
if (failures) {
  console.error(`\nspecs:check: ${failures} problem(s)`);
  process.exit(1);
}
console.log("specs:check: ok");
