/**
 * The request pipeline every phonebridge request goes through, the vendor clients' and the
 * facade's alike (docs/ARCHITECTURE.md#the-request-pipeline). It builds the request (the URL
 * from the client's base URL and the encoded path parameters, the headers resolved once), sends
 * it with `redirect: "error"` under a per-attempt timeout and the caller's signal, reads the body
 * (10 MiB at most) and parses it, turns whatever went wrong into one `PhoneBridgeError` (the
 * table of retry-policy.ts, the vendor's refinements, redacted by secrets.ts), retries as the
 * table says, and logs each attempt (log.ts). What can be done once is done when the client is
 * created: a call builds a URL, a body and one `init`, and sends.
 */
import { defaultSend } from "#default-send";
import { inputError, mergeHeaders, resolveApiKey, resolveBaseUrl } from "./config.js";
import { type ErrorCode, PhoneBridgeError, type PhoneBridgeErrorInit, providerTitle } from "./errors.js";
import { bodyText, ownFields, pollutedError } from "./input.js";
import { attemptLog, type Logger, type LogLevel } from "./log.js";
import { encodePathSegment } from "./path.js";
import {
  backoffMs,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  MAX_SERVER_WAIT_MS,
  RETRY_WITHOUT_STATUS,
  sleep,
  statusOutcome,
} from "./retry-policy.js";
import { createSecrets, MAX_QUOTED, type Secrets, safeHeaders } from "./secrets.js";
import { type Answer, type HeaderReader, TIMED_OUT } from "./transport.js";
import type { VendorDescriptor } from "./vendor.js";
import { retryAfterMsOf, vendorMessageOf } from "./vendor-message.js";

/**
 * Awaited before every request a call sends, retries included, before that attempt's timeout
 * starts; it should reject (or return early) when `signal` aborts. A rate limiter goes here.
 */
export type BeforeAttempt = (signal: AbortSignal | undefined) => Promise<void> | void;

