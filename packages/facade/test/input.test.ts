import { afterEach, describe, expect, it, vi } from "vitest";
import { createWithAdapter } from "../src/engine.js";
import {
  type ChangeName,
  capabilities,
  createPhoneNumbers,
  MAX_LABEL_LENGTH,
  type Provider,
  supports,
} from "../src/index.js";
import {
  ADAPTERS,
  failure,
  IDS,
  OK_BODY,
  oneChange,
  PROVIDERS,
  polluted,
  recordingFetch,
  stubFetch,
} from "./helpers.js";

const CHANGES: readonly ChangeName[] = ["agentId", "label", "outboundAgentId"];
const descriptorOf = (provider: Provider) => ADAPTERS[provider].descriptor;
const canSetLabel = PROVIDERS.filter((provider) => capabilities[provider].label.set !== "unsupported");
const passthrough = PROVIDERS.filter((provider) => capabilities[provider].passthrough);
/** Vendors with no rule of their own on ids (an adapter's checkId, or a format or pattern in the spec). */
const plainIds = PROVIDERS.filter((provider) => {
  const id = descriptorOf(provider).limits?.id;
  return ADAPTERS[provider].checkId === undefined && id?.format === undefined && id?.pattern === undefined;
});

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

describe.each(canSetLabel)("%s: labels", (provider) => {
  const field = capabilities[provider].label.field as string;
  const max = descriptorOf(provider).limits?.body?.[field]?.maxLength ?? MAX_LABEL_LENGTH;

  it.each([
    ["", /use null to clear/],
    ["x".repeat(max + 1), new RegExp(`1 to ${max}`)],
    ["📞".repeat(max + 1), new RegExp(`1 to ${max}`)],
    ["a\u0007b", /control/],
  ])("refuses the label %j", async (label, message) => {
    const { client, sent } = phones(provider);
    const error = await failure(client.update(IDS[provider], { label } as never));
    expect(error).toMatchObject({ code: "invalid_input", field: "label" });
    expect(error.message).toMatch(message);
    expect(sent).toHaveLength(0);
  });

  it(`counts characters, not UTF-16 units: ${max} emoji pass`, async () => {
    const { client, sent } = phones(provider);
    await client.update(IDS[provider], { label: "📞".repeat(max) } as never);
    expect(JSON.parse(sent[0]?.body ?? "")[field]).toBe("📞".repeat(max));
  });
});

describe.each(PROVIDERS)("%s: unsupported changes", (provider) => {
  const unsupported = CHANGES.flatMap((change) =>
    (["set", "clear"] as const)
      .filter((direction) => capabilities[provider][change][direction] === "unsupported")
      .map((direction) => [change, direction] as const),
  );
  it.skipIf(unsupported.length === 0)(
    "each is unsupported_change before any request, alone or beside a valid change",
    async () => {
      for (const [change, direction] of unsupported) {
        for (const changes of [
          { [change]: direction === "set" ? "X" : null },
          ...(change === "agentId" ? [] : [{ agentId: "A", [change]: direction === "set" ? "X" : null }]),
        ]) {
          const { client, sent } = phones(provider);
          const error = await failure((client as Loose).update(IDS[provider], changes));
          expect(error).toMatchObject({ code: "unsupported_change", field: change, provider, attempts: 0 });
          expect(error.message).toContain(change);
          expect(sent).toHaveLength(0);
        }
      }
    },
  );

  it("supports() answers from the matrix", () => {
    for (const change of CHANGES) {
      for (const direction of ["set", "clear"] as const) {
        expect(supports(provider, change, direction)).toBe(capabilities[provider][change][direction] !== "unsupported");
      }
    }
  });
});

describe.each(passthrough)("%s: passthrough (options.vendor)", (provider) => {
  it("refuses a __proto__ field (it would vanish from the body)", async () => {
    const { client, sent } = phones(provider);
    const vendor = JSON.parse('{"__proto__": {"x": "y"}}');
    const error = await failure((client as Loose).update(IDS[provider], { agentId: "A" }, { vendor }));
    expect(error).toMatchObject({ code: "invalid_input", field: "vendor.__proto__" });
    expect(sent).toHaveLength(0);
  });

  const pairs = CHANGES.flatMap((change) => {
    const { set, clear, field } = capabilities[provider][change];
    if (field === undefined || (set === "unsupported" && clear === "unsupported")) return [];
    return [[change, set === "unsupported" ? null : "A", field] as const];
  });
  it.each(pairs)("the same field through the %s change and vendor is a conflict", async (change, value, field) => {
    const { client, sent } = phones(provider);
    const error = await failure(
      (client as Loose).update(IDS[provider], { [change]: value }, { vendor: { [field]: "B" } }),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: `vendor.${field}` });
    expect(sent).toHaveLength(0);
  });
});

