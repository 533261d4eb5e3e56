import { readBodyCapped } from "./body.js";
import { codeForStatus, PhoneBridgeError, type Provider } from "./errors.js";
import { bodyText, ownFields } from "./input.js";
import { encodePathSegment } from "./path.js";
import { CREDENTIAL_HEADERS, MAX_QUOTED, REDACTED, Secrets } from "./secrets.js";
import { retryAfterMsOf, vendorMessageOf } from "./vendor-message.js";

/** What a vendor package knows about its vendor: generated from its spec and vendor config. */
export interface VendorDescriptor {
  readonly provider: Provider;
  /** Prefix of the environment variables: `ACME` reads `ACME_API_KEY` and `ACME_BASE_URL`. */
  readonly envPrefix: string;
  /** The spec's server URL; undefined when the vendor publishes none. */
  readonly defaultBaseUrl: string | undefined;
  readonly auth: {
    readonly header: string;
    /** `bearer` sends `Bearer <key>`; `raw` sends the key as it is (an API key header scheme). */
    readonly scheme: "bearer" | "raw";
    /** False when the spec declares no auth, or only as optional: the key is then optional. */
    readonly declared: boolean;
  };
  /** Constant headers the spec requires: a required header whose schema allows one value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly update: {
    readonly method: "PATCH" | "PUT";
    readonly path: string;
    readonly param: string;
  };
  /** Field names whose values are secrets, in requests and in responses. */
  readonly secrets: {
    readonly request: readonly string[];
    readonly response: readonly string[];
  };
  /**
   * What the spec declares about the id (its path parameter) and the request body's top-level
   * fields; only what declares a limit. Absent when the spec declares none.
   */
  readonly limits?: {
    readonly id?: FieldLimit;
    readonly body?: Readonly<Record<string, FieldLimit>>;
  };
}

/** A string's limits as a spec declares them (JSON Schema `maxLength`, `minLength`, `pattern`, `format`). */
export interface FieldLimit {
  /** In characters (code points), as JSON Schema counts. */
  readonly maxLength?: number;
  readonly minLength?: number;
  /** An ECMAScript regular expression, unanchored as JSON Schema says. */
  readonly pattern?: string;
  /** Such as `uuid`; a format phonebridge does not know is not checked. */
  readonly format?: string;
}

