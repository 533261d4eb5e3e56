/**
 * Retell's own rules (docs/CONTRACT.md#facade-updateid-changes-options): ids are E.164 numbers
 * sent with a literal `+`, weighted agent lists from the passthrough are checked, and its 422
 * "Cannot find requested asset" is not_found.
 */
import { inspect } from "node:util";
import { createSecrets, type PhoneBridgeError } from "@phonebridge/core";
import { createRetellClient } from "@phonebridge/retell";
import { mockUrl } from "@phonebridge/testing/vitest";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { retellAdapter } from "../../src/adapters/retell.js";
import { createWithAdapter } from "../../src/engine.js";
import { createPhoneNumbers } from "../../src/index.js";
import { inputRules } from "../../src/input.js";
import { agentId, digits, e164 } from "../arbitraries.js";
import { type FaultServer, startFaultServer } from "../fault-server.js";
import { failure, polluted, stubFetch } from "../helpers.js";
import { control, inserting, type Loose, plainId, RUNS, refuses } from "../refusals.js";
import { data } from "./retell.js";

const E164 = /^\+[1-9]\d{1,14}$/;
const LISTS = ["inbound_agents", "outbound_agents", "inbound_sms_agents", "outbound_sms_agents"] as const;

function phones() {
  const stub = stubFetch(data.okBody);
  const client = createPhoneNumbers({
    provider: "retell",
    apiKey: "key_1234",
    baseUrl: "http://127.0.0.1:9",
    fetch: stub.fetch,
  });
  return { client, sent: stub.sent };
}

