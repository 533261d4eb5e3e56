import { inputError } from "./config.js";
import type { ErrorCode, Provider } from "./errors.js";
import {
  type CallOptions,
  type ClientOptions,
  createPipeline,
  type Pipeline,
  type PolicyHooks,
  type Read,
  type RequestOptions,
  type WithResponse,
} from "./pipeline.js";
import { CREDENTIAL_HEADERS, REDACTED, type Secrets } from "./secrets.js";

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
   * The vendor's own refinements of the status table (specs/<vendor>/vendor.yaml `errors`): an
   * answer with this status whose vendor message matches `message` (a regular expression, case
   * ignored) gets `code` instead, in every package alike.
   */
  readonly errors?: readonly { readonly status: number; readonly message: string; readonly code: ErrorCode }[];
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

/** Options every `create<Vendor>Client` takes: the client options, and `headers` as an alias of `defaultHeaders`. */
export interface VendorClientOptions extends ClientOptions {
  /** The same as `defaultHeaders` (its first name); `defaultHeaders` wins when both are given. */
  headers?: Readonly<Record<string, string>> | undefined;
}

export type { RequestOptions };

/** A request as it would be sent, safe to show: credentials and secret fields redacted. */
export interface PlannedRequest {
  readonly method: "PATCH" | "PUT";
  /** Base URL and encoded path, exactly as sent. */
  readonly url: string;
  /**
   * Every header sent; the auth header and every credential header (`authorization`,
   * `proxy-authorization`, `x-api-key`, `api-key`, `cookie`, ...) as "[redacted]", the key
   * redacted in the others.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, secret fields and the key replaced by "[redacted]". */
  readonly body: unknown;
}

/**
 * The update of one phone number: resolves with the data, or with `{ data, response }` when
 * `withResponse` is `true` (the plain form last, so that `ReturnType` and inference see it).
 */
export interface UpdateFunction<Body, Data> {
  (id: string, body: Body, options: RequestOptions & { withResponse: true }): Promise<WithResponse<Data>>;
  (id: string, body: Body, options?: RequestOptions & { withResponse?: false | undefined }): Promise<Data>;
}

/** The resolved, per-client state: computed once at creation, never on the request path. */
export interface VendorTransport<Body, Data> extends Pipeline {
  readonly descriptor: VendorDescriptor;
  /** The URL of the update operation for one id, or undefined when the id can never be valid. */
  updateUrl(id: string): string | undefined;
  /**
   * Sends the update through the pipeline (retries, timeouts, the log); resolves with the parsed
   * 2xx body or rejects with a PhoneBridgeError.
   */
  update: UpdateFunction<Body, Data>;
  /**
   * The update with the caller's reading of the 2xx body and the call's secrets (the facade's
   * passthrough secrets): the pipeline redacts with them wherever it keeps or cuts a text.
   */
  send<T = Data>(
    id: string,
    body: Body,
    options?: CallOptions,
    read?: Read<T>,
    secrets?: Secrets,
  ): Promise<T | WithResponse<T>>;
}

/**
 * Resolves a vendor client's configuration once (key, base URL, headers, retries, timeouts, log)
 * and returns its request path. `userAgent` names the package that sends (its name and version).
 */
export function createVendorTransport<Body, Data>(
  descriptor: VendorDescriptor,
  options?: VendorClientOptions,
  userAgent?: string,
  hooks?: PolicyHooks,
): VendorTransport<Body, Data> {
  const pipeline = createPipeline(descriptor, options, userAgent, hooks);
  const { method, path } = descriptor.update;
  const send = pipeline.operation(method, path);
  return Object.assign(pipeline, {
    descriptor,
    updateUrl: (id: string) => send.url([id]),
    update: ((id: string, body: Body, callOptions?: CallOptions) => send([id], body, callOptions)) as UpdateFunction<
      Body,
      Data
    >,
    send: <T>(id: string, body: Body, callOptions?: CallOptions, read?: Read<T>, secrets?: Secrets) =>
      send([id], body, callOptions, read, secrets),
  });
}

/**
 * The update request for `id` and `body` as `transport` would send it, redacted with `secrets`
 * (the transport's own, or a call's), without sending it (a dry run). Throws the same
 * `invalid_input` as the update for an id that cannot be a path segment. Header names are in
 * lower case, as HTTP/2 sends them and as servers see them.
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
  for (const [name, value] of Object.entries(transport.headers)) {
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
