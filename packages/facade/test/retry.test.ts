import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import {
  backoffMs,
  PhoneBridgeError,
  type Provider,
  providerTitle,
  sleep as realSleep,
  retryDelayMs,
} from "@phonebridge/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWithAdapter, type PolicyOverrides } from "../src/engine.js";
import { capabilities } from "../src/index.js";
import { type FaultServer, startFaultServer } from "./fault-server.js";
import { failure } from "./helpers.js";
import { ADAPTERS, DATA, PROVIDERS } from "./vendors.js";

const KEY = "key_live_SECRET_4242";
/** The policy is the same for every vendor: it is run on one that takes a label (the tests set one). */
const PROVIDER = PROVIDERS.find((provider) => capabilities[provider].label.set !== "unsupported") as Provider;
const TITLE = providerTitle(PROVIDER);
const { id: ID, okBody } = DATA[PROVIDER];
const OK = JSON.stringify(okBody);
/** The number the adapter reads from the OK body. */
const NUMBER = (ADAPTERS[PROVIDER].read(okBody) as { number: string | null }).number;
const { auth } = ADAPTERS[PROVIDER].descriptor;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

/** Records the waits asked for and returns at once. */
function instantSleep(): { waits: number[]; sleep: PolicyOverrides["sleep"] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
  };
}

function client(
  options: {
    timeoutMs?: number;
    maxRetries?: number;
    baseUrl?: string;
    beforeAttempt?: (signal: AbortSignal | undefined) => Promise<void> | void;
  } = {},
  overrides: PolicyOverrides = {},
) {
  return createWithAdapter(
    ADAPTERS[PROVIDER],
    { apiKey: KEY, baseUrl: server.url, ...options },
    { random: () => 1, ...overrides },
  );
}

describe("backoff", () => {
  it("is min(0.5 s × 2^n, 8 s) times a jitter in [0.75, 1]", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 1))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect([0, 1, 4, 9].map((n) => backoffMs(n, () => 0))).toEqual([375, 750, 6000, 6000]);
    for (let i = 0; i < 200; i++) {
      const ms = backoffMs(2, Math.random);
      expect(ms).toBeGreaterThanOrEqual(1500);
      expect(ms).toBeLessThanOrEqual(2000);
    }
  });

  it("takes the server's wait over the backoff", () => {
    const error = new PhoneBridgeError({ code: "rate_limited", provider: PROVIDER, detail: "x", retryAfterMs: 1234 });
    expect(retryDelayMs(error, 3, () => 1)).toBe(1234);
  });
});

