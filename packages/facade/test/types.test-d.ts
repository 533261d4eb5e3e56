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
  type ResultOf,
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
