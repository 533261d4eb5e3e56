#!/usr/bin/env node
// `pnpm specs:check` (CI): fails when, for any vendor, specs/<vendor>/ changed since its last
// release and no changeset in .changeset/ names @phonebridge/<vendor>, or the changesets naming
// it declare a smaller bump than the changes need (as `pnpm specs:diff` classifies them); when an
// overlay fix no longer applies; and when the committed generated packages differ from what the
// generator makes. Reference: docs/spec-changes.md#specscheck-ci.
import { execFileSync } from "node:child_process";
import { commandLine } from "../src/cli.js";
import { BUMPS } from "../src/diff/change.js";
import { generate } from "../src/generate/generate.js";
import { GENERATE_COMMAND } from "../src/generate/header.js";
import { analyzeVendor } from "../src/release/analyze.js";
import { declaredBump, readChangesets } from "../src/release/changesets.js";
import { packageName } from "../src/repo.js";

const { root, options, known } = commandLine(process.argv.slice(2), {
  usage: "usage: pnpm specs:check [--no-generate-check]",
  flags: ["no-generate-check"],
});
const changesets = readChangesets(root);
let failures = 0;
try {
  // A shallow clone has neither the release tags nor the first commits: nothing to compare with.
  const shallow = execFileSync("git", ["-C", root, "rev-parse", "--is-shallow-repository"], { encoding: "utf8" });
  if (shallow.trim() === "true") {
    console.error(
      "FAIL specs:check needs the git history and tags (a shallow clone has neither): `git fetch --unshallow --tags`, or check out with fetch-depth 0",
    );
    process.exit(1);
  }
} catch {
  console.error("FAIL specs:check needs a git repository (releases are git tags)");
  process.exit(1);
}
for (const vendor of known) {
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

if (options["no-generate-check"] !== true) {
  try {
    const { stale } = await generate(root, known, { check: true });
    for (const line of stale) console.error(line);
    if (stale.length) {
      failures += 1;
      console.error(`FAIL the generated packages differ from what specs/ makes (\`${GENERATE_COMMAND}\`, then commit)`);
    }
  } catch (error) {
    failures += 1;
    console.error(`FAIL the generator could not run: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (failures) {
  console.error(`\nspecs:check: ${failures} problem(s)`);
  process.exit(1);
}
console.log("specs:check: ok");
