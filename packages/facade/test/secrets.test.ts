/**
 * Secrets (docs/CONTRACT.md#secrets): every error path and every result of the facade, driven with
 * recognisable fake secrets (all holding "PBSECRET"): the API key, the request secrets sent
 * through the passthrough (each vendor's `secrets.request` in vendor.yaml), and vendor responses
 * that carry secrets or echo them (its `secrets.response`, keys echoed in error messages,
 * FastAPI's `input` echo of a refused value), as written, escaped or as property names. None may
 * appear in any thrown error (message, stack, `JSON.stringify`, `util.inspect`), any result (`raw`
 * included) or any log line.
 */
import { inspect } from "node:util";
import type { PhoneBridgeError, Provider } from "@phonebridge/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWithAdapter, type PolicyOverrides } from "../src/engine.js";
import { capabilities, createPhoneNumbers } from "../src/index.js";
import { type FaultServer, faults, type Reply, startFaultServer } from "./fault-server.js";
import { ADAPTERS, failure, IDS, OK_BODY, PROVIDERS, revealed } from "./helpers.js";
import { DATA } from "./vendors.js";

/** Every fake secret holds this marker; no output may. */
const MARK = "PBSECRET";
const KEY = `sk_live_${MARK}_key_0123456789abcdef`;
const RESPONSE_SECRET = (field: string) => `resp_${MARK}_${field}`;

const secretsOf = (provider: Provider) => ADAPTERS[provider].descriptor.secrets;

/** The request secrets each vendor takes through the passthrough (its vendor.yaml's secrets.request). */
function passthroughOf(provider: Provider): Record<string, string> | undefined {
  const fields = secretsOf(provider).request;
  if (fields.length === 0 || !capabilities[provider].passthrough) return undefined;
  return Object.fromEntries(fields.map((field) => [field, `${provider}_${MARK}_${field}`]));
}

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

/** Everything written to the console during a test. */
let logged: string[] = [];
beforeEach(() => {
  server.script();
  logged = [];
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: null }))).join(" "));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(logged.join("\n")).not.toContain(MARK);
});

const instant: PolicyOverrides = { sleep: async () => {}, random: () => 1 };

function client(provider: Provider, options: { baseUrl?: string; timeoutMs?: number } = {}) {
  return createWithAdapter(ADAPTERS[provider], { apiKey: KEY, baseUrl: server.url, ...options }, instant);
}

/** Every way an error can be shown: none may hold a secret. */
function shownError(error: unknown): string[] {
  const e = error as PhoneBridgeError;
  return [
    String(e),
    e.message,
    e.stack ?? "",
    JSON.stringify(e),
    inspect(e, { depth: null, showHidden: true }),
    String(e.vendorMessage),
    JSON.stringify(e.body) ?? "",
    JSON.stringify(Object.getOwnPropertyDescriptors(e)),
    inspect((e as { cause?: unknown }).cause, { depth: null }),
  ];
}

function expectClean(shown: string[]): void {
  for (const text of shown) {
    expect(text).not.toContain(MARK);
    expect(revealed(text)).not.toContain(MARK);
  }
}

/**
 * What a vendor can echo back: the key (in text and in header-like fields), the passthrough
 * secrets it was sent (by value and under their own field names), and its own secret response
 * fields with values the client never saw (Verbex). A value the client never knew, under a name
 * that is not a secret field of that vendor, cannot be recognised by anyone and is not tested.
 */
function echoOf(provider: Provider): Record<string, unknown> {
  const echo: Record<string, unknown> = { authorization: `Bearer ${KEY}`, api_key: KEY, key_hint: `...${KEY}...` };
  for (const [field, value] of Object.entries(passthroughOf(provider) ?? {})) {
    echo[field] = value;
    echo[`${field}_was`] = `you sent ${value}`;
  }
  const [first, ...rest] = secretsOf(provider).response;
  if (first !== undefined) {
    const deeper = Object.fromEntries(rest.map((field) => [field, RESPONSE_SECRET(field)]));
    echo.nested = [{ [first]: RESPONSE_SECRET(first), deeper }];
  }
  return echo;
}

