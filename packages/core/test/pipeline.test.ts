/**
 * The request pipeline through a vendor client's update (docs/CONTRACT.md#vendor-packages-phonebridgevendor):
 * retries and timeouts as the facade's, per-call options, the headers every request carries and
 * the caller's, response metadata, redirects, the vendor's refinements of codes, and the log.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PhoneBridgeError } from "../src/errors.js";
import type { Logger } from "../src/log.js";
import type { PolicyHooks } from "../src/pipeline.js";
import { createVendorTransport, type VendorClientOptions, type VendorDescriptor } from "../src/vendor.js";

const KEY = "sk_live_PBPIPE_0123456789";
const descriptor: VendorDescriptor = {
  provider: "cartesia",
  envPrefix: "PBPIPE",
  defaultBaseUrl: "https://api.example.test",
  auth: { header: "Authorization", scheme: "bearer", declared: true },
  headers: { "Cartesia-Version": "2026-03-01" },
  update: { method: "PATCH", path: "/numbers/{id}", param: "id" },
  secrets: { request: ["auth_password"], response: ["twilio_auth_token"] },
  errors: [{ status: 422, message: "^Cannot find requested asset", code: "not_found" }],
};

type Reply = Response | Error | "hang";
interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that answers with `replies` in turn (the last one again when they run out). */
function scripted(...replies: (Reply | (() => Reply))[]) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    const next = replies.length > 1 ? replies.shift() : replies[0];
    const reply = typeof next === "function" ? next() : next;
    if (reply === "hang") {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    }
    if (reply instanceof Error) throw reply;
    return reply;
  }) as unknown as typeof globalThis.fetch;
  return { sent, fetch };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/** Waits recorded, none taken; jitter at its top, so waits are the backoff caps. */
function instant(): { waits: number[]; hooks: PolicyHooks } {
  const waits: number[] = [];
  return {
    waits,
    hooks: {
      random: () => 1,
      sleep: async (ms, signal) => {
        waits.push(ms);
        if (signal?.aborted) throw signal.reason;
      },
    },
  };
}

function client(fetch: typeof globalThis.fetch, options: VendorClientOptions = {}, hooks?: PolicyHooks) {
  return createVendorTransport<Record<string, unknown>, unknown>(
    descriptor,
    { apiKey: KEY, fetch, ...options },
    "@phonebridge/test/1.2.3",
    hooks,
  );
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("resolved");
    },
    (error: unknown) => error as PhoneBridgeError,
  );

