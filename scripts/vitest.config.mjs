// Tests of the repository scripts (spec pull, diff and check): `pnpm test:scripts`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL(".", import.meta.url).pathname,
    include: ["test/**/*.test.mjs"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
