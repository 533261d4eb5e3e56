// Mutation testing of the spec classifier, src/diff/ (docs/ARCHITECTURE.md#mutation-testing),
// against the tests that call it directly: see classifier.vitest.config.ts.
import { strykerConfig } from "./stryker.base.mjs";

export default strykerConfig("classifier", "src/diff/**/*.ts", {
  vitest: { configFile: "mutation/classifier.vitest.config.ts" },
});
