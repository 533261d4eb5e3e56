#!/usr/bin/env node
// `pnpm check:packages [name ...]`: publint and attw on the packed tarball of every publishable
// package (src/packages/check-packages.ts). Build first. Exits 1 on a problem.
import { checkPackages } from "../src/packages/check-packages.js";
import { repoRoot } from "../src/repo.js";

const results = checkPackages(repoRoot(), process.argv.slice(2));
for (const result of results) {
  if (result.skipped) console.log(`- ${result.name}: ${result.skipped}: skipped`);
  else console.log(`${result.ok ? "✓" : "✗"} ${result.name}: ${result.lines.join("\n")}`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(
  failed ? `\ncheck:packages: ${failed} package(s) with problems` : "\ncheck:packages: every package is clean",
);
process.exitCode = failed ? 1 : 0;
