import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Starts every vendor's Prism mock once for the run; tests reach them through --base-url.
    globalSetup: ["@phonebridge/testing/vitest-setup"],
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
