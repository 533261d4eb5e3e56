/**
 * Compile-time rules every vendor shares: run by `vitest` (typecheck mode) and by
 * `tsc -p tsconfig.json`. Each vendor's own capability errors are in test/adapters/<vendor>.test-d.ts.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type Changes,
  createPhoneNumbers,
  type PhoneNumberResult,
  type Provider,
  type ResponseInfo,
  type ResultOf,
  type WithResponse,
} from "../src/index.js";

declare const id: string;
declare const provider: Provider;

describe("provider known only at run time", () => {
  it("accepts any change (checked at run time) and returns the union of results", () => {
    const phones = createPhoneNumbers({ provider });
    void phones.update(id, { label: null, outboundAgentId: "B" });
    expectTypeOf(phones.update(id, { agentId: "A" })).resolves.toEqualTypeOf<ResultOf<Provider>>();
    expectTypeOf<{ label: null; outboundAgentId: string }>().toExtend<Changes<Provider>>();
    // @ts-expect-error unknown change
    void phones.update(id, { agent: "A" });
  });

  it("results are normalized whatever the vendor", async () => {
    const result = await createPhoneNumbers({ provider }).update(id, { agentId: "A" });
    expectTypeOf(result).toEqualTypeOf<ResultOf<Provider>>();
    expectTypeOf(result.agentId).toEqualTypeOf<string | null>();
    expectTypeOf(result.provider).toEqualTypeOf<Provider>();
    expectTypeOf<PhoneNumberResult<Provider>["number"]>().toEqualTypeOf<string | null>();
  });
});

describe("per-call options and response metadata are typed", () => {
  it("signal, timeoutMs, maxRetries and headers on every call; withResponse changes what resolves", () => {
    const phones = createPhoneNumbers({ provider, defaultHeaders: { "x-team": "voice" }, logLevel: "debug" });
    const options = { signal: AbortSignal.timeout(1000), timeoutMs: 5000, maxRetries: 0, headers: { "x-trace": "t" } };
    expectTypeOf(phones.update(id, { agentId: "A" }, options)).resolves.toEqualTypeOf<ResultOf<Provider>>();
    const withResponse = phones.update(id, { agentId: "A" }, { ...options, withResponse: true });
    expectTypeOf(withResponse).resolves.toEqualTypeOf<WithResponse<ResultOf<Provider>>>();
    expectTypeOf(withResponse).resolves.toHaveProperty("response").toEqualTypeOf<ResponseInfo>();
    // @ts-expect-error a header's value is a string
    void phones.update(id, { agentId: "A" }, { headers: { "x-n": 5 } });
    // @ts-expect-error logLevel is one of debug, info, warn, off
    createPhoneNumbers({ provider, logLevel: "trace" });
  });
});
