/**
 * Faults (docs/CONTRACT.md#errors, docs/CONTRACT.md#retries-and-time): every fault the fault
 * server can produce, for every vendor of the registry through the facade. Each case checks the
 * error code (or the result), the number of requests that reached the server and the `attempts`
 * on the error, and every wait the policy took. Waits go through an injected sleep and jitter, so
 * the time bound is checked exactly without waiting: the time a call may take is the sum of its
 * waits plus one timeout per attempt, and the policy allows at most sum over retries n of
 * min(0.5 s × 2^n, 8 s) (or the server's wait, up to 60 s) plus
 * (maxRetries + 1) × timeoutMs. The caller's signal is tested at every stage: before send, during
 * a request, during the body, during a backoff wait, during a server-asked wait, during a retry.
 */
import {
  DEFAULT_MAX_RETRIES,
  MAX_SERVER_WAIT_MS,
  PhoneBridgeError,
  type Provider,
  providerTitle,
  sleep as realSleep,
} from "@phonebridge/core";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWithAdapter, type PolicyOverrides } from "../src/engine.js";
import { type FaultServer, faults, type Reply, startFaultServer } from "./fault-server.js";
import { ADAPTERS, failure, IDS, OK_BODY, PROVIDERS } from "./helpers.js";
import { DATA } from "./vendors.js";

// A fixed seed keeps the run deterministic; PHONEBRIDGE_FC_SEED explores others.
fc.configureGlobal({ seed: Number(process.env.PHONEBRIDGE_FC_SEED ?? 14) });

const KEY = "sk_live_PBFAULTS_0123456789";
const MiB = 1024 * 1024;
/** Per-attempt timeout for the cases that hang: short, so nothing is slow. */
const TIMEOUT_MS = 25;
/** A generous timeout for the cases that do not hang (a loaded machine must not turn them into timeouts). */
const SLOW_TIMEOUT_MS = 10_000;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.script());

/** An injected sleep on a virtual clock: records each wait and returns at once (or rejects on abort). */
function virtualSleep(onWait?: (ms: number) => void): { waits: number[]; sleep: PolicyOverrides["sleep"] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      onWait?.(ms);
      if (signal?.aborted) throw signal.reason;
    },
  };
}

function client(
  provider: Provider,
  options: { timeoutMs?: number; maxRetries?: number; baseUrl?: string; fetch?: typeof fetch } = {},
  overrides: PolicyOverrides = {},
) {
  return createWithAdapter(
    ADAPTERS[provider],
    { apiKey: KEY, baseUrl: server.url, timeoutMs: SLOW_TIMEOUT_MS, ...options },
    overrides,
  );
}

/** The backoff cap before retry n: min(0.5 s × 2^n, 8 s). */
const cap = (n: number): number => Math.min(500 * 2 ** n, 8000);
/** The backoff before retry n with the jitter source returning r. */
const backoff = (n: number, r: number): number => cap(n) * (0.75 + 0.25 * r);

/**
 * The longest a call may take under the policy: one timeout per attempt plus, before each retry,
 * the server's wait when it gave one (at most 60 s), else the backoff cap.
 */
function policyBound(attempts: number, timeoutMs: number, serverWaits: readonly (number | undefined)[] = []): number {
  let total = attempts * timeoutMs;
  for (let n = 0; n < attempts - 1; n++) total += Math.min(serverWaits[n] ?? cap(n), MAX_SERVER_WAIT_MS);
  return total;
}

const ok = (provider: Provider): Reply => faults.json(OK_BODY[provider]);

interface Case {
  name: string;
  replies: (provider: Provider) => Reply[];
  /** The error code, or "ok" when the call ends with a result. */
  code: PhoneBridgeError["code"] | "ok";
  attempts: number;
  status?: number;
  /** The waits expected, given the jitter source's value r. */
  waits: (r: number) => number[];
  /** The server's waits before each retry (for the policy bound). */
  serverWaits?: (number | undefined)[];
  timeoutMs?: number;
  maxRetries?: number;
  /** Extra checks on the error. */
  check?: (error: PhoneBridgeError, provider: Provider) => void;
}

const BACKOFF_2 = (r: number) => [backoff(0, r), backoff(1, r)];

