import { type ErrorCode, NO_SECRETS, PhoneBridgeError, type Provider, type Secrets } from "@phonebridge/core";

/** Per-attempt timeout when none is given (ms). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries after the first attempt when none is given. */
export const DEFAULT_MAX_RETRIES = 2;
/** The longest wait a server may ask for; asking for more ends the call at once. */
export const MAX_SERVER_WAIT_MS = 60_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** setTimeout's limit; a longer timeout would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** The codes worth another attempt: 408, 409, 429, 5xx, connection errors and timeouts. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["timeout", "server", "rate_limited", "connection"]);

export interface RetryPolicy {
  readonly maxRetries: number;
  readonly timeoutMs: number;
  /** Source of the jitter, in [0, 1); `Math.random` unless a test injects one. */
  readonly random: () => number;
  /** Waits `ms` unless `signal` aborts first (then rejects). Injected by tests. */
  readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Awaited before every attempt, outside its timeout: the caller's rate limiter. */
  readonly beforeAttempt: BeforeAttempt | undefined;
}

/**
 * Awaited before every request an update sends, retries included, before the attempt's timeout
 * starts; it should reject (or return early) when `signal` aborts. A rate limiter goes here.
 */
export type BeforeAttempt = (signal: AbortSignal | undefined) => Promise<void> | void;

/** Capped exponential backoff for retry `n` (0-based): min(0.5 s × 2^n, 8 s) × jitter in [0.75, 1]. */
export function backoffMs(n: number, random: () => number): number {
  return Math.min(BASE_DELAY_MS * 2 ** n, MAX_DELAY_MS) * (0.75 + 0.25 * random());
}

/** The wait before retry `n`: the server's, when it asked for one, else the backoff. */
export function retryDelayMs(error: PhoneBridgeError, n: number, random: () => number): number {
  return error.retryAfterMs ?? backoffMs(n, random);
}

export function isRetryable(error: PhoneBridgeError): boolean {
  return RETRYABLE.has(error.code);
}

function abortError(provider: Provider, attempts: number): PhoneBridgeError {
  return new PhoneBridgeError({
    code: "aborted",
    provider,
    attempts,
    detail: attempts === 0 ? "the request was aborted before it was sent" : "the request was aborted",
  });
}

/** A real wait that an abort ends at once. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
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

/** Checks and completes the retry options once, at creation. */
export function resolvePolicy(
  provider: Provider,
  options: {
    timeoutMs?: number | undefined;
    maxRetries?: number | undefined;
    beforeAttempt?: BeforeAttempt | undefined;
  },
  overrides: Partial<Pick<RetryPolicy, "random" | "sleep">> = {},
): RetryPolicy {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxRetries = DEFAULT_MAX_RETRIES, beforeAttempt } = options;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0) || timeoutMs > MAX_TIMER_MS) {
    throw new PhoneBridgeError({
      code: "invalid_input",
      provider,
      field: "timeoutMs",
      detail: `timeoutMs must be a number of milliseconds from 1 to ${MAX_TIMER_MS}`,
    });
  }
  if (typeof maxRetries !== "number" || !Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 100) {
    throw new PhoneBridgeError({
      code: "invalid_input",
      provider,
      field: "maxRetries",
      detail: "maxRetries must be an integer from 0 to 100",
    });
  }
  if (beforeAttempt !== undefined && typeof beforeAttempt !== "function") {
    throw new PhoneBridgeError({
      code: "invalid_input",
      provider,
      field: "beforeAttempt",
      detail: "beforeAttempt must be a function",
    });
  }
  return {
    timeoutMs,
    maxRetries,
    random: overrides.random ?? Math.random,
    sleep: overrides.sleep ?? sleep,
    beforeAttempt,
  };
}

/** Why an attempt's own signal fired: set before it is aborted, read when the attempt fails. */
const TIMED_OUT = Symbol("timed out");

/**
 * One attempt: `(signal) => Promise<T>`. It resolves with the result, rejects with a
 * PhoneBridgeError for an HTTP error (its code says whether it is worth retrying), or rejects
 * with anything else when the request or the body read failed (connection, timeout, abort).
 */
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Runs `attempt` under the policy: a per-attempt timeout (one AbortController and one timer per
 * attempt, the cheapest that cancels the request), retries on retryable codes with the server's
 * wait or capped backoff, and the caller's `signal` ending everything at once. Every error it
 * rejects with carries `attempts`, the number of requests sent. The reason a connection failed,
 * which comes from the `fetch` in use, is quoted with `secrets` redacted.
 */
export async function runWithRetries<T>(
  provider: Provider,
  policy: RetryPolicy,
  attempt: Attempt<T>,
  signal: AbortSignal | undefined,
  secrets: Secrets = NO_SECRETS,
): Promise<T> {
  const { maxRetries, timeoutMs, beforeAttempt } = policy;
  for (let n = 0; ; n++) {
    if (signal?.aborted) throw abortError(provider, n);
    if (beforeAttempt !== undefined) {
      try {
        await beforeAttempt(signal);
      } catch (thrown) {
        if (signal?.aborted) throw abortError(provider, n);
        throw thrown;
      }
      if (signal?.aborted) throw abortError(provider, n);
    }
    const attempts = n + 1;
    let error: PhoneBridgeError;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    const onAbort = signal === undefined ? undefined : (): void => controller.abort(signal.reason);
    if (onAbort !== undefined) signal?.addEventListener("abort", onAbort);
    try {
      return await attempt(controller.signal);
    } catch (thrown) {
      if (signal?.aborted) throw abortError(provider, attempts);
      error = classify(provider, thrown, controller.signal, timeoutMs, secrets);
      error.attempts = attempts;
    } finally {
      clearTimeout(timer);
      if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
    }
    if (!isRetryable(error) || n >= maxRetries) throw error;
    const waitMs = retryDelayMs(error, n, policy.random);
    if (waitMs > MAX_SERVER_WAIT_MS) throw error;
    try {
      await policy.sleep(waitMs, signal);
    } catch {
      throw abortError(provider, attempts);
    }
  }
}

function classify(
  provider: Provider,
  thrown: unknown,
  own: AbortSignal,
  timeoutMs: number,
  secrets: Secrets,
): PhoneBridgeError {
  if (thrown instanceof PhoneBridgeError) return thrown;
  if (own.aborted && own.reason === TIMED_OUT) {
    return new PhoneBridgeError({ code: "timeout", provider, detail: `no response within ${timeoutMs} ms` });
  }
  const reason = secrets.clip(reasonOf(thrown), MAX_REASON);
  return new PhoneBridgeError({ code: "connection", provider, detail: `connection failed (${reason})` });
}

/** The most characters of a fetch's own reason a connection error quotes. */
const MAX_REASON = 40;

/** A short, secret-free reason: the system error code (ECONNREFUSED, UND_ERR_SOCKET, ...). */
function reasonOf(thrown: unknown): string {
  const cause = (thrown as { cause?: { code?: unknown; cause?: { code?: unknown } } } | null)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.cause?.code === "string") return cause.cause.code;
  const code = (thrown as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return thrown instanceof Error ? thrown.name : "network error";
}