describe("a vendor client retries and times out with the facade's policy", () => {
  it("retries a 5xx with the backoff, then resolves", async () => {
    const { sent, fetch } = scripted(json(503, {}), json(500, {}), json(200, { ok: true }));
    const { waits, hooks } = instant();
    await expect(client(fetch, {}, hooks).update("n1", {})).resolves.toEqual({ ok: true });
    expect(sent).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it("maxRetries: 0 turns retries off, for the client or for one call", async () => {
    const { sent, fetch } = scripted(json(503, {}));
    const { hooks } = instant();
    expect(await failure(client(fetch, { maxRetries: 0 }, hooks).update("n1", {}))).toMatchObject({
      code: "server",
      attempts: 1,
    });
    expect(await failure(client(fetch, {}, hooks).update("n1", {}, { maxRetries: 0 }))).toMatchObject({ attempts: 1 });
    // A call's maxRetries replaces the client's, both ways.
    expect(await failure(client(fetch, { maxRetries: 0 }, hooks).update("n1", {}, { maxRetries: 1 }))).toMatchObject({
      attempts: 2,
    });
    expect(sent).toHaveLength(4);
  });

  it("times each attempt out, with the call's timeoutMs over the client's", async () => {
    const { sent, fetch } = scripted("hang");
    const { waits, hooks } = instant();
    const error = await failure(client(fetch, { timeoutMs: 60_000 }, hooks).update("n1", {}, { timeoutMs: 20 }));
    expect(error).toMatchObject({ code: "timeout", attempts: 3, message: "Cartesia: no response within 20 ms" });
    expect(sent).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it("ends at once with aborted when the call's signal aborts", async () => {
    const { sent, fetch } = scripted("hang");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    expect(await failure(client(fetch).update("n1", {}, { signal: controller.signal }))).toMatchObject({
      code: "aborted",
      attempts: 1,
    });
    expect(await failure(client(fetch).update("n1", {}, { signal: AbortSignal.abort() }))).toMatchObject({
      code: "aborted",
      attempts: 0,
    });
    expect(sent).toHaveLength(1);
  });

  it("refuses call options of the wrong type before sending", async () => {
    const { sent, fetch } = scripted(json(200, {}));
    for (const [options, field] of [
      [{ timeoutMs: 0 }, "timeoutMs"],
      [{ maxRetries: -1 }, "maxRetries"],
      [{ maxRetries: 1.5 }, "maxRetries"],
      [{ signal: {} }, "signal"],
      [{ headers: { "x-n": 5 } }, "headers"],
    ] as const) {
      expect(await failure(client(fetch).update("n1", {}, options as never))).toMatchObject({
        code: "invalid_input",
        field,
        attempts: 0,
      });
    }
    expect(sent).toHaveLength(0);
  });
});

describe("what every request carries (docs/CONTRACT.md#what-every-request-carries)", () => {
  it("the package's User-Agent, the vendor's headers and the caller's, sent with redirect: error", async () => {
    const { sent, fetch } = scripted(json(200, {}));
    await client(fetch, { defaultHeaders: { "X-Team": "voice" } }).update("n1", {}, { headers: { "x-trace": "t1" } });
    expect(sent[0]?.init).toMatchObject({ method: "PATCH", redirect: "error" });
    expect(sent[0]?.init.headers).toEqual({
      accept: "application/json",
      "content-type": "application/json",
      "user-agent": "@phonebridge/test/1.2.3",
      "Cartesia-Version": "2026-03-01",
      Authorization: `Bearer ${KEY}`,
      "X-Team": "voice",
      "x-trace": "t1",
    });
  });

  it("a caller's header replaces a default one whatever its case; `headers` is an alias of defaultHeaders", async () => {
    const { sent, fetch } = scripted(json(200, {}));
    await client(fetch, { headers: { "User-Agent": "mine/1" } }).update("n1", {});
    await client(fetch, { headers: { "User-Agent": "alias" }, defaultHeaders: { "USER-AGENT": "wins" } }).update(
      "n1",
      {},
      { headers: { Accept: "application/problem+json" } },
    );
    const headers = sent.map(({ init }) => init.headers as Record<string, string>);
    expect(headers[0]).toMatchObject({ "User-Agent": "mine/1" });
    expect(headers[0]).not.toHaveProperty("user-agent");
    expect(headers[1]).toMatchObject({ "USER-AGENT": "wins", Accept: "application/problem+json" });
    expect(headers[1]).not.toHaveProperty("accept");
  });

  it("never lets a caller's header replace the auth header or a header the spec requires", async () => {
    const { sent, fetch } = scripted(json(200, {}));
    for (const name of ["authorization", "AUTHORIZATION", "cartesia-version"]) {
      expect(() => client(fetch, { defaultHeaders: { [name]: "x" } })).toThrow(
        expect.objectContaining({ code: "invalid_input", field: "headers" }),
      );
      expect(await failure(client(fetch).update("n1", {}, { headers: { [name]: "x" } }))).toMatchObject({
        code: "invalid_input",
        field: "headers",
      });
    }
    // A value fetch would refuse only once sending.
    expect(() => client(fetch, { defaultHeaders: { "x-a": "a\r\nb" } })).toThrow(
      expect.objectContaining({ field: "headers" }),
    );
    expect(sent).toHaveLength(0);
  });
});

describe("response metadata (docs/CONTRACT.md#response-metadata)", () => {
  const headers = {
    "x-request-id": "req_1",
    "cf-ray": "ray_1",
    "set-cookie": "session=abc",
    "www-authenticate": "Bearer",
    "x-echo": `you sent ${KEY}`,
  };

  it("withResponse resolves with { data, response }, secret headers left out and values redacted", async () => {
    const { fetch } = scripted(json(200, { ok: 1 }, headers));
    const { data, response } = await client(fetch).update("n1", {}, { withResponse: true });
    expect(data).toEqual({ ok: 1 });
    expect(response).toEqual({
      status: 200,
      requestId: "req_1",
      headers: {
        "cf-ray": "ray_1",
        "content-type": "application/json",
        "x-echo": "you sent [redacted]",
        "x-request-id": "req_1",
      },
    });
  });

  it("takes the request id from the first of x-request-id, request-id, x-amzn-requestid, cf-ray", async () => {
    for (const [sentHeaders, id] of [
      [{ "cf-ray": "r", "x-amzn-requestid": "a" }, "a"],
      [{ "cf-ray": "r", "request-id": "q" }, "q"],
      [{ "cf-ray": "r" }, "r"],
      [{}, undefined],
    ] as const) {
      const { fetch } = scripted(json(200, {}, sentHeaders));
      expect((await client(fetch).update("n1", {}, { withResponse: true })).response.requestId).toBe(id);
    }
  });

  it("an error from a response carries its headers and request id, and no cause", async () => {
    const { fetch } = scripted(json(400, { message: "no" }, headers));
    const error = await failure(client(fetch).update("n1", {}));
    expect(error).toMatchObject({ code: "validation", status: 400, requestId: "req_1" });
    expect(error.headers).toEqual({
      "cf-ray": "ray_1",
      "content-type": "application/json",
      "x-echo": "you sent [redacted]",
      "x-request-id": "req_1",
    });
    expect(error).not.toHaveProperty("cause");
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it("an error without a response carries neither, and no cause holding the fetch's error", async () => {
    const { fetch } = scripted(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED", key: KEY } }));
    const error = await failure(client(fetch, { maxRetries: 0 }).update("n1", {}));
    expect(error).toMatchObject({ code: "connection", message: "Cartesia: connection failed (ECONNREFUSED)" });
    expect(error.headers).toBeUndefined();
    expect(error).not.toHaveProperty("cause");
  });
});

describe("redirects are never followed (docs/CONTRACT.md#errors)", () => {
  const refused = () => new TypeError("fetch failed", { cause: new Error("unexpected redirect") });

  it.each([
    ["refused by the fetch (301, 302, 303, 307, 308)", refused],
    ["handed over by the fetch (300, 304)", () => new Response("{}", { status: 300 })],
  ])("a redirect %s: invalid_response without a status, not retried", async (_name, reply) => {
    const { sent, fetch } = scripted(reply);
    const error = await failure(client(fetch).update("n1", {}));
    expect(error).toMatchObject({ code: "invalid_response", attempts: 1 });
    expect(error.status).toBeUndefined();
    expect(error.message).toBe(
      "Cartesia: a redirect, which is never followed (the key goes to no other host): check baseUrl",
    );
    expect(sent).toHaveLength(1);
  });
});

describe("the vendor's refinements of codes (specs/<vendor>/vendor.yaml errors)", () => {
  it("a matching answer gets the vendor's code, any other keeps the table's", async () => {
    const { fetch } = scripted(
      json(422, { status: "error", message: "Cannot find requested asset under given api key." }),
      json(422, { status: "error", message: "bad nickname" }),
      json(400, { message: "Cannot find requested asset" }),
    );
    const transport = client(fetch);
    expect(await failure(transport.update("n1", {}))).toMatchObject({ code: "not_found", status: 422, attempts: 1 });
    expect(await failure(transport.update("n1", {}))).toMatchObject({ code: "validation", status: 422 });
    expect(await failure(transport.update("n1", {}))).toMatchObject({ code: "validation", status: 400 });
  });
});

describe("the log (docs/CONTRACT.md#log)", () => {
  afterEach(() => vi.unstubAllEnvs());

  function recorder() {
    const lines: [level: string, line: string][] = [];
    const logger: Logger = {
      debug: (line) => void lines.push(["debug", line]),
      info: (line) => void lines.push(["info", line]),
      warn: (line) => void lines.push(["warn", line]),
    };
    return { lines, logger };
  }

  it("debug: every attempt, with method, URL, status, duration, attempt and the wait", async () => {
    const { lines, logger } = recorder();
    const { fetch } = scripted(json(503, {}), json(200, {}));
    const { hooks } = instant();
    await client(fetch, { logger, logLevel: "debug" }, hooks).update("n 1", {});
    expect(lines).toEqual([
      [
        "info",
        expect.stringMatching(
          /^Cartesia: PATCH https:\/\/api\.example\.test\/numbers\/n%201 → 503 in \d+ ms \(attempt 1 of 3\): HTTP 503; retrying in 500 ms$/,
        ),
      ],
      [
        "debug",
        expect.stringMatching(
          /^Cartesia: PATCH https:\/\/api\.example\.test\/numbers\/n%201 → 200 in \d+ ms \(attempt 2\)$/,
        ),
      ],
    ]);
  });

  it("info logs the failed attempts only; warn and off nothing; PHONEBRIDGE_LOG when no logLevel", async () => {
    const { hooks } = instant();
    const run = async (options: VendorClientOptions) => {
      const { fetch } = scripted(json(503, {}), json(200, {}));
      const { lines, logger } = recorder();
      await client(fetch, { logger, ...options }, hooks).update("n1", {});
      return lines.map(([level]) => level);
    };
    expect(await run({ logLevel: "info" })).toEqual(["info"]);
    expect(await run({ logLevel: "warn" })).toEqual([]);
    expect(await run({ logLevel: "off" })).toEqual([]);
    expect(await run({})).toEqual([]);
    vi.stubEnv("PBPIPE_IGNORED", "x");
    vi.stubEnv("PHONEBRIDGE_LOG", "debug");
    expect(await run({})).toEqual(["info", "debug"]);
    expect(await run({ logLevel: "off" })).toEqual([]);
  });

  it("reads PHONEBRIDGE_LOG once, at creation; says an unknown value once and logs as warn", async () => {
    const { fetch } = scripted(json(503, {}), json(200, {}));
    const { hooks } = instant();
    const { lines, logger } = recorder();
    vi.stubEnv("PHONEBRIDGE_LOG", "verbose");
    const transport = client(fetch, { logger }, hooks);
    expect(lines).toEqual([["warn", 'phonebridge: PHONEBRIDGE_LOG must be debug, info, warn or off, not "verbose"']]);
    vi.stubEnv("PHONEBRIDGE_LOG", "debug");
    await transport.update("n1", {});
    expect(lines).toHaveLength(1);
  });

  it("refuses a logLevel it does not know and a logger without the methods", () => {
    const { fetch } = scripted(json(200, {}));
    expect(() => client(fetch, { logLevel: "trace" as never })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "logLevel" }),
    );
    expect(() => client(fetch, { logger: { debug() {} } as never, logLevel: "debug" })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "logger" }),
    );
  });

  it("redacts every line: a key in the id, a connection error that holds it", async () => {
    const { lines, logger } = recorder();
    const { fetch } = scripted(new TypeError(`cannot reach ${KEY}`), json(200, {}));
    const { hooks } = instant();
    await client(fetch, { logger, logLevel: "debug" }, hooks).update(KEY, {});
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain("PBPIPE");
    expect(lines[0]?.[1]).toMatch(
      /numbers\/\[redacted\] → connection in \d+ ms \(attempt 1 of 3\): connection failed \(cannot reach \[redacted\]\); retrying in 500 ms$/,
    );
  });
});

describe("the policy's limits and the messages of what ends a call", () => {
  const fail = async (options: VendorClientOptions, call?: Record<string, unknown>) => {
    const { fetch } = scripted(json(200, {}));
    try {
      await client(fetch, options).update("n1", {}, call as never);
    } catch (error) {
      return error as PhoneBridgeError;
    }
    return undefined;
  };

  it("timeoutMs from 1 to 2147483647 ms, maxRetries an integer from 0 to 100, for the client and a call", async () => {
    const { fetch } = scripted(json(200, {}));
    expect(() => client(fetch, { timeoutMs: 2 ** 31 - 1, maxRetries: 100 })).not.toThrow();
    for (const [options, field, message] of [
      [{ timeoutMs: 2 ** 31 }, "timeoutMs", "timeoutMs must be a number of milliseconds from 1 to 2147483647"],
      [{ timeoutMs: Number.NaN }, "timeoutMs", "timeoutMs must be a number of milliseconds from 1 to 2147483647"],
      [{ maxRetries: 101 }, "maxRetries", "maxRetries must be an integer from 0 to 100"],
      [{ maxRetries: -1 }, "maxRetries", "maxRetries must be an integer from 0 to 100"],
    ] as const) {
      expect(() => client(fetch, options)).toThrow(`Cartesia: ${message}`);
      expect(await fail({}, options)).toMatchObject({ code: "invalid_input", field, message: `Cartesia: ${message}` });
    }
    await expect(client(fetch).update("n1", {}, { timeoutMs: 2 ** 31 - 1, maxRetries: 100 })).resolves.toEqual({});
    expect((await fail({}, { signal: {} }))?.message).toBe("Cartesia: options.signal must be an AbortSignal");
  });

  it("fetch and beforeAttempt must be functions, named", () => {
    const { fetch } = scripted(json(200, {}));
    expect(() => client("nope" as never)).toThrow("Cartesia: fetch must be a function");
    expect(() => client(fetch, { beforeAttempt: 5 } as never)).toThrow("Cartesia: beforeAttempt must be a function");
  });

  it("says whether an aborted call had sent anything", async () => {
    const { fetch } = scripted("hang");
    expect((await failure(client(fetch).update("n1", {}, { signal: AbortSignal.abort() }))).message).toBe(
      "Cartesia: the request was aborted before it was sent",
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    expect((await failure(client(fetch).update("n1", {}, { signal: controller.signal }))).message).toBe(
      "Cartesia: the request was aborted",
    );
  });

  it("a 3xx or 1xx answer is unexpected; a 2xx that is not JSON names its status", async () => {
    const { hooks } = instant();
    const text = (status: number, body: string) => () => new Response(body, { status });
    const redirect = await failure(client(scripted(text(302, "")).fetch, {}, hooks).update("n1", {}));
    expect(redirect).toMatchObject({ code: "invalid_response", attempts: 1 });
    const notJson = await failure(client(scripted(text(200, "<html>")).fetch, {}, hooks).update("n1", {}));
    expect(notJson.message).toBe("Cartesia: the HTTP 200 response body is not JSON");
    const empty = await failure(client(scripted(text(200, "")).fetch, {}, hooks).update("n1", {}));
    expect(empty.message).toBe("Cartesia: the HTTP 200 response body is not JSON");
    const noContent = () => new Response(null, { status: 204 });
    await expect(client(scripted(noContent).fetch, {}, hooks).update("n1", {})).resolves.toBeUndefined();
  });

  it("waits as long as the server asks up to 60 s; asking for more ends the call at once", async () => {
    const at = (seconds: number) => json(503, {}, { "retry-after": String(seconds) });
    const { sent, fetch } = scripted(at(60), at(61));
    const { waits, hooks } = instant();
    const error = await failure(client(fetch, {}, hooks).update("n1", {}));
    expect(waits).toEqual([60_000]);
    expect(sent).toHaveLength(2);
    expect(error).toMatchObject({ code: "server", attempts: 2, retryAfterMs: 61_000 });
  });

  it("an abort during the wait before a retry counts the attempts sent", async () => {
    const { fetch } = scripted(json(503, {}));
    const controller = new AbortController();
    const hooks: PolicyHooks = {
      random: () => 1,
      sleep: async () => {
        controller.abort();
        throw new Error("aborted");
      },
    };
    expect(await failure(client(fetch, {}, hooks).update("n1", {}, { signal: controller.signal }))).toMatchObject({
      code: "aborted",
      attempts: 1,
      message: "Cartesia: the request was aborted",
    });
  });
});
