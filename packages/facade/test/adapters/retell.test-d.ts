/** Retell's capability row at compile time: every change, and a passthrough typed by its spec. */
import { describe, expectTypeOf, it } from "vitest";
import { createPhoneNumbers as createRetell } from "../../src/generated/entries/retell.js";
import { createPhoneNumbers, type PhoneNumberResult } from "../../src/index.js";

declare const id: string;

describe("retell", () => {
  it("everything, with typed passthrough", () => {
    const retell = createPhoneNumbers({ provider: "retell" });
    void retell.update(id, { agentId: "A", label: null, outboundAgentId: null });
    void retell.update(id, {}, { vendor: { inbound_agents: [{ agent_id: "a", agent_version: 2, weight: 1 }] } });
    // @ts-expect-error weight is required by Retell's schema
    void retell.update(id, {}, { vendor: { inbound_agents: [{ agent_id: "a" }] } });
    // @ts-expect-error agentId must be a string or null
    void retell.update(id, { agentId: 5 });
  });

  it("its entry point", () => {
    const retell = createRetell({ apiKey: "k" });
    void retell.update(id, { label: "X" });
  });

  it("results are normalized, with the vendor's raw body typed", async () => {
    const retell = createPhoneNumbers({ provider: "retell" });
    const result = await retell.update(id, { agentId: "A" });
    expectTypeOf(result).toEqualTypeOf<PhoneNumberResult<"retell">>();
    expectTypeOf(result.provider).toEqualTypeOf<"retell">();
    expectTypeOf(result.agentId).toEqualTypeOf<string | null>();
    expectTypeOf(result.raw.phone_number).toEqualTypeOf<string>();
  });
});
