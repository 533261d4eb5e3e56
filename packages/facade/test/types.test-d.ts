/** Compile-time capability errors: run by `vitest` (typecheck mode) and by `tsc -p tsconfig.json`. */
import { describe, expectTypeOf, it } from "vitest";
import { createPhoneNumbers as createCald } from "../src/cald.js";
import {
  type Changes,
  createPhoneNumbers,
  type PhoneNumberResult,
  type Provider,
  type ResponseInfo,
  type ResultOf,
  type WithResponse,
} from "../src/index.js";
import { createPhoneNumbers as createRetell } from "../src/retell.js";

declare const id: string;

describe("literal provider: unsupported changes are type errors", () => {
  it("cald: agent only, no passthrough", () => {
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

  it("cartesia: label can be set, not cleared; no outbound agent", () => {
    const cartesia = createPhoneNumbers({ provider: "cartesia" });
    void cartesia.update(id, { agentId: null, label: "X" });
    void cartesia.update(id, { agentId: "A" }, { vendor: { provider: { id: "prov_1" } } });
    // @ts-expect-error Cartesia's label is not nullable
    void cartesia.update(id, { label: null });
    // @ts-expect-error Cartesia has no outbound agent
    void cartesia.update(id, { outboundAgentId: null });
    // @ts-expect-error a passthrough field of the wrong type
    void cartesia.update(id, { agentId: "A" }, { vendor: { provider: "prov_1" } });
  });

  it("vogent: agent only", () => {
    const vogent = createPhoneNumbers({ provider: "vogent" });
    void vogent.update(id, { agentId: null });
    // @ts-expect-error Vogent has no label
    void vogent.update(id, { label: "X" });
    // @ts-expect-error Vogent has no outbound agent
    void vogent.update(id, { outboundAgentId: "B" });
  });

  it("retell and verbex: everything, with typed passthrough", () => {
    const retell = createPhoneNumbers({ provider: "retell" });
    void retell.update(id, { agentId: "A", label: null, outboundAgentId: null });
    void retell.update(id, {}, { vendor: { inbound_agents: [{ agent_id: "a", agent_version: 2, weight: 1 }] } });
    // @ts-expect-error weight is required by Retell's schema
    void retell.update(id, {}, { vendor: { inbound_agents: [{ agent_id: "a" }] } });
    // @ts-expect-error agentId must be a string or null
    void retell.update(id, { agentId: 5 });
    const verbex = createPhoneNumbers({ provider: "verbex" });
    void verbex.update(
      id,
      { agentId: null, label: null, outboundAgentId: "B" },
      { vendor: { sip_trunk_username: "u" } },
    );
  });

  it("a variable of unsupported changes is an error too, not only a literal", () => {
    const vogent = createPhoneNumbers({ provider: "vogent" });
    const changes = { agentId: "A", label: "X" };
    // @ts-expect-error label is not supported by vogent
    void vogent.update(id, changes);
  });

  it("per-vendor entry points", () => {
    const retell = createRetell({ apiKey: "k" });
    void retell.update(id, { label: "X" });
    const cald = createCald();
    // @ts-expect-error Cald has no label
    void cald.update(id, { label: "X" });
    // @ts-expect-error the Cald entry is Cald only
    createCald({ provider: "retell" });
  });
});

describe("provider known only at run time", () => {
  it("accepts any change (checked at run time) and returns the union of results", () => {
    const provider = "retell" as Provider;
    const phones = createPhoneNumbers({ provider });
    void phones.update(id, { label: null, outboundAgentId: "B" });
    expectTypeOf(phones.update(id, { agentId: "A" })).resolves.toEqualTypeOf<ResultOf<Provider>>();
    expectTypeOf<{ label: null; outboundAgentId: string }>().toExtend<Changes<Provider>>();
    expectTypeOf<{ label: null }>().not.toExtend<Changes<"cartesia">>();
  });
});

describe("results", () => {
  it("are normalized, with the vendor's raw body typed", async () => {
    const retell = createPhoneNumbers({ provider: "retell" });
    const result = await retell.update(id, { agentId: "A" });
    expectTypeOf(result).toEqualTypeOf<PhoneNumberResult<"retell">>();
    expectTypeOf(result.provider).toEqualTypeOf<"retell">();
    expectTypeOf(result.agentId).toEqualTypeOf<string | null>();
    expectTypeOf(result.raw.phone_number).toEqualTypeOf<string>();
  });
});

describe("per-call options and response metadata are typed", () => {
  it("signal, timeoutMs, maxRetries and headers on every call; withResponse changes what resolves", () => {
    const retell = createPhoneNumbers({ provider: "retell", defaultHeaders: { "x-team": "voice" }, logLevel: "debug" });
    const options = { signal: AbortSignal.timeout(1000), timeoutMs: 5000, maxRetries: 0, headers: { "x-trace": "t" } };
    expectTypeOf(retell.update(id, { agentId: "A" }, options)).resolves.toEqualTypeOf<PhoneNumberResult<"retell">>();
    const withResponse = retell.update(id, { agentId: "A" }, { ...options, withResponse: true });
    expectTypeOf(withResponse).resolves.toEqualTypeOf<WithResponse<PhoneNumberResult<"retell">>>();
    expectTypeOf(withResponse).resolves.toHaveProperty("response").toEqualTypeOf<ResponseInfo>();
    // @ts-expect-error a header's value is a string
    void retell.update(id, { agentId: "A" }, { headers: { "x-n": 5 } });
    // @ts-expect-error logLevel is one of debug, info, warn, off
    createPhoneNumbers({ provider: "retell", logLevel: "trace" });
  });
});
