// Mutation testing of @phonebridge/facade against its own tests, the Prism mocks included
// (docs/ARCHITECTURE.md#mutation-testing), the type tests left out: see facade.vitest.config.mjs.
import { strykerConfig } from "./stryker.base.mjs";

export default strykerConfig("facade", "src/**/*.ts", {
  vitest: { configFile: "../spec-tools/mutation/facade.vitest.config.mjs" },
});
