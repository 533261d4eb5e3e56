/**
 * What every answer means, decided once for every vendor and every package
 * (docs/CONTRACT.md#errors, docs/CONTRACT.md#retries-and-time): the error code of each HTTP
 * status and of each way a request can fail without one, whether another attempt is worth
 * sending, and how long to wait before it. Retrying is safe because every operation phonebridge
 * sends is idempotent (an update sets fields to values; sending it twice sets them twice).
 */
import type { ErrorCode } from "./errors.js";

/** Per-attempt timeout when none is given (ms). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries after the first attempt when none is given. */
export const DEFAULT_MAX_RETRIES = 2;
/** The longest wait a server may ask for; asking for more ends the call at once. */
export const MAX_SERVER_WAIT_MS = 60_000;

/** `[from, to, code, retry]`: the statuses from `from` to `to`, the first row that holds one wins. */
type StatusRow = readonly [from: number, to: number, code: ErrorCode, retry: boolean];

const STATUSES: readonly StatusRow[] = [
  // 401 Unauthorized: no key or a wrong one; another attempt sends the same key.
  [401, 401, "unauthorized", false],
  // 403 Forbidden: the key may not do this; the same again.
  [403, 403, "unauthorized", false],
  // 404 Not Found: no such number; it does not appear by asking again.
  [404, 404, "not_found", false],
  // 408 Request Timeout: the server gave up waiting for the request; the next one may arrive in time.
  [408, 408, "timeout", true],
  // 409 Conflict: another request holds the record (a lock, as the Stainless SDKs read it); it frees.
  [409, 409, "server", true],
  // 429 Too Many Requests: after the server's wait (or the backoff) there is room again.
  [429, 429, "rate_limited", true],
  // Any other 4xx (400, 422, ...): the vendor refuses this request; the same request is refused again.
  [400, 499, "validation", false],
  // 5xx: the vendor failed; the next attempt may reach a healthy server.
  [500, 599, "server", true],
];

/**
 * The code of an HTTP status, and whether to retry it. What no row holds (1xx, 3xx, past 599)
 * is `invalid_response`, not retried: the answer cannot be read as the operation's, and a 3xx
 * is never followed (the key goes to no other host).
 */
export function statusOutcome(status: number): readonly [code: ErrorCode, retry: boolean] {
  const row = STATUSES.find(([from, to]) => status >= from && status <= to);
  return row === undefined ? ["invalid_response", false] : [row[2], row[3]];
}

/** The error code of an HTTP status, before any vendor refines it (specs/<vendor>/vendor.yaml `errors`). */
export function codeForStatus(status: number): ErrorCode {
  return statusOutcome(status)[0];
}

/** Whether to retry the outcomes that have no status. */
export const RETRY_WITHOUT_STATUS: Readonly<
  Record<"connection" | "timeout" | "aborted" | "invalid_response", boolean>
> = {
  // Refused, reset, DNS, TLS, a body cut short: the network may hold next time.
  connection: true,
  // No answer within timeoutMs: the next attempt may get one.
  timeout: true,
  // The caller's signal: the caller asked to stop.
  aborted: false,
  // A 2xx that cannot be read, or a redirect: the same answer would come again.
  invalid_response: false,
};

/** Capped exponential backoff for retry `n` (0-based): min(0.5 s × 2^n, 8 s) × jitter in [0.75, 1]. */
export function backoffMs(n: number, random: () => number): number {
  return Math.min(500 * 2 ** n, 8000) * (0.75 + 0.25 * random());
}

/** The wait before retry `n`: the server's, when it asked for one, else the backoff. */
export function retryDelayMs(error: { retryAfterMs?: number | undefined }, n: number, random: () => number): number {
  return error.retryAfterMs ?? backoffMs(n, random);
}

/** A real wait that an abort of `signal` ends at once (rejecting with its reason). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
