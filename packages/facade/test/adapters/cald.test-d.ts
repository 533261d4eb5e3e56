/** Cald's capability row at compile time: agent only, no passthrough. */
import { describe, it } from "vitest";
import { createPhoneNumbers as createCald } from "../../src/generated/entries/cald.js";
import { createPhoneNumbers } from "../../src/index.js";

declare const id: string;

describe("cald", () => {
  it("agent only, no passthrough", () => {
    const cald = createPhoneNumbers({ provider: "cald" });
    void cald.update(id, { agentId: "A" });
    void cald.update(id, { agentId: null });
    // @ts-expect-error Cald has no label
    void cald.update(id, { label: "X" });
    // @ts-expect-error Cald has no label to clear
    void cald.update(id, { label: null });
    // @ts-expect-error Cald has no outbound agent
    void cald.update(id, { outboundAgentId: "B" });
    // @ts-expect-error Cald takes no passthrough fields
    void cald.update(id, { agentId: "A" }, { vendor: { agentId: "B" } });
    // @ts-expect-error unknown change
    void cald.update(id, { agent: "A" });
  });

  it("its entry point", () => {
    const cald = createCald();
    // @ts-expect-error Cald has no label
    void cald.update(id, { label: "X" });
    // @ts-expect-error the Cald entry is Cald only
    createCald({ provider: "retell" });
  });
});