/** The passthrough secrets as they appear in a vendor's text, or the key when there are none. */
function sentSecret(provider: Provider): string {
  return Object.values(passthroughOf(provider) ?? {}).find((value) => value.includes(MARK)) ?? KEY;
}

/** Error replies that echo secrets back, in every shape a vendor's error body takes. */
function errorReplies(provider: Provider): Array<[name: string, reply: Reply, code: PhoneBridgeError["code"]]> {
  const echo = echoOf(provider);
  const secret = sentSecret(provider);
  return [
    [
      "400 {status,message} echoing the key and the secret fields",
      faults.json({ status: "error", message: `invalid api key ${KEY}`, ...echo }, 400),
      "validation",
    ],
    [
      "401 plain text echoing the Authorization header",
      { status: 401, headers: { "content-type": "text/plain" }, body: `Unauthorized: Authorization: Bearer ${KEY}` },
      "unauthorized",
    ],
    [
      "403 problem+json with the key in detail",
      {
        status: 403,
        headers: { "content-type": "application/problem+json" },
        body: JSON.stringify({ title: "Forbidden", detail: `key ${KEY} lacks the scope`, instance: `/keys/${KEY}` }),
      },
      "unauthorized",
    ],
    [
      "404 HTML page quoting the key",
      { status: 404, headers: { "content-type": "text/html" }, body: `<html><p>no such key ${KEY}</p></html>` },
      "not_found",
    ],
    [
      "422 FastAPI detail echoing the refused secret value as input",
      faults.json(
        {
          detail: [
            { loc: ["body", "password"], msg: `value ${secret} is too weak`, input: secret },
            { loc: ["header", "authorization"], msg: "bad", input: `Bearer ${KEY}` },
          ],
        },
        422,
      ),
      "validation",
    ],
    [
      "400 {error,message} naming the secret sent",
      faults.json({ error: "bad_request", message: `the value ${secret} was rejected` }, 400),
      "validation",
    ],
    [
      "429 (after retries) echoing the key",
      { status: 429, headers: { "retry-after": "1" }, body: JSON.stringify({ message: `slow down, ${KEY}` }) },
      "rate_limited",
    ],
    ["500 echoing the key as an error string", faults.json({ error: KEY, request: echo }, 500), "server"],
    [
      // Plain text: the key and the values sent are recognised; a secret field's unknown value
      // inside text that is not JSON cannot be (SECURITY.md says so), so `nested` is left out.
      "502 plain text with the request echoed",
      {
        status: 502,
        headers: { "content-type": "text/plain" },
        body: `upstream saw: ${JSON.stringify({ ...echo, nested: undefined })}`,
      },
      "server",
    ],
    [
      "302 to a URL with the key",
      { status: 302, headers: { location: `http://127.0.0.1:9/?key=${KEY}` }, body: `see /?key=${KEY}` },
      "invalid_response",
    ],
    ["200 with a body that is not a JSON object and holds secrets", faults.json([echo]), "invalid_response"],
    ["200 that is not JSON and holds the key", { status: 200, body: `OK ${KEY}` }, "invalid_response"],
  ];
}

