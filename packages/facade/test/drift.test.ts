/**
 * Drift, reported and not thrown (docs/CONTRACT.md#facade-result), for every vendor of the
 * registry: a 2xx JSON object that deviates from the vendor's spec in any field (absent, of
 * another type, an enum value the spec does not list) is still the update's result, with the
 * fields that could be read (the others null) and `drift` exactly as the vendor's generated
 * validator finds it. A body that conforms has no `drift` key at all.
 */
import { createSecrets, type Provider } from "@phonebridge/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWithAdapter, type PolicyOverrides } from "../src/engine.js";
import { driftOf } from "../src/result.js";
import { IDS, OK_BODY } from "./helpers.js";
import { ADAPTERS, PROVIDERS } from "./vendors.js";

const KEY = "sk_live_DRIFT_0123456789abcdef";
const instant: PolicyOverrides = { sleep: async () => {}, random: () => 1 };

/** A client of `provider` whose every request is answered 200 with `answer()`, never retried. */
function answering(provider: Provider, answer: () => unknown) {
  const fetch = (async () =>
    new Response(JSON.stringify(answer()), {
      status: 200,
      headers: { "content-type": "application/json" },
    })) as typeof globalThis.fetch;
  return createWithAdapter(ADAPTERS[provider], { apiKey: KEY, baseUrl: "http://127.0.0.1:9", fetch }, instant);
}

/** Values of every JSON type: whichever the spec wants in a field, most of these are not it. */
const WRONG_VALUES: readonly unknown[] = [5, 1.5, true, "x", "", {}, [], [5], { id: 5 }, null];

const isReadField = (value: unknown) => value === null || typeof value === "string";

describe.each(PROVIDERS)("%s: a body that drifts is a result, never an error", (provider) => {
  const okBody = OK_BODY[provider];
  const { update } = ADAPTERS[provider].validators;
  const expectResult = async (body: Record<string, unknown>) => {
    const result = await answering(provider, () => body).update(IDS[provider], { agentId: "A" });
    expect(result).toMatchObject({ provider, id: IDS[provider], raw: body });
    for (const field of ["number", "label", "agentId", "outboundAgentId"] as const) {
      expect(isReadField(result[field]), field).toBe(true);
    }
    const drift = update(body);
    if (drift.length === 0) expect("drift" in result).toBe(false);
    else expect(result.drift).toEqual(drift);
    return result;
  };

  it("the valid body: no drift key", async () => {
    expect(update(okBody)).toEqual([]);
    const result = await expectResult(okBody);
    expect(Object.keys(result)).not.toContain("drift");
  });

  it.each(Object.keys(okBody))("%s absent: a result, with the drift the spec gives", async (field) => {
    const { [field]: _left, ...body } = okBody;
    await expectResult(body);
  });

  it.each(Object.keys(okBody))("%s of each other JSON type: a result, with its drift", async (field) => {
    let drifted = 0;
    for (const value of WRONG_VALUES) {
      const result = await expectResult({ ...okBody, [field]: value });
      if (result.drift !== undefined) drifted += 1;
    }
    // Whatever the spec says of the field, most JSON types are not it.
    expect(drifted).toBeGreaterThan(0);
  });

  it("any JSON object at all, or any fields over a valid body: a result (property)", async () => {
    const body = fc.oneof(
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.dictionary(fc.constantFrom(...Object.keys(okBody), "agent", "inbound_agents"), fc.jsonValue()),
    );
    await fc.assert(
      fc.asyncProperty(body, async (extra) => {
        // JSON has no -0 and no undefined: compare with the body as it travels.
        const sent = JSON.parse(JSON.stringify({ ...okBody, ...extra })) as Record<string, unknown>;
        await expectResult(sent);
      }),
      { numRuns: 100 },
    );
  });
});

describe("driftOf", () => {
  it("scrubs the call's secrets from the paths (a property name of the body can hold one)", () => {
    const secrets = createSecrets([], [KEY]);
    const validate = () => [
      { path: `tags[${JSON.stringify(`a ${KEY}`)}]`, problem: "expected string, got number" },
      { path: `tags.${KEY}`, problem: "expected string, got number" },
      { path: "nickname", problem: "expected string, got number" },
    ];
    const drift = driftOf(validate, {}, secrets);
    expect(JSON.stringify(drift)).not.toContain(KEY);
    expect(drift.map((d) => d.path)).toEqual(['tags["a [redacted]"]', "tags.[redacted]", "nickname"]);
  });
});