/** Faults whose outcome is the same for every vendor. */
const CASES: Case[] = [
  {
    name: "429 with Retry-After in seconds, then 200: waits what the server asked",
    replies: (p) => [faults.retryAfterSeconds(2), ok(p)],
    code: "ok",
    attempts: 2,
    waits: () => [2000],
    serverWaits: [2000],
  },
  {
    name: "429 with a fractional Retry-After, then 200",
    replies: (p) => [faults.retryAfterSeconds("0.25"), ok(p)],
    code: "ok",
    attempts: 2,
    waits: () => [250],
    serverWaits: [250],
  },
  {
    name: "429 with retry-after-ms (taken over Retry-After), then 200",
    replies: (p) => [
      { status: 429, headers: { "retry-after-ms": "1500", "retry-after": "9" }, body: "{}" },
      faults.retryAfterMs(0),
      ok(p),
    ],
    code: "ok",
    attempts: 3,
    waits: () => [1500, 0],
    serverWaits: [1500, 0],
  },
  {
    name: "429 with an unreadable Retry-After: the backoff",
    replies: (p) => [{ status: 429, headers: { "retry-after": "soon" }, body: "{}" }, ok(p)],
    code: "ok",
    attempts: 2,
    waits: (r) => [backoff(0, r)],
  },
  // Neither delta-seconds nor an HTTP-date: once read by Date.parse as dates long past, so every
  // attempt went out at once. Now ignored, and the backoff applies.
  ...["-5", "+5", "5,", "1e3", "Thu, 01 Jan 2026 00:00:05", "2026-01-01"].map(
    (value): Case => ({
      name: `429 with Retry-After ${JSON.stringify(value)}, every time: the backoff, not 0`,
      replies: () => [{ status: 429, headers: { "retry-after": value }, body: "{}" }],
      code: "rate_limited",
      status: 429,
      attempts: 3,
      waits: BACKOFF_2,
      check: (error) => expect(error.retryAfterMs).toBeUndefined(),
    }),
  ),
  ...["-5", "+5", "1e3", "0x10"].map(
    (value): Case => ({
      name: `429 with retry-after-ms ${JSON.stringify(value)}: ignored, Retry-After taken`,
      replies: (p) => [{ status: 429, headers: { "retry-after-ms": value, "retry-after": "2" }, body: "{}" }, ok(p)],
      code: "ok",
      attempts: 2,
      waits: () => [2000],
      serverWaits: [2000],
    }),
  ),
  {
    name: "429 every time: rate_limited after maxRetries + 1 attempts, with the backoff",
    replies: () => [faults.status(429)],
    code: "rate_limited",
    status: 429,
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "429 every time with Retry-After: rate_limited, the server's wait each time, retryAfterMs on the error",
    replies: () => [faults.retryAfterSeconds(3)],
    code: "rate_limited",
    status: 429,
    attempts: 3,
    waits: () => [3000, 3000],
    serverWaits: [3000, 3000],
    check: (error) => expect(error.retryAfterMs).toBe(3000),
  },
  {
    name: "429 asking for exactly 60 s is honoured",
    replies: (p) => [faults.retryAfterSeconds(60), ok(p)],
    code: "ok",
    attempts: 2,
    waits: () => [60_000],
    serverWaits: [60_000],
  },
  {
    name: "429 asking for more than 60 s: no retry, the error at once with retryAfterMs",
    replies: () => [faults.retryAfterSeconds(61)],
    code: "rate_limited",
    status: 429,
    attempts: 1,
    waits: () => [],
    check: (error) => expect(error.retryAfterMs).toBe(61_000),
  },
  {
    name: "429 asking for 60 001 ms: no retry",
    replies: () => [faults.retryAfterMs(60_001)],
    code: "rate_limited",
    status: 429,
    attempts: 1,
    waits: () => [],
    check: (error) => expect(error.retryAfterMs).toBe(60_001),
  },
  ...([500, 502, 503] as const).map(
    (status): Case => ({
      name: `${status} every time: server after maxRetries + 1 attempts`,
      replies: () => [faults.status(status, { message: "try later" })],
      code: "server",
      status,
      attempts: 3,
      waits: BACKOFF_2,
      check: (error) => expect(error.vendorMessage).toBe("try later"),
    }),
  ),
  {
    name: "500, 502, then 200: the result",
    replies: (p) => [faults.status(500), faults.status(502), ok(p)],
    code: "ok",
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "503 with Retry-After then 503 without: the server's wait, then the backoff of retry 1",
    replies: () => [{ status: 503, headers: { "retry-after": "1" }, body: "{}" }, faults.status(503)],
    code: "server",
    status: 503,
    attempts: 3,
    waits: (r) => [1000, backoff(1, r)],
    serverWaits: [1000],
  },
  {
    name: "408 every time: timeout after retries",
    replies: () => [faults.status(408)],
    code: "timeout",
    status: 408,
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "409 every time: server after retries",
    replies: () => [faults.status(409)],
    code: "server",
    status: 409,
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "503 every time with maxRetries 6: the backoff doubles up to its 8 s cap",
    replies: () => [faults.status(503)],
    code: "server",
    status: 503,
    attempts: 7,
    maxRetries: 6,
    waits: (r) => [0, 1, 2, 3, 4, 5].map((n) => backoff(n, r)),
    check: () => expect([0, 1, 2, 3, 4, 5].map(cap)).toEqual([500, 1000, 2000, 4000, 8000, 8000]),
  },
  {
    name: "503 with maxRetries 0: one attempt, no wait",
    replies: () => [faults.status(503)],
    code: "server",
    status: 503,
    attempts: 1,
    maxRetries: 0,
    waits: () => [],
  },
  {
    name: "a server that never answers: timeout after every attempt timed out",
    replies: () => ["hang"],
    code: "timeout",
    attempts: 3,
    timeoutMs: TIMEOUT_MS,
    waits: BACKOFF_2,
    check: (error) => {
      expect(error.status).toBeUndefined();
      expect(error.message).toContain(`no response within ${TIMEOUT_MS} ms`);
    },
  },
  {
    name: "a body that stalls after the status line: timeout",
    replies: () => ["stall-body"],
    code: "timeout",
    attempts: 3,
    timeoutMs: TIMEOUT_MS,
    waits: BACKOFF_2,
  },
  {
    name: "hang, then 200: the result on the second attempt",
    replies: (p) => ["hang", ok(p)],
    code: "ok",
    attempts: 2,
    // Long enough that a loaded machine still answers the second attempt in time.
    timeoutMs: 500,
    waits: (r) => [backoff(0, r)],
  },
  {
    name: "connection reset before any response: connection after retries",
    replies: () => ["reset"],
    code: "connection",
    attempts: 3,
    waits: BACKOFF_2,
    check: (error) => expect(error.status).toBeUndefined(),
  },
  {
    name: "connection reset mid-response (after the status line): connection after retries",
    replies: () => ["reset-after-status"],
    code: "connection",
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "reset, 429 with Retry-After, 503, then 200 (maxRetries 3): each wait by its own rule",
    replies: (p) => ["reset", faults.retryAfterSeconds(1), faults.status(503), ok(p)],
    code: "ok",
    attempts: 4,
    maxRetries: 3,
    waits: (r) => [backoff(0, r), 1000, backoff(2, r)],
    serverWaits: [undefined, 1000],
  },
  {
    name: "200 with malformed JSON: invalid_response, not retried",
    replies: () => [faults.malformedJson(200)],
    code: "invalid_response",
    status: 200,
    attempts: 1,
    waits: () => [],
    check: (error) => expect(error.message).toMatch(/not JSON/),
  },
  {
    name: "500 with malformed JSON: server after retries, the text as the vendor's message",
    replies: () => [faults.malformedJson(500)],
    code: "server",
    status: 500,
    attempts: 3,
    waits: BACKOFF_2,
    check: (error) => expect(error.vendorMessage).toBe('{"phone_number": "+1415'),
  },
  {
    name: "an HTML 502 page: server after retries, no vendor message made up from the HTML",
    replies: () => [faults.html(502)],
    code: "server",
    status: 502,
    attempts: 3,
    waits: BACKOFF_2,
    check: (error, provider) => {
      expect(error.vendorMessage).toBeUndefined();
      expect(error.message).toBe(`${providerTitle(provider)}: HTTP 502`);
    },
  },
  // The wire itself: raw bytes on the socket. The same fault gives the same code whichever fetch
  // sends the request (packages/core/test/transports.test.ts runs these through both).
  {
    name: "a 503 whose body a reset cuts: connection (a reset after the status line), not server",
    replies: () => [faults.resetMidBody(503)],
    code: "connection",
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "a 500 whose body ends short of its Content-Length: connection",
    replies: () => [faults.shortBody(500)],
    code: "connection",
    attempts: 3,
    waits: BACKOFF_2,
  },
  ...([502, 200] as const).map(
    (status): Case => ({
      name: `a ${status} whose chunked body is cut inside a chunk: connection`,
      replies: () => [faults.chunkedCut(status)],
      code: "connection",
      attempts: 3,
      waits: BACKOFF_2,
    }),
  ),
  {
    name: "a 500 whose body is longer than its Content-Length: server, the body as declared",
    replies: () => [faults.longBody(500, '{"message":"try later"}')],
    code: "server",
    status: 500,
    attempts: 3,
    waits: BACKOFF_2,
    check: (error) => expect(error.vendorMessage).toBe("try later"),
  },
  {
    name: "a 200 whose body is longer than its Content-Length: the result, from the declared body",
    replies: (p) => [faults.longBody(200, JSON.stringify(OK_BODY[p]))],
    code: "ok",
    attempts: 1,
    waits: () => [],
  },
  {
    name: "a 200 gzip'd though no one asked: the result",
    replies: (p) => [faults.gzip(200, JSON.stringify(OK_BODY[p]))],
    code: "ok",
    attempts: 1,
    waits: () => [],
  },
  {
    name: "a 503 gzip'd: server, its message read",
    replies: () => [faults.gzip(503, '{"message":"zipped"}')],
    code: "server",
    status: 503,
    attempts: 3,
    waits: BACKOFF_2,
    check: (error) => expect(error.vendorMessage).toBe("zipped"),
  },
  {
    name: "a 500 whose gzip is not gzip: connection (the body cannot be read)",
    replies: () => [faults.corruptGzip(500)],
    code: "connection",
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "a 200 of a few kB that gunzips past 10 MiB: invalid_response, never decoded whole",
    replies: (p) => [faults.gzipBomb(OK_BODY[p])],
    code: "invalid_response",
    status: 200,
    attempts: 1,
    waits: () => [],
    check: (error) => expect(error.message).toMatch(/over 10 MiB/),
  },
  {
    name: "103 Early Hints before the 200: the result",
    replies: (p) => [faults.interim("103 Early Hints", "200 OK", JSON.stringify(OK_BODY[p]))],
    code: "ok",
    attempts: 1,
    waits: () => [],
  },
  {
    name: "100 Continue that phonebridge never asked for, before the 200: connection",
    replies: (p) => [faults.interim("100 Continue", "200 OK", JSON.stringify(OK_BODY[p]))],
    code: "connection",
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "101 Switching Protocols: connection",
    replies: () => [
      { raw: ["HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n", 10, "end"] },
    ],
    code: "connection",
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "a status beyond 599: invalid_response, not retried",
    replies: () => [faults.rawStatus("600 Beyond")],
    code: "invalid_response",
    status: 600,
    attempts: 1,
    waits: () => [],
  },
  {
    name: "a 204 that sends a body anyway: invalid_response (no JSON to read)",
    replies: () => [faults.rawStatus("204 No Content", "{}")],
    code: "invalid_response",
    status: 204,
    attempts: 1,
    waits: () => [],
  },
  {
    name: "an answer that is not HTTP: connection",
    replies: () => [faults.garbage()],
    code: "connection",
    attempts: 3,
    waits: BACKOFF_2,
  },
  {
    name: "an HTML 404 page: not_found, not retried",
    replies: () => [faults.html(404)],
    code: "not_found",
    status: 404,
    attempts: 1,
    waits: () => [],
  },
  {
    name: "an HTML page with 200: invalid_response",
    replies: () => [faults.html(200)],
    code: "invalid_response",
    status: 200,
    attempts: 1,
    waits: () => [],
  },
  {
    name: "a 200 body streamed past 10 MiB: invalid_response, never buffered whole",
    replies: () => [faults.huge(10 * MiB + 256 * 1024)],
    code: "invalid_response",
    status: 200,
    attempts: 1,
    waits: () => [],
    check: (error) => expect(error.message).toMatch(/over 10 MiB/),
  },
  {
    name: "a 200 body declared over 10 MiB: invalid_response",
    replies: () => [faults.declaredHuge(11 * MiB)],
    code: "invalid_response",
    status: 200,
    attempts: 1,
    waits: () => [],
  },
  {
    name: "a 503 error body declared over 10 MiB: server after retries, the body not kept",
    replies: () => [faults.declaredHuge(50 * MiB, 503)],
    code: "server",
    status: 503,
    attempts: 3,
    waits: BACKOFF_2,
    check: (error) => expect(error.body).toBeUndefined(),
  },
  ...(
    [
      [400, "validation"],
      [401, "unauthorized"],
      [403, "unauthorized"],
      [404, "not_found"],
      [405, "validation"],
      [418, "validation"],
      [422, "validation"],
    ] as const
  ).map(
    ([status, code]): Case => ({
      name: `${status}: ${code}, never retried`,
      replies: () => [faults.status(status, { message: "no" })],
      code,
      status,
      attempts: 1,
      waits: () => [],
    }),
  ),
  // Every 3xx alike, whether the fetch refuses it (301, 302, 303, 307, 308 under `redirect:
  // "error"`) or hands it over (300, 304): no status, a message that names baseUrl.
  ...([300, 304] as const).map(
    (status): Case => ({
      name: `an unexpected ${status}: invalid_response without a status, not retried`,
      replies: () => [{ status, body: "" }],
      code: "invalid_response",
      attempts: 1,
      waits: () => [],
      check: (error) => expect(error.message).toMatch(/redirect.*never followed.*check baseUrl/),
    }),
  ),
];

