#!/usr/bin/env node
// pnpm specs:pull [vendor] [--from <url-or-file>] [--accept-identity]
//
// Fetches each vendor's document from the URL in specs/<vendor>/provenance.yaml (or --from),
// extracts the OpenAPI, and either reports "no change", or writes the document, updates the
// provenance date, re-applies the overlay, regenerates the package and writes the changeset.
// Refuses, touching nothing, on a page without OpenAPI, invalid OpenAPI, another vendor's API,
// or an overlay fix that no longer applies (named). Vogent: compares its page and reports
// "changed, review by hand" or "no change". Reference: docs/spec-changes.md.
import { commandLine, usageError } from "./lib/cli-args.mjs";
import { pullVendor } from "./lib/specs-pull.mjs";

const USAGE = "usage: pnpm specs:pull [vendor] [--from <url-or-file>] [--accept-identity]";
const { root, options, vendors } = commandLine(process.argv.slice(2), {
  usage: USAGE,
  values: ["from"],
  flags: ["accept-identity"],
  vendors: true,
  scriptUrl: import.meta.url,
});
if (options.from && vendors.length !== 1) usageError("--from needs exactly one vendor", USAGE);

let exitCode = 0;
for (const vendor of vendors) {
  // pnpm runs scripts from the root; a relative --from is relative to where the user typed it.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const outcome = await pullVendor({
    root,
    vendor,
    from: options.from,
    cwd,
    acceptIdentity: Boolean(options["accept-identity"]),
  });
  const print = outcome.exitCode ? console.error : console.log;
  for (const line of outcome.lines) print(line);
  exitCode = Math.max(exitCode, outcome.exitCode);
}
process.exit(exitCode);
