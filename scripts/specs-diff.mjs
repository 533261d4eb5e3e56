#!/usr/bin/env node
// pnpm specs:diff [vendor ...] [--no-write] [--json]
//
// Compares each vendor's effective spec (document + overlay) at its last release (the git tag
// `changeset tag` writes; with none yet, the first commit of the spec) with the working copy,
// classifies every change from the client's side (CONTRACT.md, "Spec changes"; reference in
// docs/spec-changes.md) and writes .changeset/specs-<vendor>.md (and
// .changeset/specs-<vendor>-facade.md when the facade's adapter must follow). The changesets
// always describe the whole difference since the release: rewritten on every run, removed when
// there is none. --no-write only prints.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { commandLine } from "./lib/cli-args.mjs";
import { analyzeVendor, changesetFiles } from "./lib/spec-changes.mjs";
import { describeResult } from "./lib/specs-pull.mjs";

const USAGE = "usage: pnpm specs:diff [vendor ...] [--no-write] [--json]";
const { root, options, vendors } = commandLine(process.argv.slice(2), {
  usage: USAGE,
  flags: ["no-write", "json"],
  vendors: true,
  scriptUrl: import.meta.url,
});
const results = [];
for (const vendor of vendors) {
  const result = await analyzeVendor(root, vendor);
  results.push(result);
  if (!options.json) {
    if (!result.base)
      console.log(`${vendor}: no release and no commit of specs/${vendor}/openapi.yaml yet: nothing to compare`);
    else if (!result.changes.length) console.log(`${vendor}: no change since ${result.base.label}`);
    else console.log([`${vendor}:`, ...describeResult(result)].join("\n"));
    for (const s of result.stale) console.log(`  overlay fix ${s.name} no longer applies: ${s.detail}`);
  }
  if (options["no-write"] || !result.base) continue;
  for (const [path, text] of changesetFiles(root, result)) {
    if (text === null) {
      if (existsSync(path)) {
        rmSync(path);
        if (!options.json) console.log(`  removed ${relative(root, path)}`);
      }
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      if (!options.json) console.log(`  wrote ${relative(root, path)}`);
    }
  }
}
if (options.json) {
  console.log(
    JSON.stringify(
      results.map((r) => ({
        vendor: r.vendor,
        base: r.base?.label,
        bump: r.bump ?? null,
        changes: r.changes,
        facadeBump: r.facadeBump ?? null,
        facade: r.facade,
        staleFixes: r.stale,
      })),
      null,
      2,
    ),
  );
}
