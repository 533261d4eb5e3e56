// The vendor package's tsconfig files and vitest configuration.
import { header } from "./header.js";

export const TSCONFIG = `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": ".", "noEmit": true },
  "include": ["src", "test"]
}
`;

export const TSCONFIG_BUILD = `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist" },
  "include": ["src"]
}
`;

export function renderVitestConfig(vendor: string): string {
  return `${header(vendor)}
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["@phonebridge/testing/vitest-setup/${vendor}"],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
`;
}
