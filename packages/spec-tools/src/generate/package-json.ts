// package.json of a vendor package. The version is kept from the file on disk (changesets own
// it); dependency versions are `catalog:` (pnpm-workspace.yaml holds them once).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { objectOr } from "../json.js";
import type { VendorModel } from "./model.js";

export function renderPackageJson(root: string, { vendor, config }: VendorModel): string {
  const path = join(root, "packages", vendor, "package.json");
  const existing = existsSync(path) ? objectOr(JSON.parse(readFileSync(path, "utf8"))) : {};
  const pkg = {
    name: `@phonebridge/${vendor}`,
    version: existing.version ?? "0.0.0",
    description: `Typed client for ${config.title}'s API, generated from its OpenAPI document.`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./openapi.json": "./openapi.json",
      "./package.json": "./package.json",
    },
    files: ["dist", "src", "openapi.json", "api.md"],
    repository: {
      type: "git",
      url: "git+https://github.com/phonebridge/phonebridge.git",
      directory: `packages/${vendor}`,
    },
    scripts: {
      build: "tsc -p tsconfig.build.json",
      typecheck: "tsc -p tsconfig.json --noEmit",
      test: "vitest run",
    },
    // Versions come from the catalog in pnpm-workspace.yaml, like every package's.
    dependencies: {
      "@phonebridge/core": "workspace:*",
      "openapi-fetch": "catalog:",
    },
    devDependencies: {
      "@phonebridge/testing": "workspace:*",
      "@types/node": "catalog:",
      typescript: "catalog:",
      vitest: "catalog:",
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
