import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The same wiring users get from "@phonebridge/testing/vitest-setup", from source.
    globalSetup: ["./src/vitest-setup.ts"],
    // Starting Prism takes seconds on a loaded machine; the harness has its own 30 s readiness limit.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
