/**
 * Shared by the property tests: a client whose fetch fails the test when called, and the check
 * that an input is refused before any request, naming the field and the vendor.
 */
import { PhoneBridgeError, type Provider, providerTitle } from "@phonebridge/core";
import fc from "fast-check";
import { expect } from "vitest";
import { createPhoneNumbers } from "../src/index.js";

// A fixed seed keeps the run deterministic; PHONEBRIDGE_FC_SEED explores others.
fc.configureGlobal({ seed: Number(process.env.PHONEBRIDGE_FC_SEED ?? 14) });

/** Untyped JavaScript callers: the run-time checks are what these tests exercise. */
export type Loose = { update(id: unknown, changes: unknown, options?: unknown): Promise<unknown> };

export type Refusal = { code: "invalid_input" | "unsupported_change"; field: string };

/** How many invalid inputs were generated and checked in this test file. */
export const counted = { generated: 0 };

/** A client whose fetch fails the test when it is called at all. */
function guarded(provider: Provider): { phones: Loose; calls: () => number } {
  let calls = 0;
  const fetch = (() => {
    calls++;
    throw new Error("fetch was called for an input that must be refused before any request");
  }) as typeof globalThis.fetch;
  const phones = createPhoneNumbers({ provider, apiKey: "key_props_1234", baseUrl: "http://127.0.0.1:9", fetch });
  return { phones: phones as unknown as Loose, calls: () => calls };
}

/** Calls update and checks the refusal: code, field, the field and the vendor named, nothing sent. */
export async function refuses(
  provider: Provider,
  id: unknown,
  changes: unknown,
  options: unknown,
  expected: Refusal,
): Promise<void> {
  counted.generated++;
  const { phones, calls } = guarded(provider);
  const error = await phones.update(id, changes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(calls()).toBe(0);
  expect(error).toBeInstanceOf(PhoneBridgeError);
  const e = error as PhoneBridgeError;
  expect({ code: e.code, field: e.field, provider: e.provider, attempts: e.attempts }).toEqual({
    ...expected,
    provider,
    attempts: 0,
  });
  expect(e.message.startsWith(`${providerTitle(provider)}: `)).toBe(true);
  // The message names the field: "changes" as "change(s)", "vendor.x" by x, the others as they
  // are, a name from the input as a message quotes it (JSON-escaped).
  const name = expected.field === "changes" ? "change" : expected.field.replace(/^vendor\./, "");
  expect(e.message).toContain(JSON.stringify(name).slice(1, -1));
}

const CONTROL_CODES = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
];
export const control = fc.constantFrom(...CONTROL_CODES.map((code) => String.fromCharCode(code)));

/** Inserts `inserted` somewhere into `base`. */
export const inserting = (base: fc.Arbitrary<string>, inserted: fc.Arbitrary<string>) =>
  fc.tuple(base, inserted, fc.nat()).map(([text, c, at]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + c + text.slice(i);
  });

const ID_CHARS = [..."abcdefXYZ0123456789-_.~+:@!$&'()*,;=%?#[]é日📞"];
/** An id no common path rule refuses (a vendor's own id rules aside). */
export const plainId = fc
  .string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 24 })
  .filter((id) => id !== "." && id !== "..");

/** Any defined value (a passthrough value). */
export const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
);

export const RUNS = 30;
