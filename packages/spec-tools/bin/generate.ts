#!/usr/bin/env node
// `pnpm generate [vendor ...]`: regenerates every vendor package (or the ones named) from
// specs/<vendor>/; `--check` writes nothing and fails when a committed generated file differs (CI).
import { commandLine } from "../src/cli.js";
import { GenerateError, generate } from "../src/generate/generate.js";
import { GENERATE_COMMAND } from "../src/generate/header.js";

const { root, options, vendors } = commandLine(process.argv.slice(2), {
  usage: `usage: ${GENERATE_COMMAND} [--check] [vendor ...]`,
  flags: ["check"],
  vendors: true,
});
const check = options.check === true;
let stale: string[];
try {
  ({ stale } = await generate(root, vendors, {
    check,
    onFile: (line, isStale) => (isStale ? console.error(line) : console.log(line)),
  }));
} catch (error) {
  // A document or a vendor.yaml the generator cannot use: the message says where and what to do.
  if (!(error instanceof GenerateError)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (stale.length) {
  console.error(
    `\n${stale.length} generated file(s) differ from specs/. Run \`${GENERATE_COMMAND}\` and commit the result.`,
  );
  process.exit(1);
}
if (check) console.log(`generated packages are fresh (${vendors.join(", ")})`);
