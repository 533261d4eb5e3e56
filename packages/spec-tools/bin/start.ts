#!/usr/bin/env node
// `pnpm start`, the main job (after the build `pnpm start` runs first): through the `phonebridge`
// command line over the facade, shows the request each vendor would get for the example file (a
// dry run against the real vendors' URLs, nothing sent), plans it against the embedded Prism
// mocks (each number read, what would change printed) and applies it there, printing the
// normalized results as a table.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { listVendors, repoRoot } from "../src/repo.js";
import { deriveDescriptor } from "../src/spec/descriptor.js";
import { loadVendorSpec } from "../src/spec/vendor-spec.js";

const root = repoRoot();
const cli = join(root, "packages/cli/dist/bin.js");
// A key given without a provider would go to every vendor, which the CLI refuses: one demo key
// per provider, the providers as the CLI knows them.
const { PROVIDERS } = (await import(pathToFileURL(join(root, "packages/cli/dist/index.js")).href)) as {
  PROVIDERS: readonly string[];
};
const demoKeys = PROVIDERS.flatMap((provider) => ["--api-key", `${provider}=demo-key`]);
// A vendor whose spec names no server needs a base URL even for a dry run's display.
const demoBaseUrls = listVendors(root)
  .filter((vendor) => deriveDescriptor(loadVendorSpec(root, vendor)).descriptor.defaultBaseUrl === undefined)
  .flatMap((vendor) => ["--base-url", `${vendor}=https://your-${vendor}-host.example`]);
const input = "packages/cli/examples/numbers.csv";
const phonebridge = (...args: string[]): number =>
  spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" }).status ?? 1;
mkdirSync(join(root, ".cache"), { recursive: true });

console.log(`\n1. What each vendor would receive for ${input} (dry run: nothing is sent)\n`);
const dry = phonebridge("apply", input, "--dry-run", ...demoKeys, ...demoBaseUrls);
if (dry !== 0) process.exit(dry);

console.log("\n2. What the file would change on a Prism mock of each vendor's spec (plan: reads only)\n");
// Exit 1 says something would change (or a vendor has no read): the plan's answer, not a failure.
const planned = phonebridge("plan", input, "--mock");
if (planned === 2) process.exit(planned);

console.log("\n3. The same file applied to those mocks on 127.0.0.1\n");
const applied = phonebridge(
  "apply",
  input,
  "--mock",
  "--table",
  "--overwrite",
  "--results",
  ".cache/quickstart.results.jsonl",
);
console.log(
  "\nPrism answers with the examples in each vendor's spec, so numbers, labels and agent ids above" +
    '\nare those examples ("string" where the spec gives none), not an echo of what was sent.',
);
process.exit(applied);
