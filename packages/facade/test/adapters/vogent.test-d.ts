/** Vogent's capability row at compile time: agent only. */
import { describe, it } from "vitest";
import { createPhoneNumbers } from "../../src/index.js";

declare const id: string;

describe("vogent", () => {
  it("agent only", () => {
    const vogent = createPhoneNumbers({ provider: "vogent" });
    void vogent.update(id, { agentId: null });
    // @ts-expect-error Vogent has no label
    void vogent.update(id, { label: "X" });
    // @ts-expect-error Vogent has no outbound agent
    void vogent.update(id, { outboundAgentId: "B" });
  });

  it("a variable of unsupported changes is an error too, not only a literal", () => {
    const vogent = createPhoneNumbers({ provider: "vogent" });
    const changes = { agentId: "A", label: "X" };
    // @ts-expect-error label is not supported by vogent
    void vogent.update(id, changes);
  });
});
