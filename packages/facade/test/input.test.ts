import { afterEach, describe, expect, it, vi } from "vitest";
import { createPhoneNumbers, type Provider, supports } from "../src/index.js";
import { failure, IDS, OK_BODY, PROVIDERS, recordingFetch, stubFetch } from "./helpers.js";

function phones(provider: Provider) {
  const stub = stubFetch(OK_BODY[provider]);
  const client = createPhoneNumbers({
    provider: provider as Provider,
    apiKey: "key_1234",
    baseUrl: "http://127.0.0.1:9",
    fetch: stub.fetch,
  });
  return { client, sent: stub.sent };
}

/** Untyped callers: the run-time checks are what these tests exercise. */
type Loose = { update(id: unknown, changes: unknown, options?: unknown): Promise<unknown> };

describe.each(PROVIDERS)("%s: input rules, nothing sent", (provider) => {
  it.each([
    ["", "id"],
    [".", "id"],
    ["..", "id"],
    ["a/b", "id"],
    ["a b", "id"],
    ["a\tb", "id"],
    ["a\u0000b", "id"],
    ["a\u0085b", "id"],
    [42, "id"],
  ] as Array<[unknown, string]>)("refuses the id %j", async (id) => {
    const { client, sent } = phones(provider);
    const error = await failure((client as Loose).update(id, { agentId: "A" }));
    expect(error).toMatchObject({ code: "invalid_input", field: "id", provider, attempts: 0 });
    expect(error.message.startsWith(`${provider[0]?.toUpperCase()}${provider.slice(1)}: `)).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it.each([
    [{}, "changes"],
    [{ agentId: undefined, label: undefined }, "changes"],
    [null, "changes"],
    ["agentId", "changes"],
    [[], "changes"],
    [{ agent: "A" }, "agent"],
    [{ agentId: "" }, "agentId"],
    [{ agentId: "a\nb" }, "agentId"],
    [{ agentId: 7 }, "agentId"],
    [{ agentId: { id: "A" } }, "agentId"],
  ])("refuses the changes %j", async (changes, field) => {
    const { client, sent } = phones(provider);
    const error = await failure((client as Loose).update(IDS[provider], changes));
    expect(error).toMatchObject({ code: "invalid_input", field, provider, attempts: 0 });
    expect(sent).toHaveLength(0);
  });

  it("refuses options.vendor that is not an object, and a signal that is not an AbortSignal", async () => {
    const { client, sent } = phones(provider);
    expect(await failure((client as Loose).update(IDS[provider], { agentId: "A" }, { vendor: [] }))).toMatchObject({
      field: "vendor",
    });
    expect(await failure((client as Loose).update(IDS[provider], { agentId: "A" }, { signal: {} }))).toMatchObject({
      field: "signal",
    });
    expect(sent).toHaveLength(0);
  });

  it("treats undefined as absent and sends only what was set", async () => {
    const { client, sent } = phones(provider);
    await (client as Loose).update(
      IDS[provider],
      { agentId: "A", label: undefined, outboundAgentId: undefined },
      { vendor: { foo: undefined } },
    );
    expect(sent).toHaveLength(1);
    expect(Object.keys(JSON.parse(sent[0]?.body ?? "{}"))).toHaveLength(1);
  });
});

describe("labels", () => {
  it.each([
    ["", /use null to clear/],
    ["x".repeat(256), /1 to 255/],
    ["a\u0007b", /control/],
  ])("refuses the label %j", async (label, message) => {
    const { client, sent } = phones("verbex");
    const error = await failure(client.update("pn_1", { label }));
    expect(error).toMatchObject({ code: "invalid_input", field: "label" });
    expect(error.message).toMatch(message);
    expect(sent).toHaveLength(0);
  });

  it("counts characters, not UTF-16 units: 255 emoji pass", async () => {
    const { client, sent } = phones("verbex");
    await client.update("pn_1", { label: "📞".repeat(255) });
    expect(JSON.parse(sent[0]?.body ?? "").friendly_name).toBe("📞".repeat(255));
  });
});

describe("unsupported changes", () => {
  it.each([
    ["cald", { label: "X" }, "label"],
    ["cald", { label: null }, "label"],
    ["cald", { outboundAgentId: "B" }, "outboundAgentId"],
    ["cald", { outboundAgentId: null }, "outboundAgentId"],
    ["vogent", { label: "X" }, "label"],
    ["vogent", { outboundAgentId: null }, "outboundAgentId"],
    ["cartesia", { label: null }, "label"],
    ["cartesia", { outboundAgentId: "B" }, "outboundAgentId"],
    ["cartesia", { agentId: "A", outboundAgentId: null }, "outboundAgentId"],
  ] as const)("%s %j: unsupported_change before any request", async (provider, changes, field) => {
    const { client, sent } = phones(provider);
    const error = await failure((client as Loose).update(IDS[provider], changes));
    expect(error).toMatchObject({ code: "unsupported_change", field, provider, attempts: 0 });
    expect(error.message).toContain(field);
    expect(sent).toHaveLength(0);
  });
});

describe("supports()", () => {
  it("answers from the matrix", () => {
    expect(supports("cartesia", "label")).toBe(true);
    expect(supports("cartesia", "label", "clear")).toBe(false);
    expect(supports("cald", "agentId", "clear")).toBe(true);
    expect(supports("vogent", "outboundAgentId")).toBe(false);
  });
});

describe("passthrough (options.vendor)", () => {
  it("refuses a __proto__ field (it would vanish from the body)", async () => {
    const { client, sent } = phones("retell");
    const vendor = JSON.parse('{"__proto__": {"nickname": "x"}}');
    const error = await failure((client as Loose).update("+14157774444", { agentId: "A" }, { vendor }));
    expect(error).toMatchObject({ code: "invalid_input", field: "vendor.__proto__" });
    expect(sent).toHaveLength(0);
  });

  it("Cald takes none", async () => {
    const { client, sent } = phones("cald");
    const error = await failure((client as Loose).update("pn_1", { agentId: "A" }, { vendor: { price: 1 } }));
    expect(error).toMatchObject({ code: "invalid_input", field: "vendor.price" });
    expect(sent).toHaveLength(0);
  });

  it.each([
    ["retell", { agentId: "A" }, { inbound_agents: [{ agent_id: "B", weight: 1 }] }, "vendor.inbound_agents"],
    ["retell", { label: null }, { nickname: "x" }, "vendor.nickname"],
    ["verbex", { outboundAgentId: "B" }, { outbound_agent_id: "C" }, "vendor.outbound_agent_id"],
    ["cartesia", { agentId: null }, { agent_id: "A" }, "vendor.agent_id"],
    ["vogent", { agentId: "A" }, { agentId: "B" }, "vendor.agentId"],
  ] as const)(
    "%s: the same field through changes and vendor is a conflict",
    async (provider, changes, vendor, field) => {
      const { client, sent } = phones(provider);
      const error = await failure((client as Loose).update(IDS[provider], changes, { vendor }));
      expect(error).toMatchObject({ code: "invalid_input", field });
      expect(sent).toHaveLength(0);
    },
  );

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
  ])("Retell weights %j are refused", async (list, message) => {
    const { client, sent } = phones("retell");
    const error = await failure((client as Loose).update("+14157774444", {}, { vendor: { outbound_agents: list } }));
    expect(error).toMatchObject({ code: "invalid_input", field: "vendor.outbound_agents" });
    expect(error.message).toMatch(message);
    expect(sent).toHaveLength(0);
  });

  it("passes a split within 1e-9, an empty list and a pinned version on, alone or beside changes", async () => {
    const { client, sent } = phones("retell");
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
});

describe("Retell ids", () => {
  it.each(["14157774444", "+0123", "+1-415", "+", "+1234567890123456"])("refuses %j (not E.164)", async (id) => {
    const { client, sent } = phones("retell");
    const error = await failure(client.update(id, { agentId: "A" }));
    expect(error).toMatchObject({ code: "invalid_input", field: "id" });
    expect(error.message).toMatch(/E\.164/);
    expect(sent).toHaveLength(0);
  });

  it("sends the + as it is", async () => {
    const { client, sent } = phones("retell");
    await client.update("+14157774444", { agentId: "A" });
    expect(sent[0]?.url).toBe("http://127.0.0.1:9/update-phone-number/+14157774444");
  });
});

describe("other vendors' ids are percent-encoded as their SDKs do", () => {
  it("keeps RFC 3986 path characters and encodes the rest", async () => {
    const { client, sent } = phones("cartesia");
    await client.update("pn_1+a:b@c~d?e#f%g", { agentId: "A" });
    expect(sent[0]?.url).toBe("http://127.0.0.1:9/agents/phone-numbers/pn_1+a:b@c~d%3Fe%23f%25g");
  });
});

describe("options", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("needs a key where the vendor declares auth, naming the option and the env var", () => {
    vi.stubEnv("RETELL_API_KEY", "");
    let error: unknown;
    try {
      createPhoneNumbers({ provider: "retell" });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "invalid_input", field: "apiKey" });
    expect(String((error as Error).message)).toContain("RETELL_API_KEY");
  });

  it("needs a base URL for Verbex, naming VERBEX_BASE_URL", () => {
    vi.stubEnv("VERBEX_BASE_URL", "");
    expect(() => createPhoneNumbers({ provider: "verbex" })).toThrow(/VERBEX_BASE_URL/);
  });

  it("reads the key and base URL from the environment once, at creation", async () => {
    vi.stubEnv("CALD_API_KEY", "cald_env_key");
    vi.stubEnv("CALD_BASE_URL", "http://127.0.0.1:7/client/api/v1");
    const stub = stubFetch(OK_BODY.cald);
    const client = createPhoneNumbers({ provider: "cald", fetch: stub.fetch });
    vi.stubEnv("CALD_API_KEY", "changed");
    await client.update("pn_1", { agentId: "A" });
    expect(stub.sent[0]?.url).toBe("http://127.0.0.1:7/client/api/v1/phonenumbers/pn_1");
    expect(stub.sent[0]?.headers.Authorization).toBe("cald_env_key");
  });

  it.each([
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ timeoutMs: Number.NaN }, "timeoutMs"],
    [{ timeoutMs: 2 ** 31 }, "timeoutMs"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ maxRetries: 1.5 }, "maxRetries"],
  ])("refuses %j", (options, field) => {
    expect(() => createPhoneNumbers({ provider: "cald", apiKey: "k", ...options })).toThrow(
      expect.objectContaining({ code: "invalid_input", field }),
    );
  });

  it("refuses an unknown provider", () => {
    expect(() => createPhoneNumbers({ provider: "twilio" as Provider })).toThrow(/provider must be one of/);
  });
});

