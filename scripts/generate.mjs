#!/usr/bin/env node
// Regenerates every vendor package (or the ones named) from specs/<vendor>/:
//   document + overlay → packages/<vendor>/openapi.json, src/generated/*, src/index.ts,
//   README.md, package.json (version kept), tsconfig files, test/contract.test.ts.
// Deterministic: the same specs give byte-identical files.
// `--check` writes nothing and fails when a committed generated file differs (CI).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { renderVendorPackage } from "./lib/render-vendor.mjs";
import { loadVendorSpec } from "./lib/vendor-spec.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function usage(message) {
  console.error(`${message}\nusage: pnpm generate [--check] [vendor ...]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const check = args.includes("--check");
const named = args.filter((arg) => !arg.startsWith("--"));
for (const flag of args.filter((arg) => arg.startsWith("--"))) {
  if (flag !== "--check") usage(`unknown option ${flag}`);
}
const known = readdirSync(join(root, "specs"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
for (const vendor of named) if (!known.includes(vendor)) usage(`no specs/${vendor}/ (known: ${known.join(", ")})`);
const vendors = named.length ? named : known;

let stale = 0;
for (const vendor of vendors) {
  const loaded = loadVendorSpec(root, vendor);
  const files = await renderVendorPackage(root, loaded);
  for (const [path, contents] of files) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (current === contents) continue;
    const shown = relative(root, path);
    if (check) {
      stale += 1;
      console.error(`stale: ${shown} is not what \`pnpm generate ${vendor}\` makes from specs/${vendor}/`);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, contents);
    console.log(`wrote ${shown}`);
  }
}
if (stale) {
  console.error(`\n${stale} generated file(s) differ from specs/. Run \`pnpm generate\` and commit the result.`);
  process.exit(1);
}
if (check) console.log(`generated packages are fresh (${vendors.join(", ")})`);
