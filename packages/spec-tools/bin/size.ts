#!/usr/bin/env node
// `pnpm size`: bundle sizes against their budgets (src/packages/size.ts); exits 1 when a budget
// is missed or a bundle cannot be built. `--json <file>` also writes every figure.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { measureSizes, sizeTable } from "../src/packages/size.js";
import { repoRoot } from "../src/repo.js";

const { values } = parseArgs({ options: { json: { type: "string" } } });
const result = await measureSizes(repoRoot());
console.log(sizeTable(result));
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
console.log(result.pass ? "\nsize: every budget holds" : "\nsize: a budget is missed (see above)");
process.exitCode = result.pass ? 0 : 1;
