/**
 * Bad input (docs/CONTRACT.md#facade-updateid-changes-options): property-based tests (fast-check)
 * over the facade's inputs, for every vendor of the registry. Each generated invalid input must be
 * refused before any request (the `fetch` fails the test if it is called) with a PhoneBridgeError
 * `invalid_input` (or `unsupported_change` where the vendor has no such field) whose `field` and
 * message name the field and whose message names the vendor. Each generated valid input must be
 * accepted by the vendor's Prism mock (started once by @phonebridge/testing's globalSetup), which
 * validates the request against the vendor's spec. Secrets a response plants anywhere
 * (docs/CONTRACT.md#secrets) are never shown.
 */
import { inspect } from "node:util";
import { createSecrets, type PhoneBridgeError, type Provider } from "@phonebridge/core";
import { mockUrl } from "@phonebridge/testing/vitest";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { capabilities, createPhoneNumbers, MAX_LABEL_LENGTH } from "../src/index.js";
import { agentId, cleanText } from "./arbitraries.js";
import { IDS, OK_BODY, revealed } from "./helpers.js";
import { anyValue, control, counted, inserting, type Loose, plainId, type Refusal, RUNS, refuses } from "./refusals.js";
import { ADAPTERS, DATA, PROVIDERS } from "./vendors.js";

const CHANGES = ["agentId", "label", "outboundAgentId"] as const;
type Change = (typeof CHANGES)[number];

afterAll(() => {
  // At least 1,000 generated invalid inputs in total, so every input rule meets many shapes.
  expect(counted.generated).toBeGreaterThanOrEqual(1000);
});

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Every character JavaScript's `\s` matches that is not also a control character. */
const whitespace = fc.constantFrom(
  " ",
  "\u00a0",
  "\u1680",
  "\u2000",
  "\u2005",
  "\u200a",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u3000",
  "\ufeff",
);
/**
 * Ids for the Prism runs: no ",", which Prism reads as an array separator in a path
 * parameter ("must be string"), although RFC 3986 and the contract leave it as it is.
 */
const prismId = plainId.filter((id) => !id.includes(","));
/** Ids the vendor takes: its test data's, else any plain id. */
const validId = (provider: Provider) => DATA[provider].arbitraries?.id ?? plainId;

/** The label's longest length on a vendor: its spec's, else phonebridge's own. */
function labelMax(provider: Provider): number {
  const field = capabilities[provider].label.field;
  const { limits } = ADAPTERS[provider].descriptor;
  return (field === undefined ? undefined : limits?.body?.[field]?.maxLength) ?? MAX_LABEL_LENGTH;
}

/** Labels a vendor takes: a grapheme is at most a few code points, so a quarter of the limit is safe. */
const label = cleanText(60);
const labelFor = (provider: Provider) => cleanText(Math.max(1, Math.min(60, Math.floor(labelMax(provider) / 4))));

/** Values an untyped caller may pass where a string or null belongs. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constant(Symbol("s")),
  fc.constant(() => "A"),
  fc.constant(new Date(0)),
);
const fieldName = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.constantFrom("sip_trunk_password", "auth_password", "price", "0", "1"),
  )
  .filter((name) => name !== "__proto__");

/** What a change given as `value` yields on `provider` when the value is wrong. */
function refusalOf(provider: Provider, change: Change, value: unknown): Refusal {
  const cap = capabilities[provider][change];
  const unsupported = value === null ? cap.clear === "unsupported" : cap.set === "unsupported";
  return { code: unsupported ? "unsupported_change" : "invalid_input", field: change };
}

