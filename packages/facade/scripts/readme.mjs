#!/usr/bin/env node
// Writes the capability matrix into README.md from the built adapters, every vendor of the
// registry in its order (run `pnpm build` first).
// `--check` exits 1 instead of writing when the README is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { PROVIDER_TITLES } from "@phonebridge/core";
import { ADAPTERS } from "../dist/generated/adapters.js";
import { renderSection, replaceSection } from "./readme-section.mjs";

const path = new URL("../README.md", import.meta.url);
const readme = readFileSync(path, "utf8");
const next = replaceSection(readme, renderSection(ADAPTERS, PROVIDER_TITLES));
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error(
      "packages/facade/README.md: the capability matrix is stale; run `pnpm --filter @phonebridge/facade readme`",
    );
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync(path, next);
  console.log("packages/facade/README.md: capability matrix updated");
} else {
  console.log("packages/facade/README.md: capability matrix up to date");
}