describe("Retell ids", () => {
  it.each(["14157774444", "+0123", "+1-415", "+", "+1234567890123456"])("refuses %j (not E.164)", async (id) => {
    const { client, sent } = phones();
    const error = await failure(client.update(id, { agentId: "A" }));
    expect(error).toMatchObject({ code: "invalid_input", field: "id" });
    expect(error.message).toMatch(/E\.164/);
    expect(sent).toHaveLength(0);
  });

  it("sends the + as it is", async () => {
    const { client, sent } = phones();
    await client.update("+14157774444", { agentId: "A" });
    expect(sent[0]?.url).toBe("http://127.0.0.1:9/update-phone-number/+14157774444");
  });

  it("generated ids that are not E.164 are refused before any request", async () => {
    const notE164 = fc
      .oneof(
        digits(1, 15),
        digits(1, 14).map((d) => `+0${d}`),
        digits(16, 20).map((d) => `+${d}`),
        fc.constant("+"),
        fc.tuple(e164, fc.constantFrom("-", "(", ")", "x", "ext", ".", "a", "é")).map(([n, c]) => n + c),
        plainId,
      )
      .filter((id) => !E164.test(id));
    await fc.assert(
      fc.asyncProperty(notE164, async (id) => {
        await refuses("retell", id, { agentId: "agent_1" }, undefined, { code: "invalid_input", field: "id" });
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe("Retell weighted agent lists (options.vendor)", () => {
  it.each([
    [[{ agent_id: "a", weight: 0 }], /outside \(0, 1\]/],
    [[{ agent_id: "a", weight: 1.5 }], /outside \(0, 1\]/],
    [
      [
        { agent_id: "a", weight: 0.5 },
        { agent_id: "b", weight: 0.4 },
      ],
      /summing to/,
    ],
    [[{ agent_id: "", weight: 1 }], /agent_id/],
    [[{ weight: 1 }], /agent_id/],
    ["a", /list/],
  ])("weights %j are refused", async (list, message) => {
    const { client, sent } = phones();
    const error = await failure((client as Loose).update("+14157774444", {}, { vendor: { outbound_agents: list } }));
    expect(error).toMatchObject({ code: "invalid_input", field: "vendor.outbound_agents" });
    expect(error.message).toMatch(message);
    expect(sent).toHaveLength(0);
  });

  it("passes a split within 1e-9, an empty list and a pinned version on, alone or beside changes", async () => {
    const { client, sent } = phones();
    const split = [
      { agent_id: "a", weight: 0.1 },
      { agent_id: "b", weight: 0.2 },
      { agent_id: "c", weight: 0.7 },
    ];
    await client.update("+14157774444", {}, { vendor: { inbound_agents: split } });
    await client.update(
      "+14157774444",
      { label: "L" },
      { vendor: { outbound_agents: [], inbound_agents: [{ agent_id: "a", agent_version: 3, weight: 1 }] } },
    );
    expect(sent.map((s) => JSON.parse(s.body ?? ""))).toEqual([
      { inbound_agents: split },
      { nickname: "L", outbound_agents: [], inbound_agents: [{ agent_id: "a", agent_version: 3, weight: 1 }] },
    ]);
  });

  it("generated lists with weights outside (0, 1], not summing to 1, or not lists are refused", async () => {
    const entry = (weight: fc.Arbitrary<unknown>) => fc.record({ agent_id: agentId, weight });
    const inRange = fc.double({ min: 1e-6, max: 1, noNaN: true });
    const outOfRange = fc.oneof(
      fc.double({ max: 0, noNaN: true }),
      fc.double({ min: 1, minExcluded: true }),
      fc.constant(Number.NaN),
      fc.constantFrom("0.5", null, true),
    );
    const badList = fc.oneof(
      // At least one weight outside (0, 1].
      fc
        .tuple(
          fc.array(entry(inRange), { maxLength: 3 }),
          entry(outOfRange),
          fc.array(entry(inRange), { maxLength: 3 }),
        )
        .map(([a, b, c]) => [...a, b, ...c]),
      // All in (0, 1], but the sum is not 1 within 1e-9.
      fc
        .array(entry(inRange), { minLength: 1, maxLength: 6 })
        .filter((list) => Math.abs(list.reduce((sum, item) => sum + (item.weight as number), 0) - 1) > 1e-9),
      // A bad agent id inside.
      fc.oneof(fc.constant(""), inserting(agentId, control), fc.integer()).map((id) => [{ agent_id: id, weight: 1 }]),
      fc.oneof(fc.string(), fc.integer(), fc.constant({ agent_id: "a", weight: 1 }), fc.constant([1])),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LISTS), badList, fc.boolean(), async (name, list, withLabel) => {
        await refuses(
          "retell",
          data.id,
          withLabel ? { label: "L" } : {},
          { vendor: { [name]: list } },
          { code: "invalid_input", field: `vendor.${name}` },
        );
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe("Retell errors", () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.script());

  it.each([
    [
      // Retell's answer without phone_number_type was an invalid_response, and the CLI's
      // --resume sent the update again forever: it was done.
      "without phone_number_type",
      { phone_number: "+14157774444", last_modification_timestamp: 1, nickname: "Desk" },
      { number: "+14157774444", label: "Desk" },
      [{ path: "phone_number_type", problem: "required field missing" }],
    ],
    [
      "a nickname of the wrong type",
      { ...data.okBody, nickname: 5 },
      { number: "+14157774444", label: null },
      [{ path: "nickname", problem: "expected string, got number" }],
    ],
    [
      "agents of the wrong shape",
      { ...data.okBody, inbound_agents: [{ weight: 1 }], outbound_agents: [{ agent_id: "B", weight: "1" }] },
      { agentId: null, outboundAgentId: "B" },
      [
        { path: "inbound_agents[0].agent_id", problem: "required field missing" },
        { path: "outbound_agents[0].weight", problem: "expected number, got string" },
      ],
    ],
  ] as const)(
    "a 200 %s: done, read as far as it goes, with its drift; not retried",
    async (_name, body, read, drift) => {
      server.script({ status: 200, body: JSON.stringify(body) });
      const retell = createWithAdapter(retellAdapter, { apiKey: "key_live_SECRET_4242", baseUrl: server.url });
      const result = await retell.update(data.id, { agentId: "A" });
      expect(result).toMatchObject({ provider: "retell", id: data.id, ...read, raw: body });
      expect(result.drift).toEqual(drift);
      expect(server.received).toHaveLength(1);
    },
  );

  it("reads Retell's 422 'Cannot find requested asset' as not_found", async () => {
    server.script({
      status: 422,
      body: JSON.stringify({ status: "error", message: "Cannot find requested asset under given api key." }),
    });
    const retell = createWithAdapter(
      retellAdapter,
      { apiKey: "key_live_SECRET_4242", baseUrl: server.url },
      { random: () => 1 },
    );
    const error = await failure(retell.update(data.id, { agentId: "A" }));
    expect(error).toMatchObject({ code: "not_found", status: 422, attempts: 1, provider: "retell" });
    expect(error.message).toBe("Retell: HTTP 422: Cannot find requested asset under given api key.");
  });

  it("the same 422 is not_found from @phonebridge/retell too, with the same message (one pipeline)", async () => {
    const answer = { status: 422, body: JSON.stringify({ status: "error", message: "Cannot find requested asset" }) };
    server.script(answer);
    const client = createRetellClient({ apiKey: "key_live_SECRET_4242", baseUrl: server.url, maxRetries: 0 });
    const fromVendor = await failure(client.updatePhoneNumber(data.id, {}));
    server.script(answer);
    const fromFacade = await failure(
      createPhoneNumbers({ provider: "retell", apiKey: "k", baseUrl: server.url }).update(data.id, { agentId: "A" }),
    );
    expect(fromVendor).toMatchObject({ code: "not_found", status: 422, attempts: 1 });
    expect(fromFacade).toMatchObject({ code: "not_found", status: 422, attempts: 1, message: fromVendor.message });
  });
});

describe("Retell's input rules (src/input.ts, pure)", () => {
  const KEY = "sk_live_RULES_0123456789";
  const { check } = inputRules(retellAdapter, createSecrets(retellAdapter.descriptor.secrets.request, [KEY]));
  const broken = (id: unknown, changes: unknown, options?: unknown) => {
    try {
      check(id, changes, options);
    } catch (error) {
      return error as PhoneBridgeError;
    }
    throw new Error("no rule broken");
  };

  it("an id that is not E.164 is refused, the key quoted as [redacted]", () => {
    expect(broken("14157774444", { agentId: "A" })).toMatchObject({ code: "invalid_input", field: "id" });
    expect(broken(KEY, { agentId: "A" }).message).toBe(
      'Retell: the id "[redacted]" is not an E.164 number (like +14157774444), which Retell uses as the id',
    );
  });

  it("the passthrough goes into the body; a field the agentId change also sets is refused, naming it", () => {
    expect(broken("+14157774444", { agentId: "A" }, { vendor: { inbound_agents: [] } })).toMatchObject({
      field: "vendor.inbound_agents",
    });
    expect(check("+14157774444", { agentId: "A" }, { vendor: { auth_username: "u" } }).body).toEqual({
      inbound_agents: [{ agent_id: "A", weight: 1 }],
      auth_username: "u",
    });
  });
});

describe("Retell on Prism", () => {
  it("raw keeps the vendor's body", async () => {
    const phones = createPhoneNumbers({ provider: "retell", apiKey: "key_contract_1234", baseUrl: mockUrl("retell") });
    const result = await phones.update(data.prism.id, { label: "X" });
    expect((result.raw as { phone_number_type?: string }).phone_number_type).toBe("retell-twilio");
  });
});

describe("Retell input errors while secrets ride along", () => {
  it("agent lists holding the key or auth_password: no secret in the error, nothing sent", async () => {
    const MARK = "PBSECRET";
    const KEY = `sk_live_${MARK}_key_0123456789abcdef`;
    const withSecrets = { auth_password: `retell_${MARK}_auth_password`, api_key: KEY };
    const stub = stubFetch(data.okBody);
    const retell = createPhoneNumbers({
      provider: "retell",
      apiKey: KEY,
      baseUrl: "http://127.0.0.1:9",
      fetch: stub.fetch,
    });
    for (const [changes, vendor] of [
      [{ label: "L" }, { ...withSecrets, inbound_agents: [{ agent_id: KEY, weight: 2 }] }],
      [{}, { ...withSecrets, outbound_agents: KEY }],
    ] as const) {
      const error = await failure((retell as Loose).update(data.id, changes, { vendor }));
      expect(error.code).toBe("invalid_input");
      for (const shown of [error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { depth: null })]) {
        expect(shown).not.toContain(MARK);
      }
    }
    expect(stub.sent).toHaveLength(0);
  });
});

describe("Retell passthrough: checked and sent from one reading", () => {
  it("a weight a polluted prototype lends is not a weight: the list is refused, nothing sent", async () => {
    const { client, sent } = phones();
    const error = await polluted({ weight: 1 }, () =>
      failure((client as Loose).update(data.id, {}, { vendor: { inbound_agents: [{ agent_id: "a" }] } })),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "vendor.inbound_agents" });
    expect(sent).toHaveLength(0);
  });

  it("a list or a weight that changes between the check and the send goes out as it was checked", async () => {
    const { client, sent } = phones();
    let listReads = 0;
    const vendor = Object.defineProperty({}, "inbound_agents", {
      enumerable: true,
      get: () => (listReads++ === 0 ? [{ agent_id: "a", weight: 1 }] : [{ agent_id: "b", weight: 5 }]),
    });
    let weightReads = 0;
    const item = Object.defineProperty({ agent_id: "c" }, "weight", {
      enumerable: true,
      get: () => (weightReads++ === 0 ? 1 : 5),
    });
    await (client as Loose).update(data.id, {}, { vendor });
    await (client as Loose).update(data.id, {}, { vendor: { outbound_agents: [item] } });
    expect([listReads, weightReads]).toEqual([1, 1]);
    expect(sent.map((request) => JSON.parse(request.body ?? "null"))).toEqual([
      { inbound_agents: [{ agent_id: "a", weight: 1 }] },
      { outbound_agents: [{ agent_id: "c", weight: 1 }] },
    ]);
  });

  it("refuses what JSON cannot hold or would change silently, naming the field", async () => {
    const { client, sent } = phones();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = [deep];
    for (const [value, words] of [
      [Number.NaN, "NaN, not a finite number"],
      [10n, "a bigint"],
      [() => 1, "a function"],
      [[1, undefined], "undefined"],
      [cyclic, "cycle"],
      [deep, "deeper than 64"],
    ] as const) {
      const error = await failure((client as Loose).update(data.id, {}, { vendor: { metadata: value } }));
      expect(error).toMatchObject({ code: "invalid_input", field: "vendor.metadata" });
      expect(error.message).toContain(words);
    }
    expect(sent).toHaveLength(0);
    // A Date is sent as its toJSON says, as JSON.stringify would.
    await (client as Loose).update(data.id, {}, { vendor: { metadata: { at: new Date(0) } } });
    expect(JSON.parse(sent[0]?.body ?? "null")).toEqual({ metadata: { at: "1970-01-01T00:00:00.000Z" } });
  });
});
