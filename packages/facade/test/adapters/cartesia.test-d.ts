/** Cartesia's capability row at compile time: its label can be set, not cleared; no outbound agent. */
import { describe, expectTypeOf, it } from "vitest";
import { type Changes, createPhoneNumbers } from "../../src/index.js";

declare const id: string;

describe("cartesia", () => {
  it("label can be set, not cleared; no outbound agent", () => {
    const cartesia = createPhoneNumbers({ provider: "cartesia" });
    void cartesia.update(id, { agentId: null, label: "X" });
    void cartesia.update(id, { agentId: "A" }, { vendor: { provider: { id: "prov_1" } } });
    // @ts-expect-error Cartesia's label is not nullable
    void cartesia.update(id, { label: null });
    // @ts-expect-error Cartesia has no outbound agent
    void cartesia.update(id, { outboundAgentId: null });
    // @ts-expect-error a passthrough field of the wrong type
    void cartesia.update(id, { agentId: "A" }, { vendor: { provider: "prov_1" } });
    expectTypeOf<{ label: null }>().not.toExtend<Changes<"cartesia">>();
  });
});