/** Options of a client, read once when it is created. Any of them may be left out or `undefined`. */
export interface ClientOptions {
  /** API key; defaults to the `<VENDOR>_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Origin (and base path) of the API; defaults to `<VENDOR>_BASE_URL`, then the vendor's server. */
  baseUrl?: string | undefined;
  /**
   * A `fetch` to send with (tests, proxies, instrumentation). Without it, requests go through
   * node:http in Node (a global `fetch` replaced after phonebridge loaded is used instead) and
   * through the global `fetch` elsewhere (docs/ARCHITECTURE.md#the-request-pipeline).
   */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Headers sent with every request. A name the client sets itself (the auth header, a header
   * the vendor's spec requires with one value) is refused; any other replaces the default
   * (`User-Agent` included), names compared without case.
   */
  defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /** Timeout of each attempt in milliseconds (default 60 000). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (default 2, so 3 attempts); 0 turns retries off. */
  maxRetries?: number | undefined;
  /** `debug` logs every attempt, `info` the failed ones, `warn` (default) and `off` none. Default: `PHONEBRIDGE_LOG`. */
  logLevel?: LogLevel | undefined;
  /** Where the log goes (default `console`): any object with `debug`, `info` and `warn`. */
  logger?: Logger | undefined;
  /** Awaited before every request, retries included, outside that attempt's timeout (a rate limiter). */
  beforeAttempt?: BeforeAttempt | undefined;
}

/**
 * Options of one call; each one given replaces the client's for this call. `withResponse: true`
 * (which the calls' overloads take beside these) resolves with `{ data, response }` instead of
 * the data alone.
 */
export interface RequestOptions {
  /** Aborting it ends the call at once, at any stage, with `aborted`; already aborted, nothing is sent. */
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  /** Extra headers for this call, under the same rule as `defaultHeaders`. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** A call's options as the pipeline reads them: with `withResponse`. */
export type CallOptions = RequestOptions & { withResponse?: boolean | undefined };

/** What a result tells of the response it came from (`withResponse: true`), secrets left out. */
export interface ResponseInfo {
  readonly status: number;
  /** Without the names that can hold secrets (`set-cookie`, `authorization`, ...); secret values redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** From `x-request-id`, `request-id`, `x-amzn-requestid` or `cf-ray`, the first one sent. */
  readonly requestId: string | undefined;
}

export interface WithResponse<T> {
  readonly data: T;
  readonly response: ResponseInfo;
}

/**
 * Reads a 2xx body (`data` parsed from `text`; undefined for an empty 204 or 205) into what the
 * call resolves with; a string says what is wrong with it (an `invalid_response`).
 */
export type Read<T> = (data: unknown, text: string) => T | string;

/** Test hooks: deterministic jitter and waits. */
export interface PolicyHooks {
  random?: (() => number) | undefined;
  sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined;
}

/**
 * One operation, compiled once. Sends it with the path parameters `ids` (in the order of the
 * path template; each refused as an `invalid_input` `id` when it can never be a path segment),
 * the body (JSON; none when undefined), the call's options, a reading of the 2xx body, the call's
 * secrets (the client's own unless the call brings more) and the query.
 */
export interface Operation {
  <T = unknown>(
    ids: readonly string[],
    body: unknown,
    options?: CallOptions,
    read?: Read<T>,
    secrets?: Secrets,
    query?: Readonly<Record<string, string>>,
  ): Promise<T | WithResponse<T>>;
  /** The URL for these path parameters (without a query), or undefined when one can never be a segment. */
  url(ids: readonly unknown[]): string | undefined;
}

/** A client's pipeline: configuration resolved, operations compiled on demand. */
export interface Pipeline {
  readonly baseUrl: string;
  /** Every header a request carries (it holds the key: not enumerable). */
  readonly headers: Readonly<Record<string, string>>;
  /** The `fetch` given, or the global one: what the openapi-fetch subpath sends with. */
  readonly fetch: typeof globalThis.fetch;
  readonly secrets: Secrets;
  operation(method: string, path: string): Operation;
}

/** A call without options: no prototype, so a polluted `Object.prototype` lends it no `signal`. */
const NO_OPTIONS: CallOptions = Object.freeze(Object.create(null));
/** Where vendors put the id of a request, the first one present wins. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "cf-ray"];
const REDIRECT = "a redirect, which is never followed (the key goes to no other host): check baseUrl";

/** What a result or an error keeps of a response. */
export function responseInfo(response: { status: number; headers: HeaderReader }, secrets: Secrets): ResponseInfo {
  const headers = safeHeaders(response.headers, secrets);
  return {
    status: response.status,
    headers,
    requestId: REQUEST_ID_HEADERS.map((name) => headers[name]).find((id) => id !== undefined),
  };
}

/**
 * Resolves a client's configuration once (key, base URL, headers, policy, log) and returns its
 * pipeline. Throws an `invalid_input` PhoneBridgeError naming the option (and its environment
 * variable) when the configuration cannot work.
 */
export function createPipeline(
  descriptor: VendorDescriptor,
  options: ClientOptions & { headers?: Readonly<Record<string, string>> | undefined } = {},
  userAgent = "phonebridge",
  { random = Math.random, sleep: wait = sleep }: PolicyHooks = {},
): Pipeline {
  const { provider, auth } = descriptor;
  const title = providerTitle(provider);
  // Only the caller's own options count, each read once (a polluted prototype cannot redirect the key).
  const given = ownFields(options) as ClientOptions & { headers?: unknown };
  const baseUrl = resolveBaseUrl(descriptor, given.baseUrl);
  const apiKey = resolveApiKey(descriptor, given.apiKey);
  const secrets = createSecrets([...descriptor.secrets.request, ...descriptor.secrets.response], [apiKey]);
  const fixed = new Set([auth.header, ...Object.keys(descriptor.headers)].map((name) => name.toLowerCase()));
  const base: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
    "user-agent": userAgent,
    ...descriptor.headers,
  };
  if (apiKey !== undefined) base[auth.header] = auth.scheme === "bearer" ? `Bearer ${apiKey}` : apiKey;
  // `headers` is the name the vendor clients' option had first: an alias of `defaultHeaders`.
  const headers = mergeHeaders(provider, base, given.defaultHeaders ?? given.headers, fixed, secrets);
  const fail = (code: ErrorCode, detail: string, init?: Partial<PhoneBridgeErrorInit>) =>
    new PhoneBridgeError({ code, provider, detail, ...init });

