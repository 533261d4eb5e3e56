#!/usr/bin/env node
// `pnpm version-packages` runs this after `changeset version`: rewrites src/version.ts of every
// package that names itself in its User-Agent from its package.json. `--check` writes nothing and
// fails when one is stale (`pnpm test`).
import { commandLine } from "../src/cli.js";
import { syncVersions, VERSIONS_COMMAND } from "../src/packages/versions.js";

const { root, options } = commandLine(process.argv.slice(2), {
  usage: "usage: node packages/spec-tools/dist/bin/versions.js [--check]",
  flags: ["check"],
});
const stale = syncVersions(root, options.check === true);
if (options.check === true && stale.length) {
  console.error(`${stale.join("\n")}\nstale: run \`${VERSIONS_COMMAND}\` (or \`pnpm generate\`) and commit the result`);
  process.exit(1);
}
console.log(stale.length ? `wrote ${stale.join(", ")}` : "version files match package.json");
