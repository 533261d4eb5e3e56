import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSection, replaceSection } from "../scripts/readme-section.mjs";
import { caldAdapter } from "../src/adapters/cald.js";
import { cartesiaAdapter } from "../src/adapters/cartesia.js";
import { retellAdapter } from "../src/adapters/retell.js";
import { verbexAdapter } from "../src/adapters/verbex.js";
import { vogentAdapter } from "../src/adapters/vogent.js";
import { capabilities } from "../src/index.js";

const adapters = {
  retell: retellAdapter,
  cartesia: cartesiaAdapter,
  verbex: verbexAdapter,
  vogent: vogentAdapter,
  cald: caldAdapter,
};

describe("README capability matrix", () => {
  it("is the one the adapters render (run `pnpm --filter @phonebridge/facade readme` when this fails)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(replaceSection(readme, renderSection(adapters))).toBe(readme);
  });

  it("is rendered from the exported matrix", () => {
    for (const [provider, adapter] of Object.entries(adapters)) {
      expect(capabilities[provider as keyof typeof capabilities]).toBe(adapter.capabilities);
    }
  });

  it("marks inferred points with † and unsupported ones with —", () => {
    const section = renderSection(adapters);
    expect(section).toContain(
      '| `agentId: null` remove | ✓† `{"inbound_agents":null}` | ✓ `{"agent_id":null}` | ✓† `{"inbound_agent_id":null}` | ✓ `{"agentId":""}` | ✓ `{}` |',
    );
    expect(section).toContain(
      '| `label: null` clear | ✓† `{"nickname":null}` | — | ✓† `{"friendly_name":null}` | — | — |',
    );
  });
});
