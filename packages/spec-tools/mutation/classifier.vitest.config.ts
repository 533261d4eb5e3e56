// The tests mutation testing runs against the classifier (src/diff/): its mirrored corpus tests,
// and the tests of the modules that read its rule table and changes (the docs tables, oasdiff's
// cross-check, changesets). The end-to-end tests run the built dist/, where a mutant never is.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: [
      "test/diff/**/*.test.ts",
      "test/docs/**/*.test.ts",
      "test/oasdiff/**/*.test.ts",
      "test/release/**/*.test.ts",
    ],
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