describe.each(PROVIDERS)("%s", (provider) => {
  const id = IDS[provider];
  const vendor = passthroughOf(provider);
  const options = vendor === undefined ? undefined : { vendor };

  it.each(errorReplies(provider))("%s: no secret in the error", async (_name, reply, code) => {
    server.script(reply);
    const error = await failure(client(provider).update(id, { agentId: "A" }, options as never));
    expect(error.code).toBe(code);
    // The secrets did go out (so the test means something): the key in the header, the passthrough in the body.
    const sent = server.received[0];
    expect(JSON.stringify(sent?.headers)).toContain(KEY);
    for (const secret of Object.values(vendor ?? {})) expect(sent?.body).toContain(secret);
    expectClean(shownError(error));
  });

  it.each([
    ["a hang (timeout)", "hang" as Reply, "timeout"],
    ["a reset before the response", "reset" as Reply, "connection"],
    ["a reset mid-response", "reset-after-status" as Reply, "connection"],
  ] as const)("%s: no secret in the error", async (_name, reply, code) => {
    server.script(reply);
    // Only the hang gets a short timeout: a loaded machine must not turn a reset into a timeout.
    const timeoutMs = reply === "hang" ? 20 : 10_000;
    const error = await failure(client(provider, { timeoutMs }).update(id, { agentId: "A" }, options as never));
    expect(error.code).toBe(code);
    expectClean(shownError(error));
  });

  it("a refused connection and an abort: no secret in the error", async () => {
    const closed = await startFaultServer();
    await closed.close();
    expectClean(shownError(await failure(client(provider, { baseUrl: closed.url }).update(id, { agentId: "A" }))));
    const aborted = await failure(
      client(provider).update(id, { agentId: "A" }, { ...options, signal: AbortSignal.abort(new Error(KEY)) } as never),
    );
    expect(aborted.code).toBe("aborted");
    expectClean(shownError(aborted));
  });

  it("a fetch that fails with a secret in its error: the reason quoted redacted", async () => {
    const secret = sentSecret(provider);
    for (const thrown of [
      new TypeError("fetch failed", { cause: { code: `E_${secret}` } }),
      Object.assign(new Error(`bad ${KEY}`), { code: secret }),
      Object.assign(new Error("x"), { name: `${KEY}Error` }),
    ]) {
      const fetch = (async () => {
        throw thrown;
      }) as typeof globalThis.fetch;
      const phones = createWithAdapter(ADAPTERS[provider], { apiKey: KEY, baseUrl: server.url, fetch }, instant);
      const error = await failure(phones.update(id, { agentId: "A" }, options as never));
      expect(error.code).toBe("connection");
      expectClean(shownError(error));
    }
  });

  it("input errors while secrets ride along: no secret in the error, nothing sent", async () => {
    const phones = client(provider) as unknown as {
      update(id: unknown, changes: unknown, options?: unknown): Promise<unknown>;
    };
    const withSecrets = { ...(vendor ?? {}), api_key: KEY };
    const attempts: Array<[unknown, unknown, unknown]> = [
      // The key passed where the id goes (arguments swapped), with a character no id may hold.
      [`${KEY}/x`, { agentId: "A" }, undefined],
      [`${KEY} `, { agentId: "A" }, undefined],
      [`\u0000${KEY}`, { agentId: "A" }, undefined],
      [id, { agentId: `${KEY}\n` }, undefined],
      [id, { label: `${KEY}\u0007` }, undefined],
      [id, { agentId: "" }, { vendor: withSecrets }],
      [id, { agentId: "a\u0000" }, { vendor: { ...withSecrets, agent_notes: `for ${KEY}` } }],
    ];
    for (const [badId, changes, opts] of attempts) {
      const error = await failure(phones.update(badId, changes, opts));
      expect(["invalid_input", "unsupported_change"]).toContain(error.code);
      expectClean(shownError(error));
    }
    expect(server.received).toHaveLength(0);
  });

  it("the client object itself, logged or serialized, shows no key", () => {
    const phones = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: server.url });
    console.log(phones);
    expectClean([JSON.stringify(phones), inspect(phones, { depth: null, showHidden: true }), String(phones)]);
  });

  it("a result whose body echoes the key or the passthrough secrets: none in the result", async () => {
    server.script(faults.json({ ...DATA[provider].echoing(KEY), ...echoOf(provider) }));
    const result = await client(provider).update(id, { agentId: "A" }, options as never);
    expectClean([JSON.stringify(result), inspect(result, { depth: null })]);
  });

  it("a body that drifts, with the secrets as its values: none in the result or its drift", async () => {
    // Every field of a valid body holds the key: where the spec wants an enum, a number or an
    // object, that is drift, whose problems must not quote the value; the drifted bodies too.
    const keyed = Object.fromEntries(Object.keys(OK_BODY[provider]).map((field) => [field, KEY]));
    for (const [, body] of [["keyed", keyed], ...DATA[provider].drifted] as const) {
      server.script(faults.json({ ...body, ...echoOf(provider) }));
      const result = await client(provider).update(id, { agentId: "A" }, options as never);
      expectClean([JSON.stringify(result), JSON.stringify(result.drift ?? []), inspect(result, { depth: null })]);
    }
  });
});

