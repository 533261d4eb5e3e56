#!/usr/bin/env node
// The main job: updates one phone number on each of the five vendors against the embedded
// Prism mocks, and prints what each vendor answered.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const load = (pkg) => import(pathToFileURL(join(root, "packages", pkg, "dist/index.js")).href);

const updates = {
  cald: ["pn_demo", { agentId: "agent_demo" }],
  cartesia: ["pn_demo", { agent_id: "agent_demo", label: "Front desk" }],
  retell: ["+14157774444", { inbound_agents: [{ agent_id: "agent_demo", weight: 1 }], nickname: "Front desk" }],
  verbex: ["pn_demo", { inbound_agent_id: "agent_demo", friendly_name: "Front desk" }],
  vogent: ["pn_demo", { agentId: "agent_demo" }],
};

const { startMockServers } = await load("testing");
console.log("Starting a Prism mock of each vendor's spec on 127.0.0.1 …");
const mocks = await startMockServers(Object.keys(updates));
let failed = 0;
try {
  for (const [vendor, [id, body]] of Object.entries(updates)) {
    const name = vendor.charAt(0).toUpperCase() + vendor.slice(1);
    const client = (await load(vendor))[`create${name}Client`]({ apiKey: "demo-key", baseUrl: mocks.urls[vendor] });
    try {
      const result = await client.updatePhoneNumber(id, body);
      console.log(`\n${name}: ${JSON.stringify(body)} → ${id}\n  ${JSON.stringify(result)}`);
    } catch (error) {
      failed += 1;
      console.log(`\n${name}: failed: ${error.message}`);
    }
  }
} finally {
  await mocks.stop();
}
process.exit(failed ? 1 : 0);
