#!/usr/bin/env node
// Checks that every effective spec (document + overlay, as generated into
// packages/<vendor>/openapi.json) is valid OpenAPI, with Redocly's structural rules.
// The published documents themselves may be invalid (Cartesia's is): that is what overlays fix.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createConfig, lintFromString } from "@redocly/openapi-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendors = readdirSync(join(root, "specs"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const config = await createConfig({ rules: { struct: "error", "no-unresolved-refs": "error" } });

let failed = 0;
for (const vendor of vendors) {
  const path = join(root, "packages", vendor, "openapi.json");
  let problems;
  try {
    problems = await lintFromString({ source: readFileSync(path, "utf8"), absoluteRef: path, config });
  } catch (error) {
    problems = [{ severity: "error", message: `the validator crashed: ${error.message}`, location: [] }];
  }
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length === 0) {
    console.log(`ok   ${vendor}: packages/${vendor}/openapi.json is valid OpenAPI`);
    continue;
  }
  failed += 1;
  console.error(`FAIL ${vendor}: packages/${vendor}/openapi.json`);
  for (const problem of errors) console.error(`  - ${problem.message} at ${problem.location?.[0]?.pointer ?? "?"}`);
}
process.exit(failed ? 1 : 0);
