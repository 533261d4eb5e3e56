#!/usr/bin/env node
// `pnpm specs:pull [vendor] [--from <url-or-file> [--page <file>]] [--accept-identity]`: fetches
// every page of each vendor's spec from its URL in specs/<vendor>/provenance.yaml (or one page
// --from elsewhere) and either reports "no change", or writes the changed pages, dates their
// provenance, re-applies the overlay, regenerates the package and writes the changeset. Refuses, touching nothing, on a page without OpenAPI,
// invalid OpenAPI, another vendor's API, or an overlay fix that no longer applies (named).
// Reference: docs/spec-changes.md#specspull.
import { commandLine, usageError } from "../src/cli.js";
import { pullVendor } from "../src/pull/pull.js";

const USAGE = "usage: pnpm specs:pull [vendor] [--from <url-or-file> [--page <file>]] [--accept-identity]";
const { root, options, vendors } = commandLine(process.argv.slice(2), {
  usage: USAGE,
  values: ["from", "page"],
  flags: ["accept-identity"],
  vendors: true,
});
const from = typeof options.from === "string" ? options.from : undefined;
const page = typeof options.page === "string" ? options.page : undefined;
if (from && vendors.length !== 1) usageError("--from needs exactly one vendor", USAGE);
if (page && !from) usageError("--page names the page that --from holds: give --from too", USAGE);

let exitCode = 0;
for (const vendor of vendors) {
  const outcome = await pullVendor({
    root,
    vendor,
    from,
    page,
    // pnpm runs scripts from the root; a relative --from is relative to where the user typed it.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    acceptIdentity: options["accept-identity"] === true,
  });
  const print = outcome.exitCode ? console.error : console.log;
  for (const line of outcome.lines) print(line);
  exitCode = Math.max(exitCode, outcome.exitCode);
}
process.exit(exitCode);
