/** Verbex's capability row at compile time: every change, and a passthrough typed by its spec. */
import { describe, it } from "vitest";
import { createPhoneNumbers } from "../../src/index.js";

declare const id: string;

describe("verbex", () => {
  it("everything, with typed passthrough", () => {
    const verbex = createPhoneNumbers({ provider: "verbex" });
    void verbex.update(
      id,
      { agentId: null, label: null, outboundAgentId: "B" },
      { vendor: { sip_trunk_username: "u" } },
    );
  });
});
