// Mutation testing of @phonebridge/facade against its own tests, the Prism mocks included
// (docs/ARCHITECTURE.md#mutation-testing).
import { strykerConfig } from "./stryker.base.mjs";

export default strykerConfig("facade", "src/**/*.ts");
