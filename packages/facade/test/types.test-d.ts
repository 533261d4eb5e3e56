/**
 * Compile-time rules every vendor shares: run by `vitest` (typecheck mode) and by
 * `tsc -p tsconfig.json`. Each vendor's own capability errors are in test/adapters/<vendor>.test-d.ts.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type Changes,
  createPhoneNumbers,
  type Drift,
  type PhoneNumberResult,
  type Provider,
  type ResponseInfo,
  type ResultList,
  type ResultOf,
  type ResultPage,
  type UnsupportedRead,
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

describe("reads", () => {
  it("get, list and find compile for a vendor that documents them, with typed results", async () => {
    const phones = createPhoneNumbers({ provider: "cartesia" });
    expectTypeOf(phones.get(id)).resolves.toEqualTypeOf<ResultOf<"cartesia">>();
    expectTypeOf(phones.get(id, { withResponse: true })).resolves.toEqualTypeOf<WithResponse<ResultOf<"cartesia">>>();
    expectTypeOf(phones.list({ agentId: "A" }, { maxRetries: 1 })).toEqualTypeOf<ResultList<"cartesia">>();
    expectTypeOf(phones.list()).toMatchTypeOf<AsyncIterable<ResultOf<"cartesia">>>();
    expectTypeOf(phones.list().pages()).toEqualTypeOf<AsyncIterableIterator<ResultPage<"cartesia">>>();
    expectTypeOf<ResultPage<"cartesia">["results"]>().toEqualTypeOf<ResultOf<"cartesia">[]>();
    expectTypeOf<ResultPage<"cartesia">["drift"]>().toEqualTypeOf<readonly Drift[] | undefined>();
    expectTypeOf(phones.find("+14155551234")).resolves.toEqualTypeOf<ResultOf<"cartesia"> | null>();
    expectTypeOf<ResultOf<"cartesia">["drift"]>().toEqualTypeOf<readonly Drift[] | undefined>();
    // @ts-expect-error list filters by agentId only
    void phones.list({ label: "x" });
  });

  it("a literal vendor that documents no read is a compile error naming the read and the vendor", () => {
    const cald = createPhoneNumbers({ provider: "cald" });
    // @ts-expect-error get is not supported by cald
    void cald.get(id);
    // @ts-expect-error list is not supported by cald
    void cald.list();
    // @ts-expect-error list is not supported by cald
    void cald.list({ agentId: "A" });
    // @ts-expect-error find is not supported by cald
    void cald.find("+14155551234");
    const verbex = createPhoneNumbers({ provider: "verbex" });
    // @ts-expect-error get is not supported by verbex
    void verbex.get(id);
    // @ts-expect-error list is not supported by verbex
    void verbex.list();
    // @ts-expect-error find is not supported by verbex
    void verbex.find("+14155551234");
    expectTypeOf<UnsupportedRead<"cald", "get">>().not.toExtend<string>();
  });

  it("a provider known only at run time compiles every read (checked at run time)", () => {
    const phones = createPhoneNumbers({ provider });
    void phones.get(id);
    void phones.list();
    void phones.find("+14155551234");
  });
});
