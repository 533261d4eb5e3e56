#!/usr/bin/env node
// `pnpm docs`: renders the rule table into docs/spec-changes.md and its summary into
// docs/CONTRACT.md (src/docs/table.ts); `--check` writes nothing and fails when they are stale.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { commandLine } from "../src/cli.js";
import { renderSections } from "../src/docs/table.js";

const { root, options } = commandLine(process.argv.slice(2), { usage: "usage: pnpm docs [--check]", flags: ["check"] });
let stale = 0;
for (const { file, current, next } of renderSections(root)) {
  if (current === next) {
    console.log(`${file}: up to date`);
  } else if (options.check === true) {
    stale += 1;
    console.error(`${file}: the rule table is stale; run \`pnpm docs\``);
  } else {
    writeFileSync(join(root, file), next);
    console.log(`${file}: rule table updated`);
  }
}
process.exit(stale ? 1 : 0);