describe("a message quotes at most 40 characters of any input", () => {
  /** 10,000 characters that no fixed message text holds, so every "Z" in a message came from the input. */
  const LONG = "Z".repeat(10_000);
  const quoted = (text: string): number => text.split("Z").length - 1;

  it.each(PROVIDERS)("%s: ids, change values, unknown keys and passthrough fields", async (provider) => {
    const { client, sent } = phones(provider);
    const loose = client as Loose;
    const cases: Array<[unknown, unknown, unknown]> = [
      [`${LONG}/x`, { agentId: "A" }, undefined],
      [`${LONG} `, { agentId: "A" }, undefined],
      [`\u0000${LONG}`, { agentId: "A" }, undefined],
      [`\ud800${LONG}`, { agentId: "A" }, undefined],
      [IDS[provider], { [LONG]: "A" }, undefined],
      [IDS[provider], { agentId: "A", [`agent${LONG}`]: 1 }, undefined],
      [IDS[provider], LONG, undefined],
      [IDS[provider], { agentId: "A" }, { vendor: LONG }],
    ];
    if (provider === "retell")
      cases.push([LONG, { agentId: "A" }, undefined], [`+1${LONG}`, { label: "x" }, undefined]);
    if (provider === "cald") cases.push([IDS[provider], { agentId: "A" }, { vendor: { [LONG]: 1 } }]);
    for (const [id, changes, options] of cases) {
      const error = await failure(loose.update(id, changes, options));
      expect(error.code).toBe("invalid_input");
      for (const shown of [error.message, String(error.field)]) {
        expect(quoted(shown), shown.slice(0, 120)).toBeLessThanOrEqual(40);
      }
    }
    expect(sent).toHaveLength(0);
  });

  it("an unknown provider, or one an entry point does not take", async () => {
    const { createPhoneNumbers: createCald } = await import("../src/cald.js");
    for (const create of [
      () => createPhoneNumbers({ provider: LONG as Provider }),
      () => createCald({ provider: LONG as "cald" }),
    ]) {
      const message = (() => {
        try {
          create();
        } catch (error) {
          return (error as Error).message;
        }
        return "";
      })();
      expect(message).toMatch(/provider must be/);
      expect(quoted(message)).toBeLessThanOrEqual(40);
    }
  });
});