/** The jitter source of the table: a value strictly inside [0, 1). */
const R = 0.4;

describe.each(PROVIDERS)("%s through the facade", (provider) => {
  it.each(CASES)("$name", async (c) => {
    const { waits, sleep } = virtualSleep();
    const timeoutMs = c.timeoutMs ?? SLOW_TIMEOUT_MS;
    const maxRetries = c.maxRetries ?? DEFAULT_MAX_RETRIES;
    server.script(...c.replies(provider));
    const phones = client(provider, { timeoutMs, maxRetries }, { sleep, random: () => R });
    const outcome = await phones.update(IDS[provider], { agentId: "A" }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if (c.code === "ok") {
      expect(outcome).toHaveProperty("result");
      const { result } = outcome as { result: { provider: string; id: string } };
      expect(result).toMatchObject({ provider, id: IDS[provider] });
    } else {
      const { error } = outcome as { error: PhoneBridgeError };
      expect(error).toBeInstanceOf(PhoneBridgeError);
      expect(error).toMatchObject({ code: c.code, provider, attempts: c.attempts });
      expect(error.status).toBe(c.status);
      expect(error.message.startsWith(`${providerTitle(provider)}: `)).toBe(true);
      c.check?.(error, provider);
    }
    // The requests that reached the server are the attempts; each one the same request.
    expect(server.received).toHaveLength(c.attempts);
    expect(new Set(server.received.map((r) => `${r.method} ${r.target} ${r.body}`)).size).toBe(1);
    // Every wait exactly as the policy says, and the whole call within the policy's bound.
    expect(waits).toEqual(c.waits(R));
    const spent = waits.reduce((a, b) => a + b, 0) + c.attempts * timeoutMs;
    expect(spent).toBeLessThanOrEqual(policyBound(c.attempts, timeoutMs, c.serverWaits));
    expect(spent).toBeLessThanOrEqual(policyBound(maxRetries + 1, timeoutMs, c.serverWaits));
  });

  it("a refused connection: connection after retries, with the backoff", async () => {
    const closed = await startFaultServer();
    await closed.close();
    const { waits, sleep } = virtualSleep();
    const error = await failure(
      client(provider, { baseUrl: closed.url }, { sleep, random: () => R }).update(IDS[provider], { agentId: "A" }),
    );
    expect(error).toMatchObject({ code: "connection", provider, attempts: 3 });
    expect(error.message).toBe(`${providerTitle(provider)}: connection failed (ECONNREFUSED)`);
    expect(waits).toEqual(BACKOFF_2(R));
  });

  it("a redirect is not followed: invalid_response, the key never reaches the other host", async () => {
    const other = await startFaultServer();
    try {
      for (const status of [301, 302, 307, 308]) {
        server.script(faults.redirect(`${other.url}/steal`, status));
        const error = await failure(client(provider).update(IDS[provider], { agentId: "A" }));
        expect(error).toMatchObject({ code: "invalid_response", attempts: 1, provider });
        // Node's fetch refuses the redirect itself (`redirect: "error"`): no status reaches the error.
        expect(error.status).toBeUndefined();
        expect(error.message).toMatch(/redirect.*never followed.*check baseUrl/);
        expect(server.received).toHaveLength(1);
      }
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("429 with Retry-After as an HTTP date: waits until that date, a past date not at all", async () => {
    // Only Date is faked (the clock retryAfterMsOf reads), so sockets and timers stay real.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const now = new Date("2026-11-26T06:00:00.000Z");
      vi.setSystemTime(now);
      const { waits, sleep } = virtualSleep();
      server.script(
        faults.retryAfterDate(new Date(now.getTime() + 7_000)),
        faults.retryAfterDate(new Date("2015-10-21T07:28:00Z")),
        // The two obsolete forms RFC 9110 still asks recipients to read: RFC 850 and asctime.
        { status: 429, headers: { "retry-after": "Thursday, 26-Nov-26 06:00:03 GMT" }, body: "{}" },
        { status: 503, headers: { "retry-after": "Thu Nov 26 06:00:04 2026" }, body: "{}" },
        ok(provider),
      );
      await client(provider, { maxRetries: 4 }, { sleep }).update(IDS[provider], { agentId: "A" });
      expect(waits).toEqual([7_000, 0, 3_000, 4_000]);
      // A date more than 60 s ahead: the error at once.
      server.script(faults.retryAfterDate(new Date(now.getTime() + 61_000)));
      const error = await failure(client(provider, {}, { sleep }).update(IDS[provider], { agentId: "A" }));
      expect(error).toMatchObject({ code: "rate_limited", attempts: 1, retryAfterMs: 61_000 });
      expect(waits).toEqual([7_000, 0, 3_000, 4_000]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the jitter stays in [0.75, 1] × the cap for any jitter source value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (r) => {
        const { waits, sleep } = virtualSleep();
        server.script(faults.status(503));
        await failure(client(provider, {}, { sleep, random: () => r }).update(IDS[provider], { agentId: "A" }));
        expect(waits).toEqual([backoff(0, r), backoff(1, r)]);
        waits.forEach((ms, n) => {
          expect(ms).toBeGreaterThanOrEqual(0.75 * cap(n));
          expect(ms).toBeLessThanOrEqual(cap(n));
        });
      }),
      { numRuns: 15 },
    );
  });

  describe("the caller's signal, at every stage", () => {
    afterEach(() => server.script());

    it("already aborted: nothing sent, aborted with 0 attempts", async () => {
      server.script(ok(provider));
      const error = await failure(
        client(provider).update(IDS[provider], { agentId: "A" }, { signal: AbortSignal.abort() }),
      );
      expect(error).toMatchObject({ code: "aborted", provider, attempts: 0 });
      expect(server.received).toHaveLength(0);
    });

    it("during a request (no answer yet): aborted at once, 1 attempt", async () => {
      server.script("hang");
      const controller = new AbortController();
      const pending = failure(client(provider).update(IDS[provider], { agentId: "A" }, { signal: controller.signal }));
      await server.requests(1);
      controller.abort();
      // The attempt's timeout is 10 s: only the abort can end the call within the test's time.
      expect(await pending).toMatchObject({ code: "aborted", provider, attempts: 1 });
      expect(server.received).toHaveLength(1);
    });

    it("during the body (status line received, body stalled): aborted, 1 attempt", async () => {
      server.script("stall-body");
      const controller = new AbortController();
      // A fetch that aborts the caller's signal as soon as the status line is in: the abort lands in the body read.
      const abortOnHeaders = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const response = await fetch(input, init);
        controller.abort();
        return response;
      }) as typeof fetch;
      const error = await failure(
        client(provider, { fetch: abortOnHeaders }).update(
          IDS[provider],
          { agentId: "A" },
          { signal: controller.signal },
        ),
      );
      expect(error).toMatchObject({ code: "aborted", provider, attempts: 1 });
      expect(server.received).toHaveLength(1);
    });

    it("during a backoff wait: aborted at once, no further request", async () => {
      server.script(faults.status(503));
      const controller = new AbortController();
      const waits: number[] = [];
      const sleep: PolicyOverrides["sleep"] = (ms, signal) => {
        waits.push(ms);
        const waiting = realSleep(ms, signal);
        controller.abort();
        return waiting;
      };
      const error = await failure(
        client(provider, {}, { sleep, random: () => R }).update(
          IDS[provider],
          { agentId: "A" },
          { signal: controller.signal },
        ),
      );
      expect(error).toMatchObject({ code: "aborted", provider, attempts: 1 });
      expect(waits).toEqual([backoff(0, R)]);
      expect(server.received).toHaveLength(1);
    });

    it("during a 60 s wait the server asked for: aborted at once (the real sleep is used)", async () => {
      server.script(faults.retryAfterSeconds(60));
      const controller = new AbortController();
      const waits: number[] = [];
      // The real sleep, aborted as soon as the wait has begun: without the abort the test would take 60 s.
      const sleep: PolicyOverrides["sleep"] = (ms, signal) => {
        waits.push(ms);
        const waiting = realSleep(ms, signal);
        setImmediate(() => controller.abort(new Error("user pressed Ctrl-C")));
        return waiting;
      };
      const error = await failure(
        client(provider, {}, { sleep }).update(IDS[provider], { agentId: "A" }, { signal: controller.signal }),
      );
      expect(error).toMatchObject({ code: "aborted", provider, attempts: 1 });
      expect(waits).toEqual([60_000]);
      expect(server.received).toHaveLength(1);
    });

    it("during a retry in flight: aborted, with the attempts sent so far", async () => {
      server.script(faults.status(503), "hang");
      const controller = new AbortController();
      const { sleep } = virtualSleep();
      const pending = failure(
        client(provider, {}, { sleep }).update(IDS[provider], { agentId: "A" }, { signal: controller.signal }),
      );
      await server.requests(2);
      controller.abort("any reason");
      expect(await pending).toMatchObject({ code: "aborted", provider, attempts: 2 });
    });
  });
});

describe("responses that break the contract: a 2xx that is not a JSON object is invalid_response", () => {
  /** Bodies no vendor's spec allows, and that say nothing was done (docs/CONTRACT.md#facade-result). */
  const COMMON: Array<[name: string, reply: Reply]> = [
    ["an array", faults.json([OK_BODY[PROVIDERS[0] as Provider]])],
    ["null", faults.json(null)],
    ["a string", faults.json("ok")],
    ["not JSON", { status: 200, headers: { "content-type": "text/plain" }, body: "OK" }],
    ["204 without a body", { status: 204 }],
    ["201 with malformed JSON", faults.malformedJson(201)],
  ];

  describe.each(PROVIDERS)("%s", (provider) => {
    it.each(COMMON)("%s", async (_name, reply) => {
      server.script(reply);
      const error = await failure(client(provider).update(IDS[provider], { agentId: "A" }));
      const status = typeof reply === "object" && "status" in reply ? reply.status : 200;
      expect(error).toMatchObject({ code: "invalid_response", provider, status, attempts: 1 });
      expect(error.message.startsWith(`${providerTitle(provider)}: `)).toBe(true);
      expect(server.received).toHaveLength(1);
    });

    it("the valid body (control): a result without drift", async () => {
      server.script(ok(provider));
      const result = await client(provider).update(IDS[provider], { agentId: "A" });
      expect(result).toMatchObject({ provider });
      expect("drift" in result).toBe(false);
    });
  });
});

describe("responses that drift from the spec: done, the fields read and the drift (docs/CONTRACT.md#facade-result)", () => {
  describe.each(PROVIDERS)("%s", (provider) => {
    // Per vendor: bodies missing a field its spec requires, with a field of the wrong type, or
    // an enum value its spec does not list.
    it.each(DATA[provider].drifted)("%s", async (_name, body, reading, paths) => {
      server.script(faults.json(body));
      const result = await client(provider).update(IDS[provider], { agentId: "A" });
      expect(result).toMatchObject({ provider, id: IDS[provider], ...reading, raw: JSON.parse(JSON.stringify(body)) });
      expect(result.drift?.map((drift) => drift.path)).toEqual(paths);
      for (const drift of result.drift ?? []) expect(drift.problem).toMatch(/^[a-z]/);
      // Done: not retried, not an error.
      expect(server.received).toHaveLength(1);
    });
  });
});
