// Every file of one vendor package, rendered from its specs/ folder: a Map of absolute path →
// contents, which generate.ts writes or compares.
import { join } from "node:path";
import { objectOr } from "../json.js";
import { expectedVersionFile } from "../packages/versions.js";
import { deriveDescriptor } from "../spec/descriptor.js";
import type { VendorSpec } from "../spec/vendor-spec.js";
import { renderApiIndex } from "./api-index.js";
import { renderClient } from "./client.js";
import { renderVitestConfig, TSCONFIG, TSCONFIG_BUILD } from "./config-files.js";
import { renderContractTest } from "./contract-test.js";
import { GENERATE_COMMAND, header } from "./header.js";
import { renderIndex } from "./index-file.js";
import type { VendorModel } from "./model.js";
import { renderOpenApiFetch } from "./openapi-fetch.js";
import { renderPackageJson } from "./package-json.js";
import { renderReadme } from "./readme.js";
import { renderSchema } from "./schema.js";
import { renderValidate } from "./validate.js";

/** openapi.json: the effective spec, which Prism and @phonebridge/testing start from. */
function renderEffectiveSpec({ vendor, spec }: VendorModel): string {
  const marked = {
    ...objectOr(spec),
    "x-phonebridge-generated": `from specs/${vendor}/ (document + overlay) by \`${GENERATE_COMMAND}\`; do not edit`,
  };
  return `${JSON.stringify(marked, null, 2)}\n`;
}

/**
 * biome.jsonc: generated code is checked against the generator (\`pnpm generate --check\`), not
 * formatted or linted, so the package opts out of the repository's Biome configuration.
 */
function renderBiomeConfig({ vendor }: VendorModel): string {
  return `${header(vendor)}
{
  "root": false,
  "extends": "//",
  "formatter": { "enabled": false },
  "linter": { "enabled": false },
  "assist": { "enabled": false }
}
`;
}

export async function renderVendorPackage(root: string, loaded: VendorSpec): Promise<Map<string, string>> {
  const model: VendorModel = { ...loaded, ...deriveDescriptor(loaded) };
  const dir = join(root, "packages", loaded.vendor);
  // openapi.json first: openapi-typescript may annotate the objects it is given while it bundles.
  const effectiveSpec = renderEffectiveSpec(model);
  return new Map([
    [join(dir, "openapi.json"), effectiveSpec],
    [join(dir, "src/generated/schema.ts"), await renderSchema(model)],
    [join(dir, "src/generated/client.ts"), renderClient(model)],
    [join(dir, "src/generated/validate.ts"), renderValidate(model)],
    [join(dir, "src/index.ts"), renderIndex(model)],
    [join(dir, "src/openapi-fetch.ts"), renderOpenApiFetch(model)],
    // The User-Agent's version: the package.json's (src/packages/versions.ts keeps it in step).
    [join(dir, "src/version.ts"), expectedVersionFile(root, loaded.vendor)],
    [join(dir, "README.md"), renderReadme(model)],
    [join(dir, "api.md"), renderApiIndex(model)],
    [join(dir, "package.json"), renderPackageJson(root, model)],
    [join(dir, "biome.jsonc"), renderBiomeConfig(model)],
    [join(dir, "tsconfig.json"), TSCONFIG],
    [join(dir, "tsconfig.build.json"), TSCONFIG_BUILD],
    [join(dir, "vitest.config.ts"), renderVitestConfig(loaded.vendor)],
    [join(dir, "test/contract.test.ts"), renderContractTest(model)],
  ]);
}