describe.each(PROVIDERS.filter((provider) => !capabilities[provider].passthrough))("%s: no passthrough", (provider) => {
  it("takes no options.vendor field", async () => {
    const { client, sent } = phones(provider);
    const error = await failure((client as Loose).update(IDS[provider], { agentId: "A" }, { vendor: { price: 1 } }));
    expect(error).toMatchObject({ code: "invalid_input", field: "vendor.price" });
    expect(sent).toHaveLength(0);
  });
});

describe.each(plainIds)("%s: ids are percent-encoded as the vendors' SDKs do", (provider) => {
  it("keeps RFC 3986 path characters and encodes the rest", async () => {
    const { client, sent } = phones(provider);
    await client.update("pn_1+a:b@c~d?e#f%g", { agentId: "A" } as never);
    const { path, param } = descriptorOf(provider).update;
    expect(sent[0]?.url).toBe(`http://127.0.0.1:9${path.replace(`{${param}}`, "pn_1+a:b@c~d%3Fe%23f%25g")}`);
  });
});

describe.each(PROVIDERS)("%s: options", (provider) => {
  const descriptor = descriptorOf(provider);
  const { envPrefix, auth, defaultBaseUrl } = descriptor;
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.skipIf(!auth.declared)("needs a key where the vendor declares auth, naming the option and the env var", () => {
    vi.stubEnv(`${envPrefix}_API_KEY`, "");
    let error: unknown;
    try {
      createPhoneNumbers({ provider, baseUrl: "http://127.0.0.1:9" });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "invalid_input", field: "apiKey" });
    expect(String((error as Error).message)).toContain(`${envPrefix}_API_KEY`);
  });

  it.skipIf(defaultBaseUrl !== undefined)(
    "needs a base URL where the vendor publishes none, naming the env var",
    () => {
      vi.stubEnv(`${envPrefix}_BASE_URL`, "");
      expect(() => createPhoneNumbers({ provider, apiKey: "k" })).toThrow(new RegExp(`${envPrefix}_BASE_URL`));
    },
  );

  it("reads the key and base URL from the environment once, at creation", async () => {
    vi.stubEnv(`${envPrefix}_API_KEY`, "env_key_1234");
    vi.stubEnv(`${envPrefix}_BASE_URL`, "http://127.0.0.1:7/some/base");
    const stub = stubFetch(OK_BODY[provider]);
    const client = createPhoneNumbers({ provider, fetch: stub.fetch });
    vi.stubEnv(`${envPrefix}_API_KEY`, "changed");
    await client.update(IDS[provider], { agentId: "A" } as never);
    const { path, param } = descriptor.update;
    expect(stub.sent[0]?.url.startsWith(`http://127.0.0.1:7/some/base${path.split(`{${param}}`)[0]}`)).toBe(true);
    expect(stub.sent[0]?.headers[auth.header]).toBe(`${auth.scheme === "bearer" ? "Bearer " : ""}env_key_1234`);
  });

  it.each([
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ timeoutMs: Number.NaN }, "timeoutMs"],
    [{ timeoutMs: 2 ** 31 }, "timeoutMs"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ maxRetries: 1.5 }, "maxRetries"],
  ])("refuses %j", (options, field) => {
    expect(() => createPhoneNumbers({ provider, apiKey: "k", baseUrl: "http://127.0.0.1:9", ...options })).toThrow(
      expect.objectContaining({ code: "invalid_input", field }),
    );
  });
});

describe("providers", () => {
  it("refuses an unknown provider", () => {
    expect(() => createPhoneNumbers({ provider: "twilio" as Provider })).toThrow(/provider must be one of/);
  });

  it("names the providers and quotes the one given, the key redacted should it be passed there", () => {
    const providers = PROVIDERS.join(", ");
    expect(() => createPhoneNumbers({ provider: "twilio" as Provider })).toThrow(
      new TypeError(`createPhoneNumbers: provider must be one of ${providers}, not "twilio"`),
    );
    const key = "sk_live_PROVIDER_0123456789";
    expect(() => createPhoneNumbers({ provider: key as Provider, apiKey: key })).toThrow(
      new TypeError(`createPhoneNumbers: provider must be one of ${providers}, not "[redacted]"`),
    );
  });
});