describe.each(PROVIDERS)("%s: secrets cut short where a text is clipped", (provider) => {
  const id = IDS[provider];
  const vendor = passthroughOf(provider);
  const options = vendor === undefined ? undefined : { vendor };
  /** A key long enough that the 40 characters of an id an input error quotes are all key. */
  const LONG_KEY = `sk_live_${MARK}_${"k".repeat(64)}`;

  it("an error body kept as text (2,000 characters) or a vendor message (500) that ends inside a secret", async () => {
    const secret = sentSecret(provider);
    const replies: Reply[] = [
      { status: 400, headers: { "content-type": "text/plain" }, body: `${"x".repeat(1975)}${KEY} and more` },
      { status: 400, headers: { "content-type": "text/plain" }, body: `${"x".repeat(1975)}${secret} and more` },
      faults.json({ message: `${"m".repeat(475)}${KEY} and more` }, 400),
      faults.json({ message: `${"m".repeat(475)}${secret} and more` }, 400),
    ];
    for (const reply of replies) {
      server.script(reply);
      const error = await failure(client(provider).update(id, { agentId: "A" }, options as never));
      expect(error.code).toBe("validation");
      expectClean(shownError(error));
    }
  });

  it("an input error quoting the first 40 characters of an id that is a long key", async () => {
    const phones = createWithAdapter(ADAPTERS[provider], { apiKey: LONG_KEY, baseUrl: server.url }, instant);
    const error = await failure(phones.update(`${LONG_KEY}/x`, { agentId: "A" }));
    expect(error).toMatchObject({ code: "invalid_input", field: "id" });
    expectClean(shownError(error));
    expect(server.received).toHaveLength(0);
  });
});

/** Each character of `text` as a JSON `\uXXXX` escape: JSON.parse reads it back as `text`. */
const uEscaped = (text: string): string =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
/** Disguises a JSON encoder may apply, each once: `\u0050` for a letter, `\/`, all escaped. */
const DISGUISES: Array<[name: string, disguise: (secret: string) => string]> = [
  ["one letter as \\u0050", (secret) => secret.replace(MARK, `\\u0050${MARK.slice(1)}`)],
  ["every character \\u-escaped", uEscaped],
  ["_ as \\u005F and / as \\/", (secret) => secret.replaceAll("_", "\\u005F").replaceAll("/", "\\/")],
];
/**
 * The label field of a vendor's response, where an echo shows in the result itself: the field its
 * label change writes, which each vendor answers under the same name (none without a label).
 */
const labelOf = (provider: Provider): string | undefined => capabilities[provider].label.field;

/** A JSON text in which each `@@secret@@` stands for `secret` written in `disguise`. */
function disguisedJson(value: unknown, disguise: (secret: string) => string): string {
  return JSON.stringify(value).replace(/@@(.*?)@@/g, (_, secret: string) => disguise(secret));
}