/**
 * Runs `body` with `Object.prototype` (and `Array.prototype`) polluted by `names`, removed again
 * before anything is checked, so a failure message never meets the polluted prototype.
 */
async function polluted<T>(names: Record<string, unknown>, body: () => Promise<T> | T): Promise<T> {
  const targets = [Object.prototype, Array.prototype] as Record<string, unknown>[];
  for (const [name, value] of Object.entries(names)) {
    const target = name.startsWith("Array.") ? (targets[1] as object) : (targets[0] as object);
    Object.defineProperty(target, name.replace(/^Array\./, ""), { value, configurable: true, writable: true });
  }
  try {
    return await body();
  } finally {
    for (const name of Object.keys(names)) {
      const target = name.startsWith("Array.") ? Array.prototype : Object.prototype;
      delete (target as unknown as Record<string, unknown>)[name.replace(/^Array\./, "")];
    }
  }
}

/** A change each vendor supports, and the wire field it sets. */
const ONE_CHANGE: Record<Provider, [changes: Record<string, string>, wire: string]> = {
  retell: [{ label: "L" }, "nickname"],
  cartesia: [{ label: "L" }, "label"],
  verbex: [{ label: "L" }, "friendly_name"],
  vogent: [{ agentId: "agent_1" }, "agentId"],
  cald: [{ agentId: "agent_1" }, "agentId"],
};