  /** timeoutMs and maxRetries, checked: the client's, or a call's over the client's. */
  const policy = (
    given: { timeoutMs?: number | undefined; maxRetries?: number | undefined },
    [defaultTimeout, defaultRetries]: readonly number[],
  ): [timeoutMs: number, maxRetries: number] => {
    const { timeoutMs = defaultTimeout as number, maxRetries = defaultRetries as number } = given;
    // Up to setTimeout's limit: a longer timeout would fire at once.
    if (!(timeoutMs > 0 && timeoutMs < 2 ** 31)) {
      throw inputError(provider, "timeoutMs", "timeoutMs must be a number of milliseconds from 1 to 2147483647");
    }
    if (!Number.isInteger(maxRetries) || !(maxRetries >= 0 && maxRetries <= 100)) {
      throw inputError(provider, "maxRetries", "maxRetries must be an integer from 0 to 100");
    }
    return [timeoutMs, maxRetries];
  };
  const defaults = policy(given, [DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RETRIES]);
  const { beforeAttempt: before, fetch: givenFetch } = given;
  const fetchImpl = givenFetch ?? globalThis.fetch;
  for (const [name, fn] of [
    ["fetch", fetchImpl],
    ["beforeAttempt", before ?? fetchImpl],
  ] as const) {
    if (typeof fn !== "function") throw inputError(provider, name, `${name} must be a function`);
  }
  const send = defaultSend(fetchImpl, givenFetch);
  const log = attemptLog(provider, given.logLevel, given.logger);
  const refinements = (descriptor.errors ?? []).map(
    ({ status, message, code }) => [status, new RegExp(message, "i"), code] as const,
  );
  const aborted = (attempts: number) =>
    fail("aborted", `the request was aborted${attempts ? "" : " before it was sent"}`, { attempts });

  /** The error of an answer that is not a 2xx, and whether to retry it. */
  const answerError = (response: Answer, callSecrets: Secrets): [PhoneBridgeError, boolean] => {
    const { status } = response;
    const text = response.text ?? "";
    let [code, retry] = statusOutcome(status);
    if (status > 299 && status < 400) return [fail(code, REDIRECT), retry];
    let parsed: unknown;
    try {
      parsed = callSecrets.redact(JSON.parse(text));
    } catch {}
    // Redacted before anything is cut: a secret straddling a cut is replaced whole.
    const vendorMessage = vendorMessageOf(parsed, text, callSecrets);
    for (const [on, pattern, refined] of refinements) {
      if (on === status && pattern.test(vendorMessage ?? "")) code = refined;
    }
    const what = `${code === "invalid_response" ? "unexpected " : ""}HTTP ${status}`;
    const error = fail(code, vendorMessage ? `${what}: ${vendorMessage}` : what, {
      ...responseInfo(response, callSecrets),
      vendorMessage,
      retryAfterMs: retryAfterMsOf(response.headers),
      body: parsed ?? (text ? callSecrets.clip(text, 2000) : undefined),
    });
    return [error, retry];
  };

  /** The error of an attempt that got no answer (or one the fetch refused), and whether to retry it. */
  const thrownError = (thrown: unknown, timeoutMs: number, callSecrets: Secrets): [PhoneBridgeError, boolean] => {
    const cause = (thrown as { cause?: { message?: unknown; code?: unknown; cause?: { code?: unknown } } } | null)
      ?.cause;
    // Node's fetch gives this reason for a 301, 302, 303, 307 or 308 under `redirect: "error"`.
    const code =
      thrown === TIMED_OUT ? "timeout" : cause?.message === "unexpected redirect" ? "invalid_response" : "connection";
    // A short reason, from the fetch in use: the system error code where there is one.
    const reason = [
      cause?.code,
      cause?.cause?.code,
      (thrown as { code?: unknown } | null)?.code,
      (thrown as Error)?.message,
    ].find((text) => typeof text === "string") as string | undefined;
    const detail =
      code === "timeout"
        ? `no response within ${timeoutMs} ms`
        : code === "connection"
          ? `connection failed (${callSecrets.clip(reason ?? "network error", MAX_QUOTED)})`
          : REDIRECT;
    return [fail(code, detail), RETRY_WITHOUT_STATUS[code]];
  };

  /** What a call resolves with from a 2xx answer: the data read, or an `invalid_response`. */
  const success = <T>(
    response: Answer,
    read: Read<T> | undefined,
    withResponse: unknown,
    callSecrets: Secrets,
    attempts: number,
  ): T | WithResponse<T> => {
    const { status, text } = response;
    let data: unknown;
    let problem: string | undefined;
    if (text === undefined) problem = "body is over 10 MiB";
    // Only "No Content" may come without a body.
    else if (text || (status !== 204 && status !== 205)) {
      try {
        data = JSON.parse(text);
      } catch {
        problem = "body is not JSON";
      }
    }
    const result = problem ?? (read ? read(data, text as string) : (data as T));
    if (typeof result === "string") {
      const info = responseInfo(response, callSecrets);
      throw fail("invalid_response", `the HTTP ${status} response ${result}`, { ...info, attempts });
    }
    return withResponse ? { data: result, response: responseInfo(response, callSecrets) } : result;
  };