describe.each(PROVIDERS)("%s: generated invalid input is refused before any request", (provider) => {
  const okId = IDS[provider];
  const ok = { agentId: "agent_1" };

  it("ids: empty, '.', '..', with '/', '..' segments, whitespace, control characters or lone surrogates", async () => {
    const badId = fc.oneof(
      fc.constantFrom("", ".", ".."),
      inserting(validId(provider), fc.constant("/")),
      fc.tuple(fc.constantFrom("../", "./", "/..", "%2F../"), validId(provider)).map(([a, b]) => a + b),
      inserting(validId(provider), control),
      inserting(validId(provider), whitespace),
      fc.string({ unit: whitespace, minLength: 1, maxLength: 5 }),
      fc.string({ unit: control, minLength: 1, maxLength: 5 }),
      // Half of a UTF-16 pair: no path can hold it (it once got past the checks, counted 1 attempt).
      inserting(
        validId(provider),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      ),
    );
    await fc.assert(
      fc.asyncProperty(badId, async (id) =>
        refuses(provider, id, ok, undefined, { code: "invalid_input", field: "id" }),
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("ids of the wrong type", async () => {
    const notString = fc.oneof(wrongType, fc.constant(null), fc.constant(undefined));
    await fc.assert(
      fc.asyncProperty(notString, async (id) =>
        refuses(provider, id, ok, undefined, { code: "invalid_input", field: "id" }),
      ),
      { numRuns: RUNS },
    );
  });

  it('agent ids: "" (never "remove"), control characters, wrong types', async () => {
    const supported = CHANGES.filter((c) => c !== "label");
    const bad = fc.oneof(fc.constant(""), inserting(agentId, control), wrongType);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...supported), bad, async (change, value) =>
        refuses(provider, okId, { [change]: value }, undefined, refusalOf(provider, change, value)),
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("labels: empty, of absurd size, with control characters, of the wrong type", async () => {
    const huge = fc
      .tuple(fc.constantFrom("x", "é", "📞", "日本"), fc.integer({ min: labelMax(provider) + 1, max: 200_000 }))
      // n repetitions: more characters (code points) than the limit, whatever the unit.
      .map(([unit, n]) => unit.repeat(n));
    const bad = fc.oneof(fc.constant(""), huge, inserting(label, control), wrongType);
    await fc.assert(
      fc.asyncProperty(bad, async (value) =>
        refuses(provider, okId, { label: value }, undefined, refusalOf(provider, "label", value)),
      ),
      { numRuns: RUNS },
    );
  });

  it("unsupported changes (null or a string) where the vendor has no such field", async () => {
    const unsupported = CHANGES.flatMap((change) =>
      (["set", "clear"] as const)
        .filter((d) => capabilities[provider][change][d] === "unsupported")
        .map((d) => ({ change, d })),
    );
    if (unsupported.length === 0) return;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...unsupported), label, async ({ change, d }, text) =>
        refuses(provider, okId, { [change]: d === "set" ? text : null }, undefined, {
          code: "unsupported_change",
          field: change,
        }),
      ),
      { numRuns: RUNS / 2 },
    );
  });

  it("unknown keys in changes, beside a valid change or alone", async () => {
    const unknownKey = fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.constantFrom(
          "agent",
          "agent_id",
          "AgentId",
          "agentID",
          "nickname",
          "constructor",
          "toString",
          "hasOwnProperty",
        ),
      )
      .filter((key) => !(CHANGES as readonly string[]).includes(key) && key !== "__proto__");
    await fc.assert(
      fc.asyncProperty(unknownKey, anyValue, fc.boolean(), async (key, value, withValid) => {
        const changes: Record<string, unknown> = withValid ? { agentId: "agent_1" } : {};
        Object.defineProperty(changes, key, { value, enumerable: true, configurable: true, writable: true });
        await refuses(provider, okId, changes, undefined, { code: "invalid_input", field: key });
      }),
      { numRuns: RUNS },
    );
  });

  it("changes, options.vendor and options.signal of the wrong type; nothing to change", async () => {
    const cases = fc.oneof(
      fc
        .oneof(
          wrongType.filter((v) => typeof v !== "object" || Array.isArray(v)),
          fc.constant(null),
          fc.string(),
        )
        .map((changes) => ({ changes, options: undefined as unknown, field: "changes" })),
      fc
        .oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer()))
        .map((vendor) => ({ changes: ok as unknown, options: { vendor } as unknown, field: "vendor" })),
      fc
        .oneof(fc.constant({}), fc.constant({ aborted: true }), fc.string(), fc.integer())
        .map((signal) => ({ changes: ok as unknown, options: { signal } as unknown, field: "signal" })),
      fc
        .tuple(
          fc.subarray([...CHANGES]),
          fc.oneof(fc.constant(undefined), fc.constant({}), fc.constant({ anything: undefined })),
        )
        .map(([keys, vendor]) => ({
          changes: Object.fromEntries(keys.map((k) => [k, undefined])) as unknown,
          options: (vendor === undefined ? undefined : { vendor }) as unknown,
          field: "changes",
        })),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ changes, options, field }) =>
        refuses(provider, okId, changes, options, { code: "invalid_input", field }),
      ),
      { numRuns: RUNS },
    );
  });

  if (!capabilities[provider].passthrough) {
    it("no passthrough: any field is refused, naming it", async () => {
      const vendor = fc
        .dictionary(fieldName, anyValue, { minKeys: 1, maxKeys: 4 })
        .filter((fields) => Object.keys(fields).length > 0);
      await fc.assert(
        fc.asyncProperty(
          vendor,
          fc.constantFrom({ agentId: "agent_1" }, { agentId: null }, {}),
          async (fields, changes) => {
            let first = "";
            for (const key in fields) {
              first = key;
              break;
            }
            await refuses(
              provider,
              okId,
              changes,
              { vendor: fields },
              { code: "invalid_input", field: `vendor.${first}` },
            );
          },
        ),
        { numRuns: RUNS },
      );
    });
  } else {
    it("passthrough conflicts: the same vendor field through a change and options.vendor", async () => {
      const pairs = CHANGES.flatMap((change) => {
        const cap = capabilities[provider][change];
        return cap.set === "unsupported" || cap.field === undefined ? [] : [{ change, field: cap.field }];
      });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...pairs),
          fc.oneof(labelFor(provider), fc.constant(null)),
          anyValue,
          async ({ change, field }, value, vendorValue) => {
            const changeValue = value === null && capabilities[provider][change].clear === "unsupported" ? "x" : value;
            await refuses(
              provider,
              okId,
              { [change]: changeValue },
              { vendor: { [field]: vendorValue } },
              { code: "invalid_input", field: `vendor.${field}` },
            );
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Valid input against Prism

/** A set of changes the vendor supports, at least one key set. */
function validChanges(provider: Provider): fc.Arbitrary<Record<string, string | null>> {
  const parts = CHANGES.map((change) => {
    const cap = capabilities[provider][change];
    const values: fc.Arbitrary<string | null>[] = [];
    if (cap.set !== "unsupported") values.push(change === "label" ? labelFor(provider) : agentId);
    if (cap.clear !== "unsupported") values.push(fc.constant(null));
    return values.length === 0 ? fc.constant(undefined) : fc.option(fc.oneof(...values), { nil: undefined });
  });
  return fc
    .tuple(...parts)
    .map(([agent, text, outbound]) => {
      const changes: Record<string, string | null> = {};
      if (agent !== undefined) changes.agentId = agent;
      if (text !== undefined) changes.label = text;
      if (outbound !== undefined) changes.outboundAgentId = outbound;
      return changes;
    })
    .filter((changes) => Object.keys(changes).length > 0);
}

/** Passthrough fields the vendor's spec allows, from its test data (none by default). */
const validVendor = (provider: Provider) => DATA[provider].arbitraries?.vendor ?? fc.constant(undefined);

describe.each(PROVIDERS)("%s: generated valid input is accepted by Prism", (provider) => {
  it("every request gets a 2xx from the mock and a normalized result", async () => {
    const sent: string[] = [];
    const record = ((input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(String(init?.body));
      return fetch(input, init);
    }) as typeof fetch;
    const phones = createPhoneNumbers({
      provider,
      apiKey: "key_props_1234",
      baseUrl: mockUrl(provider),
      fetch: record,
      maxRetries: 0,
    }) as unknown as Loose;
    await fc.assert(
      fc.asyncProperty(
        DATA[provider].arbitraries?.id ?? prismId,
        validChanges(provider),
        validVendor(provider),
        async (id, changes, vendor) => {
          const before = sent.length;
          const result = await phones.update(id, changes, vendor === undefined ? undefined : { vendor });
          expect(result).toMatchObject({ provider, id });
          expect(sent.length).toBe(before + 1);
          // Nothing the caller did not set: every key of the body comes from a change or the passthrough.
          const body = JSON.parse(sent.at(-1) ?? "{}") as Record<string, unknown>;
          const allowed = new Set([
            ...CHANGES.filter((c) => changes[c] !== undefined).map((c) => capabilities[provider][c].field),
            ...Object.keys(vendor ?? {}),
          ]);
          for (const key of Object.keys(body)) expect(allowed.has(key)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Secrets a response plants anywhere: at random depths, escaped, as property names, near cuts

describe("secrets planted in responses (property)", () => {
  const MARK = "PBPROP";
  const KEY = `sk_live_${MARK}+key/0123456789`;
  const PASSWORD = `pw_${MARK}_0123456789`;
  /** Where a secret goes in a generated value: replaced in the JSON text, in a disguise. */
  const SLOT = "@@SLOT@@";

  /** A string sometimes holding the slot. */
  const text = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constant(SLOT),
    fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })).map(([a, b]) => `${a}${SLOT}${b}`),
  );
  /** Every vendor's secret fields (vendor.yaml's secrets, through the descriptors). */
  const SECRET_FIELDS = [
    ...new Set(
      PROVIDERS.flatMap((provider) => {
        const { secrets } = ADAPTERS[provider].descriptor;
        return [...secrets.request, ...secrets.response];
      }),
    ),
  ];
  const name = fc.oneof(text, fc.constantFrom(...SECRET_FIELDS, "message", "__proto__", "label"));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(null, true, 0, 1.5),
      text,
      tie("array"),
      tie("object"),
    ),
    array: fc.array(tie("value"), { maxLength: 3 }),
    object: fc.dictionary(name, tie("value"), { maxKeys: 3 }),
  }));
  /**
   * How the secret is written in the JSON text: each character as it is, `\u`-escaped (`/` as
   * `\/`), percent-encoded or as an HTML reference, a vendor's encoders being what they are.
   */
  const disguise = fc
    .oneof(
      // One encoder over the whole secret, or a mix.
      fc.integer({ min: 0, max: 3 }).map((form) => Array.from({ length: KEY.length }, () => form)),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: KEY.length, maxLength: KEY.length }),
    )
    .map(
      (mask) => (secret: string) =>
        [...secret]
          .map((c, i) => {
            const code = c.charCodeAt(0);
            if (mask[i] === 1) return c === "/" ? "\\/" : `\\u${code.toString(16).padStart(4, "0")}`;
            if (mask[i] === 2) return `%${code.toString(16).toUpperCase().padStart(2, "0")}`;
            if (mask[i] === 3) return `&#${code};`;
            return c;
          })
          .join(""),
    );
  /** A JSON text with one of `planted` written in a disguise at each slot. */
  const plantedWith = (...secrets: string[]) =>
    fc
      .record({ tree: value, disguise, secret: fc.constantFrom(...secrets) })
      .map(({ tree, disguise: write, secret }) => JSON.stringify(tree).replaceAll(SLOT, write(secret)));
  const planted = plantedWith(KEY, PASSWORD);
  const secrets = createSecrets(SECRET_FIELDS, [KEY, PASSWORD]);

  it("the fast path of redactParsed decides exactly what the walk decides", () => {
    fc.assert(
      fc.property(planted, (json) => {
        const parsed: unknown = JSON.parse(json);
        const fast = secrets.redactParsed(json, parsed);
        const walked = secrets.redact(parsed);
        expect(fast).toEqual(walked);
        // Both return the body itself exactly when it holds nothing to redact.
        expect(fast === parsed).toBe(walked === parsed);
        expect(revealed(JSON.stringify(fast))).not.toContain(MARK);
      }),
      { numRuns: 400 },
    );
  });

  describe.each(PROVIDERS)("%s", (provider) => {
    // A vendor that takes a secret through options.vendor gets one (the first of its
    // vendor.yaml's secrets.request); the others have the API key alone.
    const [secretField] = ADAPTERS[provider].descriptor.secrets.request;
    const vendor =
      secretField !== undefined && capabilities[provider].passthrough ? { [secretField]: PASSWORD } : undefined;
    const answering = (status: number, body: string) =>
      createPhoneNumbers({
        provider,
        apiKey: KEY,
        baseUrl: "http://127.0.0.1:9",
        maxRetries: 0,
        fetch: (async () => new Response(body, { status })) as typeof globalThis.fetch,
      }) as unknown as Loose;

    it("a 2xx or an error body with a secret anywhere in it shows none", async () => {
      await fc.assert(
        fc.asyncProperty(
          vendor === undefined ? plantedWith(KEY) : planted,
          fc.constantFrom(200, 400, 500),
          async (json, status) => {
            const body = status === 200 ? `{"extra":${json},${JSON.stringify(OK_BODY[provider]).slice(1)}` : json;
            const outcome = await answering(status, body)
              .update(IDS[provider], { agentId: "A" }, vendor === undefined ? undefined : { vendor })
              .then(
                (result) => result,
                (error: unknown) => error,
              );
            const shown = `${JSON.stringify(outcome)} ${inspect(outcome, { depth: null })} ${String((outcome as Error).message)}`;
            expect(revealed(shown)).not.toContain(MARK);
          },
        ),
        { numRuns: 60 },
      );
    });

    it("a secret at any position near the cut of a message (500) or a body kept as text (2,000)", async () => {
      const secret = vendor === undefined ? KEY : PASSWORD;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: -40, max: 40 }), fc.boolean(), disguise, async (offset, asText, write) => {
          const cut = asText ? 2000 : 500;
          const planted = `${"a".repeat(cut + offset)}${write(secret)} tail`;
          const body = asText ? planted : `{"message":"${planted}"}`;
          const error = await answering(400, body)
            .update(IDS[provider], { agentId: "A" }, vendor === undefined ? undefined : { vendor })
            .then(
              () => undefined,
              (e: unknown) => e as PhoneBridgeError,
            );
          const shown = `${JSON.stringify(error)} ${inspect(error, { depth: null })}`;
          expect(revealed(shown)).not.toContain(MARK);
          // Nothing of the secret right before a cut either: not even its first character.
          expect(shown).not.toMatch(new RegExp(`a${secret[0]}…`));
        }),
        { numRuns: 80 },
      );
    });
  });
});
