/** fast-check arbitraries the property tests and the vendors' test data share. */
import fc from "fast-check";

export const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

/** An E.164 phone number: `+`, a non-zero digit, up to 14 more digits. */
export const e164 = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(1, 14)).map(([first, rest]) => `+${first}${rest}`);

/** Text without control characters, 1 to `max` characters (any Unicode). */
export const cleanText = (max: number) =>
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: max })
    .filter((text) => !/[\u0000-\u001f\u007f-\u009f]/.test(text) && text.trim() === text && text !== "");

export const agentId = cleanText(40);

/** A weighted split of agents summing to 1: integer percentages. */
export const split = fc
  .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 })
  .map((shares) => {
    const total = shares.reduce((a, b) => a + b, 0);
    const weights = shares.map((s) => s / total);
    // Put the rounding remainder on the first weight, so the sum is 1 within 1e-9.
    weights[0] = 1 - weights.slice(1).reduce((a, b) => a + b, 0);
    return weights;
  })
  .chain((weights) => fc.tuple(...weights.map((weight) => agentId.map((agent_id) => ({ agent_id, weight })))));
