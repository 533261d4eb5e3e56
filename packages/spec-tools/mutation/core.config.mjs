// Mutation testing of @phonebridge/core against its own tests (docs/ARCHITECTURE.md#mutation-testing).
import { strykerConfig } from "./stryker.base.mjs";

export default strykerConfig("core", "src/**/*.ts");
