#!/usr/bin/env node
// Writes the capability matrix into README.md from the built adapters (run `pnpm build` first).
// `--check` exits 1 instead of writing when the README is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { caldAdapter } from "../dist/adapters/cald.js";
import { cartesiaAdapter } from "../dist/adapters/cartesia.js";
import { retellAdapter } from "../dist/adapters/retell.js";
import { verbexAdapter } from "../dist/adapters/verbex.js";
import { vogentAdapter } from "../dist/adapters/vogent.js";
import { renderSection, replaceSection } from "./readme-section.mjs";

const path = new URL("../README.md", import.meta.url);
const readme = readFileSync(path, "utf8");
const next = replaceSection(
  readme,
  renderSection({
    retell: retellAdapter,
    cartesia: cartesiaAdapter,
    verbex: verbexAdapter,
    vogent: vogentAdapter,
    cald: caldAdapter,
  }),
);
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
