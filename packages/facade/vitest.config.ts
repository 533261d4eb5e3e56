import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One Prism mock per vendor, started once per run (base URLs via inject).
    globalSetup: ["@phonebridge/testing/vitest-setup"],
    hookTimeout: 60_000,
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
