#!/usr/bin/env node
// `pnpm specs:validate`: every effective spec (document + overlay, as generated into
// packages/<vendor>/openapi.json) is valid OpenAPI, by the tools' one validator
// (src/openapi/validate.ts). The published documents themselves may be invalid: that is what
// overlays fix.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { commandLine } from "../src/cli.js";
import { validateOpenApi } from "../src/openapi/validate.js";

const { root, vendors } = commandLine(process.argv.slice(2), {
  usage: "usage: pnpm specs:validate [vendor ...]",
  vendors: true,
});
let failed = 0;
for (const vendor of vendors) {
  const shown = `packages/${vendor}/openapi.json`;
  let errors: string[];
  try {
    errors = await validateOpenApi(JSON.parse(readFileSync(join(root, shown), "utf8")));
  } catch (error) {
    errors = [`cannot read it: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (errors.length === 0) {
    console.log(`ok   ${vendor}: ${shown} is valid OpenAPI`);
    continue;
  }
  failed += 1;
  console.error(`FAIL ${vendor}: ${shown}`);
  for (const error of errors) console.error(`  - ${error}`);
}
process.exit(failed ? 1 : 0);
