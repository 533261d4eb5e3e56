/**
 * The retry policy's table and waits (docs/CONTRACT.md#errors, docs/CONTRACT.md#retries-and-time),
 * checked here once, where the pipeline's tests reach them only through a client.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  backoffMs,
  codeForStatus,
  RETRY_WITHOUT_STATUS,
  retryDelayMs,
  sleep,
  statusOutcome,
} from "../src/retry-policy.js";

describe("statusOutcome", () => {
  it.each([
    [401, "unauthorized", false],
    [403, "unauthorized", false],
    [404, "not_found", false],
    [408, "timeout", true],
    [409, "server", true],
    [429, "rate_limited", true],
    [400, "validation", false],
    [422, "validation", false],
    [499, "validation", false],
    [500, "server", true],
    [503, "server", true],
    [599, "server", true],
    [199, "invalid_response", false],
    [302, "invalid_response", false],
    [600, "invalid_response", false],
  ] as const)("%i is %s, retried: %s", (status, code, retry) => {
    expect(statusOutcome(status)).toEqual([code, retry]);
    expect(codeForStatus(status)).toBe(code);
  });

  it("retries a connection failure and a timeout, never an abort or an unreadable answer", () => {
    expect(RETRY_WITHOUT_STATUS).toEqual({ connection: true, timeout: true, aborted: false, invalid_response: false });
  });
});

describe("backoffMs and retryDelayMs", () => {
  it("doubles from 0.5 s up to 8 s, times a jitter from 0.75 to 1", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 1))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(0, () => 0)).toBe(375);
    expect(backoffMs(2, () => 0.5)).toBe(1750);
  });

  it("takes the server's wait when it asked for one, even 0; else the backoff", () => {
    expect(retryDelayMs({ retryAfterMs: 0 }, 3, () => 1)).toBe(0);
    expect(retryDelayMs({ retryAfterMs: 2500 }, 0, () => 1)).toBe(2500);
    expect(retryDelayMs({}, 1, () => 1)).toBe(1000);
    expect(retryDelayMs({ retryAfterMs: undefined }, 0, () => 0)).toBe(375);
  });
});

describe("sleep", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("resolves after the wait, and leaves no listener on the signal", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const add = vi.spyOn(controller.signal, "addEventListener");
    let done = false;
    const wait = sleep(1000, controller.signal).then(() => {
      done = true;
    });
    expect(add).toHaveBeenCalledWith("abort", expect.any(Function), { once: true });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await wait;
    expect(done).toBe(true);
    expect(remove).toHaveBeenCalledWith("abort", add.mock.calls[0]?.[1]);
  });

  it("without a signal, only waits", async () => {
    vi.useFakeTimers();
    const wait = sleep(10, undefined);
    await vi.advanceTimersByTimeAsync(10);
    await expect(wait).resolves.toBeUndefined();
  });

  it("an aborted signal rejects with its reason at once; an abort during the wait ends it", async () => {
    vi.useFakeTimers();
    const reason = new Error("stop");
    await expect(sleep(1000, AbortSignal.abort(reason))).rejects.toBe(reason);
    const controller = new AbortController();
    const wait = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(wait).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });
});
