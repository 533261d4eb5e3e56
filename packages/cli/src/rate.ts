import { setTimeout as sleep } from "node:timers/promises";

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