  const run = async <T>(
    method: string,
    url: string,
    body: string | undefined,
    options: CallOptions | undefined,
    read: Read<T> | undefined,
    callSecrets: Secrets,
  ): Promise<T | WithResponse<T>> => {
    // A call's options, read once (its own properties only); each one given replaces the client's.
    const call = options === undefined ? NO_OPTIONS : (ownFields(options) as CallOptions);
    const { signal, withResponse } = call;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw inputError(provider, "signal", "options.signal must be an AbortSignal");
    }
    const [timeoutMs, maxRetries] = options === undefined ? defaults : policy(call, defaults);
    const attempt = {
      method,
      headers: call.headers === undefined ? headers : mergeHeaders(provider, headers, call.headers, fixed, callSecrets),
      body,
      timeoutMs,
      signal,
    };
    /** Logs one attempt, redacted (`log` is undefined when the level logs none: no work at all). */
    const note =
      log &&
      ((failed: boolean, started: number, answer: string | number, attempt: string) =>
        log(
          failed,
          callSecrets.scrub(
            `${title}: ${method} ${url} → ${answer} in ${Math.round(performance.now() - started)} ms (attempt ${attempt}`,
          ),
        ));
    for (let n = 0; ; n++) {
      if (signal?.aborted) throw aborted(n);
      if (before) {
        try {
          await before(signal);
        } catch (thrown) {
          throw signal?.aborted ? aborted(n) : thrown;
        }
        if (signal?.aborted) throw aborted(n);
      }
      const started = note ? performance.now() : 0;
      let answer: Answer | undefined;
      let outcome: [PhoneBridgeError, boolean] | undefined;
      try {
        // A body that cannot be read (the connection reset or closed after the status line) is
        // a `connection` error, whatever the status said.
        answer = await send(url, attempt);
      } catch (thrown) {
        if (signal?.aborted) throw aborted(n + 1);
        outcome = thrownError(thrown, timeoutMs, callSecrets);
      }
      if (!outcome && (answer as Answer).status > 199 && (answer as Answer).status < 300) {
        note?.(false, started, (answer as Answer).status, `${n + 1})`);
        return success(answer as Answer, read, withResponse, callSecrets, n + 1);
      }
      const [error, retry] = outcome ?? answerError(answer as Answer, callSecrets);
      error.attempts = n + 1;
      const delay = retry && n < maxRetries ? (error.retryAfterMs ?? backoffMs(n, random)) : undefined;
      note?.(
        true,
        started,
        error.status ?? error.code,
        `${n + 1} of ${maxRetries + 1}): ${error.message.slice(title.length + 2)}${
          delay === undefined
            ? ""
            : delay > MAX_SERVER_WAIT_MS
              ? "; the server asks to wait more than 60 s"
              : `; retrying in ${Math.round(delay)} ms`
        }`,
      );
      if (delay === undefined || delay > MAX_SERVER_WAIT_MS) throw error;
      try {
        await wait(delay, signal);
      } catch {
        throw aborted(n + 1);
      }
    }
  };

  const operation = (method: string, path: string): Operation => {
    // The text between the parameters of the template: one more than the parameters.
    const parts = path.split(/\{[^}]+\}/);
    const url = (ids: readonly unknown[]): string | undefined => {
      let out = baseUrl + parts[0];
      for (let i = 1; i < parts.length; i++) {
        const id = ids[i - 1];
        const segment = typeof id === "string" ? encodePathSegment(id) : undefined;
        if (segment === undefined) return undefined;
        out += segment + parts[i];
      }
      return out;
    };
    const send = ((ids, body, options, read, callSecrets = secrets, query) => {
      const target = url(ids);
      if (target === undefined) {
        const id = ids.find((each) => typeof each !== "string" || encodePathSegment(each) === undefined);
        return Promise.reject(inputError(provider, "id", `the id ${callSecrets.quote(id)} cannot be a path segment`));
      }
      const text = body === undefined ? undefined : bodyText(body);
      if (text === undefined && body !== undefined) return Promise.reject(pollutedError(provider));
      return run(method, query ? `${target}?${new URLSearchParams(query)}` : target, text, options, read, callSecrets);
    }) as Operation;
    send.url = url;
    return send;
  };

  const pipeline = { baseUrl, fetch: fetchImpl, secrets, operation };
  // The headers hold the key: not enumerable, so logging or serializing a client never shows it.
  return Object.defineProperty(pipeline, "headers", { value: headers }) as Pipeline;
}
