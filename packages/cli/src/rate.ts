import { setTimeout as sleep } from "node:timers/promises";
import type { ClientOptions } from "./client.js";
import { positiveFlag } from "./config.js";

/** The lowest `--rate`: one request per 1,000 s. */
const MIN_RATE = 0.001;

/** `--rate`, requests per second: undefined when not given. */
export function rateFlag(raw: string | undefined): number | undefined {
  return positiveFlag("rate", raw, MIN_RATE);
}

/**
 * `create` with `--rate` applied to every client it makes, a limiter each (one client per
 * provider): it runs before each attempt, so `--rate` counts every request, retries included.
 */
export function rateLimited<T>(
  create: (options: ClientOptions) => T,
  rate: number | undefined,
): (options: ClientOptions) => T {
  if (rate === undefined) return create;
  return (options) => {
    const limiter = new RateLimiter(rate);
    return create({ ...options, beforeAttempt: (signal) => limiter.take(signal) });
  };
}

/**
 * At most `perSecond` starts per second, evenly spaced (a token bucket that holds one token):
 * each caller reserves the next free slot and waits for it.
 */
export class RateLimiter {
  readonly #interval: number;
  #next = 0;

  constructor(perSecond: number) {
    this.#interval = 1000 / perSecond;
  }

  /** Resolves when the caller may start; rejects when the signal aborts first. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = performance.now();
    const at = Math.max(now, this.#next);
    this.#next = at + this.#interval;
    if (at > now) await sleep(at - now, undefined, { signal });
  }
}
