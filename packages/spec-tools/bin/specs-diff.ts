#!/usr/bin/env node
// `pnpm specs:diff [vendor ...] [--no-write] [--json]`: compares each vendor's effective spec at
// its last release with the working copy, classifies every change from the client's side and
// (re)writes .changeset/specs-<vendor>.md (and specs-<vendor>-facade.md when the facade's
// adapter must follow); removes them when nothing changed. --no-write only prints.
// Reference: docs/spec-changes.md#specsdiff.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { commandLine } from "../src/cli.js";
import { describeResult } from "../src/pull/report.js";
import { analyzeVendor, type VendorDiff } from "../src/release/analyze.js";
import { changesetFiles } from "../src/release/changesets.js";

const { root, options, vendors } = commandLine(process.argv.slice(2), {
  usage: "usage: pnpm specs:diff [vendor ...] [--no-write] [--json]",
  flags: ["no-write", "json"],
  vendors: true,
});
const json = options.json === true;
const results: VendorDiff[] = [];
for (const vendor of vendors) {
  const result = await analyzeVendor(root, vendor);
  results.push(result);
  if (!json) {
    if (!result.base)
      console.log(`${vendor}: no release and no commit of specs/${vendor}/openapi.yaml yet: nothing to compare`);
    else if (!result.changes.length) console.log(`${vendor}: no change since ${result.base.label}`);
    else console.log([`${vendor}:`, ...describeResult(result)].join("\n"));
    for (const s of result.stale) console.log(`  overlay fix ${s.name} no longer applies: ${s.detail}`);
  }
  if (options["no-write"] === true || !result.base) continue;
  for (const [path, text] of changesetFiles(root, result)) {
    if (text === null) {
      if (existsSync(path)) {
        rmSync(path);
        if (!json) console.log(`  removed ${relative(root, path)}`);
      }
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      if (!json) console.log(`  wrote ${relative(root, path)}`);
    }
  }
}
if (json) {
  const report = results.map((r) => ({
    vendor: r.vendor,
    base: r.base?.label,
    bump: r.bump ?? null,
    changes: r.changes,
    facadeBump: r.facadeBump ?? null,
    facade: r.facade,
    staleFixes: r.stale,
  }));
  console.log(JSON.stringify(report, null, 2));
}
