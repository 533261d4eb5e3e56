#!/usr/bin/env node
// pnpm specs:pull [vendor] [--from <url-or-file>] [--accept-identity]
//
// Fetches each vendor's document from the URL in specs/<vendor>/provenance.yaml (or --from),
// extracts the OpenAPI, and either reports "no change", or writes the document, updates the
// provenance date, re-applies the overlay, regenerates the package and writes the changeset.
// Refuses, touching nothing, on a page without OpenAPI, invalid OpenAPI, another vendor's API,
// or an overlay fix that no longer applies (named). Vogent: compares its page and reports
// "changed, review by hand" or "no change". Reference: docs/spec-changes.md.
import { parseArgs, repoRoot } from "./lib/cli-args.mjs";
import { listVendors } from "./lib/spec-release.mjs";
import { pullVendor } from "./lib/specs-pull.mjs";

const USAGE = "usage: pnpm specs:pull [vendor] [--from <url-or-file>] [--accept-identity]";
let args;
try {
  args = parseArgs(process.argv.slice(2), { values: ["from", "root"], flags: ["accept-identity", "help"] });
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (args.options.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = repoRoot(args.options, import.meta.url);
const known = listVendors(root);
const vendors = args.positional.length ? args.positional : known;
for (const v of vendors) {
  if (!known.includes(v)) {
    console.error(`unknown vendor "${v}" (vendors: ${known.join(", ")})\n${USAGE}`);
    process.exit(2);
  }
}
if (args.options.from && vendors.length !== 1) {
  console.error(`--from needs exactly one vendor\n${USAGE}`);
  process.exit(2);
}

let exitCode = 0;
for (const vendor of vendors) {
  // pnpm runs scripts from the root; a relative --from is relative to where the user typed it.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const outcome = await pullVendor({
    root,
    vendor,
    from: args.options.from,
    cwd,
    acceptIdentity: Boolean(args.options["accept-identity"]),
  });
  const print = outcome.exitCode ? console.error : console.log;
  for (const line of outcome.lines) print(line);
  exitCode = Math.max(exitCode, outcome.exitCode);
}
process.exit(exitCode);