describe.each(PROVIDERS)("%s: only the caller's own properties count, each read once", (provider) => {
  const [changes, wire] = ONE_CHANGE[provider];

  it("a polluted Object.prototype adds nothing to a request (changes, options, passthrough, toJSON)", async () => {
    // The answer's text made before the prototype is polluted (the stub's JSON.stringify would see it).
    const text = JSON.stringify(OK_BODY[provider]);
    const { sent, fetch } = recordingFetch(
      (async () => new Response(text, { status: 200 })) as typeof globalThis.fetch,
    );
    const client = createPhoneNumbers({ provider, apiKey: "key_1234", baseUrl: "http://127.0.0.1:9", fetch });
    const evil = (async () => {
      throw new Error("the polluted fetch was called");
    }) as typeof fetch;
    await polluted(
      {
        agentId: "evil_agent",
        label: "evil label",
        outboundAgentId: "evil_out",
        vendor: { auth_password: "evil", friendly_name: "evil" },
        signal: AbortSignal.abort(),
        inbound_agents: [{ agent_id: "evil", weight: 1 }],
      },
      () => (client as Loose).update(IDS[provider], changes),
    );
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? "null")).toEqual({ [wire]: Object.values(changes)[0] });
    // A toJSON there would replace the whole body that was checked: nothing is sent, nor planned.
    for (const name of ["toJSON", "Array.toJSON"]) {
      const error = await polluted({ [name]: () => ({ agentId: "evil_agent" }) }, () =>
        failure((client as Loose).update(IDS[provider], changes)),
      );
      expect(error).toMatchObject({ code: "invalid_input", field: "body", attempts: 0 });
      await polluted({ [name]: () => ({ agentId: "evil_agent" }) }, () =>
        expect(() => client.plan(IDS[provider], changes as never)).toThrow(expect.objectContaining({ field: "body" })),
      );
    }
    expect(sent).toHaveLength(1);
    // Creating a client: a polluted prototype picks no provider, base URL, key or fetch.
    await polluted({ provider, baseUrl: "http://evil.example", fetch: evil, apiKey: "evil_key" }, () => {
      expect(() => createPhoneNumbers({} as never)).toThrow(/provider must be one of/);
    });
    const recorded = recordingFetch((async () => new Response(text, { status: 200 })) as typeof globalThis.fetch);
    await polluted({ baseUrl: "http://evil.example", apiKey: "evil_key", timeoutMs: 1 }, () =>
      createPhoneNumbers({ provider, apiKey: "own_key", baseUrl: "http://127.0.0.1:9", fetch: recorded.fetch }).update(
        IDS[provider],
        changes as never,
      ),
    );
    expect(recorded.sent[0]?.url.startsWith("http://127.0.0.1:9/")).toBe(true);
    expect(JSON.stringify(recorded.sent[0]?.headers)).not.toContain("evil");
  });

  it("a getter that answers differently the second time cannot change what is sent after the check", async () => {
    const { client, sent } = phones(provider);
    const [name] = Object.keys(changes) as [string];
    let reads = 0;
    // Valid the first time, "" (which unlinks the agent on Vogent) or a control character after.
    const tricky = Object.defineProperty({}, name, {
      enumerable: true,
      get: () => (reads++ === 0 ? changes[name] : name === "label" ? "\u0000" : ""),
    });
    await (client as Loose).update(IDS[provider], tricky);
    expect(reads).toBe(1);
    expect(JSON.parse(sent[0]?.body ?? "null")).toEqual({ [wire]: changes[name] });
    // The options and their passthrough: each read once.
    let optionReads = 0;
    const options = Object.defineProperty({}, "vendor", {
      enumerable: true,
      get: () => (optionReads++ === 0 ? undefined : { agentId: "", inbound_agent_id: null, friendly_name: null }),
    });
    await (client as Loose).update(IDS[provider], changes, options);
    expect(optionReads).toBe(1);
    expect(JSON.parse(sent[1]?.body ?? "null")).toEqual({ [wire]: Object.values(changes)[0] });
  });

  it("a Proxy sees each key of changes and options read exactly once", async () => {
    const { client } = phones(provider);
    const gets: string[] = [];
    const counting = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(object, key, receiver) {
          if (typeof key === "string") gets.push(key);
          return Reflect.get(object, key, receiver);
        },
      });
    await (client as Loose).update(IDS[provider], counting({ ...changes }), counting({ signal: undefined }));
    expect(gets.sort()).toEqual([...Object.keys(changes), "signal"].sort());
  });
});

