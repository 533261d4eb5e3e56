import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The sources import the transport chosen for the runtime through package.json `imports`, which
// points at dist/: the tests take the Node one from src/, so they test the code beside them.
export default defineConfig({
  resolve: { alias: { "#default-send": fileURLToPath(new URL("./src/default-send-node.ts", import.meta.url)) } },
});