describe.each(PROVIDERS)("%s: secrets in disguise (escaped, as property names)", (provider) => {
  const id = IDS[provider];
  const vendor = passthroughOf(provider);
  const options = vendor === undefined ? undefined : { vendor };
  const echoed = [KEY, ...Object.values(vendor ?? {}).filter((value) => value.includes(MARK))];

  /** A body echoing every secret escaped: in the label, in a note, and as property names. */
  function echoBody(base: Record<string, unknown>): Record<string, unknown> {
    const body: Record<string, unknown> = { ...base };
    const label = labelOf(provider);
    if (label !== undefined) body[label] = `@@${echoed[0]}@@`;
    echoed.forEach((secret, i) => {
      body[`note_${i}`] = `you sent @@${secret}@@`;
      body[`@@${secret}@@`] = "a secret as a name";
      body[`nested_${i}`] = { [`prefix @@${secret}@@`]: [{ [`@@${secret}@@`]: `@@${secret}@@` }] };
    });
    return body;
  }

  it.each(DISGUISES)("a 2xx that echoes them %s: not in the result (label, raw)", async (_name, disguise) => {
    const text = disguisedJson(echoBody(OK_BODY[provider]), disguise);
    expect(text).not.toContain(KEY);
    server.script({ status: 200, body: text });
    const result = await client(provider).update(id, { agentId: "A" }, options as never);
    expectClean([JSON.stringify(result), inspect(result, { depth: null }), String(result.label)]);
    if (labelOf(provider) !== undefined) expect(result.label).toBe("[redacted]");
    // Every value is kept: the names that held a secret are redacted, not dropped.
    expect(Object.keys(result.raw as object).filter((name) => name.startsWith("[redacted]"))).toHaveLength(
      echoed.length,
    );
  });

  it.each(DISGUISES)("an error body that echoes them %s: not in the error", async (_name, disguise) => {
    const body = { message: `invalid @@${echoed.at(-1)}@@`, ...echoBody({}) };
    for (const status of [400, 422, 500]) {
      server.script({ status, body: disguisedJson(body, disguise) });
      const error = await failure(client(provider).update(id, { agentId: "A" }, options as never));
      expect(error.status).toBe(status);
      expect(error.vendorMessage).toBe("invalid [redacted]");
      expectClean(shownError(error));
    }
  });
});

describe.each(PROVIDERS)("%s: no part of a secret survives a cut, of any length", (provider) => {
  const id = IDS[provider];
  const vendor = passthroughOf(provider);
  const options = vendor === undefined ? undefined : { vendor };
  const secrets = [KEY, ...Object.values(vendor ?? {}).filter((value) => value.includes(MARK))];

  /** A client answering every request with `status` and `body`, without a server. */
  function answering(status: number, body: string) {
    const fetch = (async () => new Response(body, { status })) as typeof globalThis.fetch;
    return createWithAdapter(ADAPTERS[provider], { apiKey: KEY, baseUrl: server.url, fetch }, instant);
  }

  it.each(secrets.map((secret) => [secret.split(MARK)[0] as string, secret]))(
    "the %s… secret cut after each of its characters: in a body kept as text (2,000) and a vendor message (500)",
    async (_name, secret) => {
      for (let k = 1; k < secret.length; k++) {
        const text = `${"x".repeat(2000 - k)}${secret} and more`;
        const asText = await failure(answering(400, text).update(id, { agentId: "A" }, options as never));
        expect(asText.body).toBe(`${"x".repeat(2000 - k)}[redacted]…`);
        const message = JSON.stringify({ message: `${"m".repeat(500 - k)}${secret} and more` });
        const asMessage = await failure(answering(400, message).update(id, { agentId: "A" }, options as never));
        // The parsed message is redacted first, then cut: the cut may fall inside "[redacted]".
        const redacted = `${"m".repeat(500 - k)}[redacted] and more`;
        expect(asMessage.vendorMessage).toBe(redacted.length > 500 ? `${redacted.slice(0, 500)}…` : redacted);
        expectClean([...shownError(asText), ...shownError(asMessage)]);
      }
    },
  );
});