describe("Retell passthrough: checked and sent from one reading", () => {
  it("a weight a polluted prototype lends is not a weight: the list is refused, nothing sent", async () => {
    const { client, sent } = phones("retell");
    const error = await polluted({ weight: 1 }, () =>
      failure((client as Loose).update(IDS.retell, {}, { vendor: { inbound_agents: [{ agent_id: "a" }] } })),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "vendor.inbound_agents" });
    expect(sent).toHaveLength(0);
  });

  it("a list or a weight that changes between the check and the send goes out as it was checked", async () => {
    const { client, sent } = phones("retell");
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
    await (client as Loose).update(IDS.retell, {}, { vendor });
    await (client as Loose).update(IDS.retell, {}, { vendor: { outbound_agents: [item] } });
    expect([listReads, weightReads]).toEqual([1, 1]);
    expect(sent.map((request) => JSON.parse(request.body ?? "null"))).toEqual([
      { inbound_agents: [{ agent_id: "a", weight: 1 }] },
      { outbound_agents: [{ agent_id: "c", weight: 1 }] },
    ]);
  });

  it("refuses what JSON cannot hold or would change silently, naming the field", async () => {
    const { client, sent } = phones("retell");
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
      const error = await failure((client as Loose).update(IDS.retell, {}, { vendor: { metadata: value } }));
      expect(error).toMatchObject({ code: "invalid_input", field: "vendor.metadata" });
      expect(error.message).toContain(words);
    }
    expect(sent).toHaveLength(0);
    // A Date is sent as its toJSON says, as JSON.stringify would.
    await (client as Loose).update(IDS.retell, {}, { vendor: { metadata: { at: new Date(0) } } });
    expect(JSON.parse(sent[0]?.body ?? "null")).toEqual({ metadata: { at: "1970-01-01T00:00:00.000Z" } });
  });
});
