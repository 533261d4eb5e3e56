// The tools' tests. Not cached by turbo (turbo.json): they read specs/, the facade's adapters and
// the repository's git history, which are outside this package.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