describe.each(PROVIDERS)("%s: a per-vendor entry", (provider) => {
  it("refuses another provider, quoting it with the key redacted should it be passed there", () => {
    const other = PROVIDERS.find((p) => p !== provider) as Provider;
    const start = `@phonebridge/facade/${provider}: provider must be "${provider}", not`;
    expect(() => createWithAdapter(ADAPTERS[provider], { provider: other, apiKey: "k" } as never)).toThrow(
      new TypeError(`${start} "${other}"`),
    );
    const key = "sk_live_ENTRY_0123456789";
    expect(() => createWithAdapter(ADAPTERS[provider], { provider: key, apiKey: key } as never)).toThrow(
      new TypeError(`${start} "[redacted]"`),
    );
  });
});

describe.each(PROVIDERS)("%s: a refused id or options say what is wrong", (provider) => {
  const title = `${provider[0]?.toUpperCase()}${provider.slice(1)}`;
  const message = async (id: unknown, options?: unknown) => {
    const { client, sent } = phones(provider);
    const error = await failure((client as Loose).update(id, { agentId: "A" }, options));
    expect(sent).toHaveLength(0);
    return error.message;
  };

  it("an empty id, a path segment, a lone surrogate", async () => {
    expect(await message("")).toBe(`${title}: the id is empty`);
    expect(await message(".")).toBe(`${title}: the id "." cannot be a path segment`);
    expect(await message("..")).toBe(`${title}: the id ".." cannot be a path segment`);
    expect(await message("a\uD800b")).toBe(
      `${title}: the id "a\\ud800b" holds a lone surrogate (it is not valid Unicode)`,
    );
  });

  it("options that are not an object; null and undefined are no options", async () => {
    expect(await message(IDS[provider], 42)).toBe(`${title}: options must be an object, not a number`);
    for (const options of [null, undefined]) {
      const { client, sent } = phones(provider);
      await (client as Loose).update(IDS[provider], { agentId: "A" }, options);
      expect(sent).toHaveLength(1);
    }
  });

  it("changes that are not an object", async () => {
    const { client } = phones(provider);
    const error = await failure((client as Loose).update(IDS[provider], null));
    expect(error.message).toBe(`${title}: changes must be an object, not null`);
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
    // Ids that only a vendor's own id rule refuses (an adapter's checkId, a spec's format or pattern).
    if (!plainIds.includes(provider)) {
      cases.push([LONG, { agentId: "A" }, undefined], [`+1${LONG}`, { label: "x" }, undefined]);
    }
    // A passthrough field where the vendor takes none.
    if (!capabilities[provider].passthrough) cases.push([IDS[provider], { agentId: "A" }, { vendor: { [LONG]: 1 } }]);
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
    const entries = await Promise.all(
      PROVIDERS.map(
        (provider) =>
          import(`../src/generated/entries/${provider}.ts`) as Promise<{
            createPhoneNumbers(options: { provider: string }): unknown;
          }>,
      ),
    );
    for (const create of [
      () => createPhoneNumbers({ provider: LONG as Provider }),
      ...entries.map((entry) => () => entry.createPhoneNumbers({ provider: LONG })),
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

describe.each(PROVIDERS)("%s: only the caller's own properties count, each read once", (provider) => {
  const [changes, expected] = oneChange(provider);

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
    expect(JSON.parse(sent[0]?.body ?? "null")).toEqual(expected);
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
    // Valid the first time, "" (which a vendor may take as "no agent") or a control character after.
    const tricky = Object.defineProperty({}, name, {
      enumerable: true,
      get: () => (reads++ === 0 ? changes[name] : name === "label" ? "\u0000" : ""),
    });
    await (client as Loose).update(IDS[provider], tricky);
    expect(reads).toBe(1);
    expect(JSON.parse(sent[0]?.body ?? "null")).toEqual(expected);
    // The options and their passthrough: each read once.
    let optionReads = 0;
    const options = Object.defineProperty({}, "vendor", {
      enumerable: true,
      get: () => (optionReads++ === 0 ? undefined : { agentId: "", inbound_agent_id: null, friendly_name: null }),
    });
    await (client as Loose).update(IDS[provider], changes, options);
    expect(optionReads).toBe(1);
    expect(JSON.parse(sent[1]?.body ?? "null")).toEqual(expected);
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