/** Options every `create<Vendor>Client` takes. */
export interface VendorClientOptions {
  /** API key; defaults to the `<VENDOR>_API_KEY` environment variable. */
  apiKey?: string;
  /** Origin (and base path) of the API; defaults to `<VENDOR>_BASE_URL`, then the spec's server. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** A request as it would be sent, safe to show: credentials and secret fields redacted. */
export interface PlannedRequest {
  readonly method: "PATCH" | "PUT";
  /** Base URL and encoded path, exactly as sent. */
  readonly url: string;
  /**
   * Every header sent; the auth header and every credential header (`authorization`,
   * `proxy-authorization`, `x-api-key`, `api-key`, `cookie`) as "[redacted]", the key redacted in
   * the others.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, secret fields and the key replaced by "[redacted]". */
  readonly body: unknown;
}

/** The resolved, per-client state: computed once at creation, never on the request path. */
export interface VendorTransport<Body, Data> {
  readonly descriptor: VendorDescriptor;
  readonly baseUrl: string;
  /**
   * Auth, required and caller headers for every request (the lean path adds accept and
   * content-type). Holds the API key: never log it. Not enumerable, so a logged transport
   * does not show it.
   */
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: typeof globalThis.fetch;
  /** The URL of the update operation for one id, or undefined when the id can never be valid. */
  updateUrl(id: string): string | undefined;
  /**
   * Sends the update and resolves with the raw response, whatever its status: the lean path
   * for callers (the facade) that read the response themselves. Rejects only on bad input.
   */
  send(id: string, body: Body, signal?: AbortSignal): Promise<Response>;
  /** Sends the update; resolves with the parsed 2xx body or rejects with a PhoneBridgeError. */
  update(id: string, body: Body, options?: RequestOptions): Promise<Data>;
  /**
   * Builds the PhoneBridgeError for a non-2xx response, reading its body and redacting it with
   * `secrets` (the transport's own unless a call brings more, such as its passthrough secrets:
   * they must be known here, where the message and a body kept as text are cut). Rejects with
   * the read's own error when the body cannot be read: the connection failed after the status
   * line, which is a `connection` error, whatever the status said.
   */
  errorFromResponse(response: Response, attempts?: number, secrets?: Secrets): Promise<PhoneBridgeError>;
  /** The API key and the secret fields of the vendor's requests and responses. Shows none of them. */
  readonly secrets: Secrets;
  /** Replaces the API key wherever it appears in a text, as written or escaped. */
  scrub(text: string): string;
  /** A redacted copy of a request or response body: secret fields and the API key replaced. */
  redact(value: unknown): unknown;
}

/** The most characters of a non-JSON error body an error keeps. */
const MAX_BODY_TEXT = 2000;

/** What the lean path sends besides the transport's own headers. */
const JSON_HEADERS = { accept: "application/json", "content-type": "application/json" };

function inputError(provider: Provider, field: string, detail: string): PhoneBridgeError {
  return new PhoneBridgeError({ code: "invalid_input", provider, field, detail });
}

/** The error for a body `bodyText` refuses to write. */
export function pollutedError(provider: Provider): PhoneBridgeError {
  return inputError(provider, "body", "Object.prototype or Array.prototype holds a toJSON: nothing is sent");
}

function resolveBaseUrl({ envPrefix, provider, defaultBaseUrl }: VendorDescriptor, option?: string): string {
  const variable = `${envPrefix}_BASE_URL`;
  const raw = option ?? envOf(variable) ?? defaultBaseUrl;
  if (!raw) {
    throw inputError(
      provider,
      "baseUrl",
      `no base URL: the vendor publishes none, so pass the baseUrl option or set ${variable}`,
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {}
  // Credentials in the URL would be sent to the vendor and shown in errors and dry runs.
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw inputError(provider, "baseUrl", `baseUrl (or ${variable}) must be an http or https URL without credentials`);
  }
  return url.href.replace(/\/+$/, "");
}

function resolveApiKey({ envPrefix, provider, auth }: VendorDescriptor, option?: string): string | undefined {
  const variable = `${envPrefix}_API_KEY`;
  const key = option === "" ? undefined : (option ?? envOf(variable));
  if (key === undefined && auth.declared) {
    throw inputError(provider, "apiKey", `no API key: pass the apiKey option or set ${variable}`);
  }
  if (key !== undefined && /[\r\n\0]/.test(key)) {
    throw inputError(provider, "apiKey", "the API key contains a line break or NUL");
  }
  return key;
}

/** An environment variable: the environment's own, never a property a polluted prototype lends it. */
function envOf(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return (env !== undefined && Object.hasOwn(env, name) && env[name]) || undefined;
}

function networkError(
  provider: Provider,
  error: unknown,
  signal: AbortSignal | undefined,
  secrets: Secrets,
): PhoneBridgeError {
  if (signal?.aborted) {
    return new PhoneBridgeError({ code: "aborted", provider, detail: "the request was aborted", attempts: 1 });
  }
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const reason =
    typeof cause?.code === "string" ? cause.code : error instanceof Error ? error.message : "network error";
  // The reason comes from the fetch in use: quoted short, the key redacted.
  const detail = `connection failed (${secrets.clip(reason, MAX_QUOTED)})`;
  return new PhoneBridgeError({ code: "connection", provider, detail, attempts: 1 });
}

/**
 * Resolves a vendor client's configuration once (key, base URL, headers) and returns its lean
 * request path: one string concatenation and one `fetch(url, init)` per call.
 */
export function createVendorTransport<Body, Data>(
  descriptor: VendorDescriptor,
  options: VendorClientOptions = {},
): VendorTransport<Body, Data> {
  const { provider, auth, secrets } = descriptor;
  // Only the caller's own options count, each read once (a polluted prototype cannot redirect the key).
  const given = ownFields(options) as VendorClientOptions;
  const baseUrl = resolveBaseUrl(descriptor, given.baseUrl);
  const apiKey = resolveApiKey(descriptor, given.apiKey);
  const ownSecrets = new Secrets([...secrets.request, ...secrets.response], [apiKey]);

  const headers: Record<string, string> = { ...descriptor.headers };
  if (apiKey !== undefined) headers[auth.header] = auth.scheme === "bearer" ? `Bearer ${apiKey}` : apiKey;
  Object.assign(headers, ownFields(given.headers));
  const sendHeaders = { ...JSON_HEADERS, ...headers };
  const fetchImpl = given.fetch ?? globalThis.fetch;
  const { method, path, param } = descriptor.update;
  const [head, tail] = path.split(`{${param}}`) as [string, string];
  const prefix = baseUrl + head;

  const updateUrl = (id: string): string | undefined => {
    const segment = typeof id === "string" ? encodePathSegment(id) : undefined;
    return segment === undefined ? undefined : prefix + segment + tail;
  };

  const send = (id: string, body: Body, signal?: AbortSignal): Promise<Response> => {
    const url = updateUrl(id);
    if (url === undefined) {
      return Promise.reject(inputError(provider, "id", `the id ${ownSecrets.quote(id)} cannot be a path segment`));
    }
    const text = bodyText(body);
    if (text === undefined) return Promise.reject(pollutedError(provider));
    // Redirects are not followed, so the key never goes to another host.
    return fetchImpl(url, { method, headers: sendHeaders, body: text, signal, redirect: "manual" });
  };

  const errorFromResponse = async (
    response: Response,
    attempts = 1,
    callSecrets: Secrets = ownSecrets,
  ): Promise<PhoneBridgeError> => {
    const { status } = response;
    // A body that cannot be read (the connection reset or closed after the status line) is not
    // this status's error: the read's own error goes on, a `connection` error to the caller.
    const text = (await readBodyCapped(response)) ?? "";
    let parsed: unknown;
    try {
      parsed = callSecrets.redact(JSON.parse(text));
    } catch {}
    // Redacted before anything is cut: a secret straddling a cut is replaced whole.
    const vendorMessage = vendorMessageOf(parsed, text, callSecrets);
    const code = codeForStatus(status);
    const what = `${code === "invalid_response" ? "unexpected " : ""}HTTP ${status}`;
    return new PhoneBridgeError({
      code,
      provider,
      status,
      detail: vendorMessage ? `${what}: ${vendorMessage}` : what,
      vendorMessage,
      attempts,
      retryAfterMs: retryAfterMsOf(response.headers),
      body: parsed ?? (text === "" ? undefined : callSecrets.clip(text, MAX_BODY_TEXT)),
    });
  };

  const update = async (id: string, body: Body, requestOptions?: RequestOptions): Promise<Data> => {
    const signal = requestOptions?.signal;
    if (signal?.aborted) {
      throw new PhoneBridgeError({ code: "aborted", provider, detail: "the request was aborted before it was sent" });
    }
    let response: Response;
    let text: string | undefined;
    try {
      response = await send(id, body, signal);
      if (response.status < 200 || response.status > 299) throw await errorFromResponse(response);
      text = await readBodyCapped(response);
    } catch (error) {
      throw error instanceof PhoneBridgeError ? error : networkError(provider, error, signal, ownSecrets);
    }
    const { status } = response;
    const invalid = (detail: string) =>
      new PhoneBridgeError({ code: "invalid_response", provider, status, attempts: 1, detail });
    if (text === undefined) throw invalid("the response body is over 10 MiB");
    // Only "No Content" may come without a body; any other empty 2xx is not what the spec promised.
    if (text === "" && (status === 204 || status === 205)) return undefined as Data;
    try {
      return JSON.parse(text) as Data;
    } catch {
      throw invalid("the response body is not JSON");
    }
  };

  const transport = {
    descriptor,
    baseUrl,
    fetch: fetchImpl,
    updateUrl,
    send,
    update,
    errorFromResponse,
    secrets: ownSecrets,
    scrub: (text: string) => ownSecrets.scrub(text),
    redact: (value: unknown) => ownSecrets.redact(value),
  };
  // The headers hold the key: not enumerable, so logging or serializing a transport never shows it.
  return Object.defineProperty(transport, "headers", { value: headers }) as VendorTransport<Body, Data>;
}

/**
 * The update request for `id` and `body` as `transport` would send it, redacted with `secrets`
 * (the transport's own, or a call's), without sending it (a dry run). Throws the same
 * `invalid_input` as `send` for an id that cannot be a path segment. Header names are in lower
 * case, as HTTP/2 sends them and as servers see them.
 */
export function describeRequest<Body>(
  transport: VendorTransport<Body, unknown>,
  id: string,
  body: Body,
  secrets: Secrets = transport.secrets,
): PlannedRequest {
  const { descriptor } = transport;
  const url = transport.updateUrl(id);
  if (url === undefined) {
    throw inputError(descriptor.provider, "id", `the id ${secrets.quote(id)} cannot be a path segment`);
  }
  const auth = descriptor.auth.header.toLowerCase();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...JSON_HEADERS, ...transport.headers })) {
    const lower = name.toLowerCase();
    headers[lower] = lower === auth || CREDENTIAL_HEADERS.has(lower) ? REDACTED : secrets.scrub(value);
  }
  return { method: descriptor.update.method, url: secrets.scrub(url), headers, body: secrets.redact(body) };
}

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** One operation with the header parameters named in `H` made optional. */
type WithOptionalHeadersOp<Op, H extends string> = Op extends { parameters: infer Params }
  ? Params extends { header?: infer Header }
    ? Omit<Op, "parameters"> & {
        parameters: Omit<Params, "header"> & {
          header?: Omit<Header, H> & Partial<Pick<Header, Extract<keyof Header, H>>>;
        };
      }
    : Op
  : Op;

/**
 * An openapi-typescript `paths` type in which the constant headers a client sends on every
 * request by itself (a required version header, say) are optional, so callers of the
 * typed client are not asked for them.
 */
export type WithOptionalHeaders<Paths, H extends string> = {
  [P in keyof Paths]: {
    [M in keyof Paths[P]]: M extends HttpMethod ? WithOptionalHeadersOp<Paths[P][M], H> : Paths[P][M];
  };
};