describe("retries", () => {
  beforeEach(() => server.script());

  it("retries 5xx with capped exponential backoff, then succeeds", async () => {
    const { waits, sleep } = instantSleep();
    server.script({ status: 503 }, { status: 500 }, { status: 200, body: OK });
    const result = await client({}, { sleep }).update(ID, { agentId: "A" });
    expect(result.number).toBe(NUMBER);
    expect(server.received).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it("applies the jitter from the injected random", async () => {
    const { waits, sleep } = instantSleep();
    server.script({ status: 502 }, { status: 502 }, { status: 200, body: OK });
    await client({}, { sleep, random: () => 0 }).update(ID, { agentId: "A" });
    expect(waits).toEqual([375, 750]);
  });

  it.each([
    [503, "server"],
    [500, "server"],
    [409, "server"],
    [429, "rate_limited"],
    [408, "timeout"],
  ] as const)("gives up on %i after maxRetries + 1 attempts with %s", async (status, code) => {
    const { waits, sleep } = instantSleep();
    server.script({ status, body: JSON.stringify({ status: "error", message: "busy" }) });
    const error = await failure(client({}, { sleep }).update(ID, { agentId: "A" }));
    expect(error).toMatchObject({ code, status, attempts: 3, vendorMessage: "busy" });
    expect(server.received).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it("honours maxRetries: 0", async () => {
    server.script({ status: 500 });
    const error = await failure(client({ maxRetries: 0 }).update(ID, { agentId: "A" }));
    expect(error).toMatchObject({ code: "server", attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it.each([
    [400, "validation"],
    [401, "unauthorized"],
    [403, "unauthorized"],
    [404, "not_found"],
    [422, "validation"],
    [418, "validation"],
  ] as const)("never retries %i (%s)", async (status, code) => {
    server.script({ status, body: JSON.stringify({ status: "error", message: "no" }) });
    const error = await failure(client().update(ID, { agentId: "A" }));
    expect(error).toMatchObject({ code, status, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it("waits retry-after-ms first, then Retry-After seconds", async () => {
    const { waits, sleep } = instantSleep();
    server.script(
      { status: 429, headers: { "retry-after-ms": "1500", "retry-after": "9" } },
      { status: 503, headers: { "retry-after": "2" } },
      { status: 200, body: OK },
    );
    await client({}, { sleep }).update(ID, { agentId: "A" });
    expect(waits).toEqual([1500, 2000]);
  });

  it("waits until a Retry-After HTTP date, and not at all for a past one", async () => {
    const { waits, sleep } = instantSleep();
    const future = new Date(Date.now() + 30_000).toUTCString();
    server.script(
      { status: 429, headers: { "retry-after": future } },
      { status: 429, headers: { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" } },
      { status: 200, body: OK },
    );
    await client({}, { sleep }).update(ID, { agentId: "A" });
    expect(waits[0]).toBeGreaterThan(27_000);
    expect(waits[0]).toBeLessThanOrEqual(30_000);
    expect(waits[1]).toBe(0);
  });

  it("honours a wait of exactly 60 s", async () => {
    const { waits, sleep } = instantSleep();
    server.script({ status: 429, headers: { "retry-after": "60" } }, { status: 200, body: OK });
    await client({}, { sleep }).update(ID, { agentId: "A" });
    expect(waits).toEqual([60_000]);
  });

  it("does not retry when the server asks for more than 60 s, and says how long", async () => {
    const { waits, sleep } = instantSleep();
    server.script({ status: 429, headers: { "retry-after": "61" } }, { status: 200, body: OK });
    const error = await failure(client({}, { sleep }).update(ID, { agentId: "A" }));
    expect(error).toMatchObject({ code: "rate_limited", status: 429, attempts: 1, retryAfterMs: 61_000 });
    expect(waits).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it("retries a connection reset, also one after the status line", async () => {
    const { waits, sleep } = instantSleep();
    server.script("reset", "reset-after-status", { status: 200, body: OK });
    const result = await client({}, { sleep }).update(ID, { agentId: "A" });
    expect(result.agentId).toBeNull();
    expect(server.received).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it("ends with connection after retries when nothing listens", async () => {
    const { sleep } = instantSleep();
    const closed = await startFaultServer();
    await closed.close();
    const error = await failure(client({ baseUrl: closed.url }, { sleep }).update(ID, { agentId: "A" }));
    expect(error).toMatchObject({ code: "connection", attempts: 3 });
    expect(error.message).toBe(`${TITLE}: connection failed (ECONNREFUSED)`);
  });
});

describe("time", () => {
  beforeEach(() => server.script());

  it("times each attempt out and retries it", async () => {
    const { waits, sleep } = instantSleep();
    server.script("hang", "hang", { status: 200, body: OK });
    const started = performance.now();
    const result = await client({ timeoutMs: 40 }, { sleep }).update(ID, { label: "X" });
    expect(result.number).toBe(NUMBER);
    expect(waits).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it("ends with timeout after every attempt timed out", async () => {
    const { sleep } = instantSleep();
    server.script("hang");
    const error = await failure(client({ timeoutMs: 20, maxRetries: 1 }, { sleep }).update(ID, { label: "X" }));
    expect(error).toMatchObject({ code: "timeout", attempts: 2 });
    expect(error.status).toBeUndefined();
  });

  it("times out a body that stalls after the status line", async () => {
    const { sleep } = instantSleep();
    server.script("stall-body");
    const error = await failure(client({ timeoutMs: 30, maxRetries: 1 }, { sleep }).update(ID, { label: "X" }));
    expect(error).toMatchObject({ code: "timeout", attempts: 2 });
  });

  it("leaves no listener on the caller's signal and no timer behind", async () => {
    const { sleep } = instantSleep();
    const controller = new AbortController();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    server.script({ status: 503 }, { status: 200, body: OK });
    await client({}, { sleep }).update(ID, { label: "X" }, { signal: controller.signal });
    server.script({ status: 400 });
    await failure(client().update(ID, { label: "X" }, { signal: controller.signal }));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(timers()).toBe(before);
  });

  it("aborts a request in flight at once", async () => {
    server.script("hang");
    const controller = new AbortController();
    // Once the server has the request: on a busy machine a timer could fire before it arrives,
    // and the request would then count in the next test.
    void server.requests(1).then(() => controller.abort());
    const started = performance.now();
    const error = await failure(client().update(ID, { label: "X" }, { signal: controller.signal }));
    expect(error).toMatchObject({ code: "aborted", attempts: 1 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("aborts a backoff wait at once", async () => {
    server.script({ status: 503 });
    const controller = new AbortController();
    const phones = client({}, { sleep: realSleep });
    const started = performance.now();
    const pending = failure(phones.update(ID, { label: "X" }, { signal: controller.signal }));
    // The first 503 arrives within milliseconds; the backoff would then wait 500 ms.
    setTimeout(() => controller.abort(), 60);
    const error = await pending;
    expect(error).toMatchObject({ code: "aborted", attempts: 1 });
    expect(server.received).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(400);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const error = await failure(client().update(ID, { label: "X" }, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ code: "aborted", attempts: 0 });
    expect(server.received).toHaveLength(0);
  });

  it("ends a real wait on abort, and resolves it otherwise", async () => {
    const controller = new AbortController();
    const waiting = realSleep(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeDefined();
    await expect(realSleep(1, undefined)).resolves.toBeUndefined();
  });
});

describe("beforeAttempt (a rate limiter's hook)", () => {
  beforeEach(() => server.script());

  it("runs before every request, retries included", async () => {
    const { sleep } = instantSleep();
    const sentBefore: number[] = [];
    server.script({ status: 503 }, { status: 429 }, { status: 200, body: OK });
    const phones = client({ beforeAttempt: () => void sentBefore.push(server.received.length) }, { sleep });
    await phones.update(ID, { label: "X" });
    expect(sentBefore).toEqual([0, 1, 2]);
    expect(server.received).toHaveLength(3);
  });

  it("waits outside the attempt's timeout", async () => {
    server.script({ status: 200, body: OK });
    const phones = client({ timeoutMs: 30, beforeAttempt: () => realSleep(80, undefined) });
    await expect(phones.update(ID, { label: "X" })).resolves.toMatchObject({ number: NUMBER });
  });

  it("ends with aborted, nothing sent, when the caller aborts during its wait", async () => {
    const controller = new AbortController();
    const phones = client({ beforeAttempt: (signal) => realSleep(10_000, signal) });
    setTimeout(() => controller.abort(), 20);
    const error = await failure(phones.update(ID, { label: "X" }, { signal: controller.signal }));
    expect(error).toMatchObject({ code: "aborted", attempts: 0 });
    expect(server.received).toHaveLength(0);
  });

  it("passes its own error on as it is, nothing sent", async () => {
    const quota = new Error("local quota exhausted");
    const phones = client({
      beforeAttempt: () => {
        throw quota;
      },
    });
    await expect(phones.update(ID, { label: "X" })).rejects.toBe(quota);
    expect(server.received).toHaveLength(0);
  });

  it("must be a function", () => {
    expect(() => client({ beforeAttempt: 5 as never })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "beforeAttempt" }),
    );
  });
});

describe("responses it cannot read", () => {
  beforeEach(() => server.script());

  it.each([
    ["not JSON", { status: 200, body: "<html>ok</html>" }, /not JSON/],
    ["empty", { status: 204 }, /not JSON/],
    ["not an object", { status: 200, body: "[1]" }, /not a JSON object/],
  ] as const)("%s: invalid_response, not retried", async (_name, reply, message) => {
    server.script(reply);
    const error = await failure(client().update(ID, { agentId: "A" }));
    expect(error).toMatchObject({ code: "invalid_response", status: reply.status, attempts: 1 });
    expect(error.message).toMatch(message);
    expect(server.received).toHaveLength(1);
  });

  it("refuses a body declared over 10 MiB", async () => {
    server.script({ status: 200, headers: { "content-length": String(11 * 1024 * 1024) }, body: "" });
    const error = await failure(client().update(ID, { agentId: "A" }));
    expect(error).toMatchObject({ code: "invalid_response", status: 200, attempts: 1 });
    expect(error.message).toMatch(/over 10 MiB/);
  });

  it("refuses a streamed body over 10 MiB", async () => {
    server.script({ stream: 10 * 1024 * 1024 + 128 * 1024 });
    const error = await failure(client().update(ID, { agentId: "A" }));
    expect(error).toMatchObject({ code: "invalid_response", status: 200, attempts: 1 });
  });

  it("does not follow a redirect: the key never goes to another host", async () => {
    const other = await startFaultServer();
    try {
      server.script({ status: 302, headers: { location: `${other.url}/steal` } });
      const error = await failure(client().update(ID, { agentId: "A" }));
      expect(error).toMatchObject({ code: "invalid_response", attempts: 1 });
      expect(error.status).toBeUndefined();
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});

describe("secrets", () => {
  beforeEach(() => server.script());

  it("keeps the key out of errors, whatever the vendor echoes", async () => {
    server.script({ status: 400, body: JSON.stringify({ status: "error", message: `bad key ${KEY}` }) });
    const error = await failure(client().update(ID, { agentId: "A" }));
    expect(server.received[0]?.headers[auth.header.toLowerCase()]).toBe(
      `${auth.scheme === "bearer" ? "Bearer " : ""}${KEY}`,
    );
    for (const shown of [
      error.message,
      error.stack ?? "",
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      String(error.vendorMessage),
    ]) {
      expect(shown).not.toContain(KEY);
    }
    expect(error.vendorMessage).toBe("bad key [redacted]");
  });
});
