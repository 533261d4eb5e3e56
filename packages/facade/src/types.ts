import type {
  ClientOptions,
  Drift,
  PlannedRequest,
  Provider,
  RequestOptions,
  ResponseInfo,
  WithResponse,
} from "@phonebridge/core";
import type { ChangeCapability, ChangeName, ReadName } from "./capabilities.js";
import type { VendorTypes } from "./generated/vendor-types.js";

export type { BeforeAttempt, Logger, LogLevel } from "@phonebridge/core";
export type { Drift, PlannedRequest, Provider, ResponseInfo, VendorTypes, WithResponse };

/** A vendor that takes no passthrough fields (its capability row says `passthrough: false`). */
export type NoPassthrough = { readonly [field: string]: never };

declare const unsupportedBrand: unique symbol;

/**
 * The type of a change the vendor has no field for. No value has this type, so setting the
 * change is a compile error that names the change and the vendor.
 */
export interface UnsupportedChange<P extends Provider, C extends ChangeName> {
  readonly [unsupportedBrand]: `${C} is not supported by ${P}`;
}

type ValueOf<C> = C extends ChangeCapability
  ? (C["set"] extends "unsupported" ? never : string) | (C["clear"] extends "unsupported" ? never : null)
  : never;

type ChangesOf<P extends Provider> = {
  [K in ChangeName]?: [ValueOf<VendorTypes[P]["capabilities"][K]>] extends [never]
    ? UnsupportedChange<P, K> | undefined
    : ValueOf<VendorTypes[P]["capabilities"][K]> | undefined;
};

/**
 * The changes one vendor accepts: `agentId` assigns (string) or removes (`null`) the inbound
 * agent, `label` sets or clears the number's label, `outboundAgentId` assigns or removes the
 * outbound agent. An `undefined` value is the same as an absent key. With `P` a union of
 * providers, the union of what each accepts (checked at run time).
 */
export type Changes<P extends Provider = Provider> = P extends Provider ? ChangesOf<P> : never;

/** The vendor's own request fields, passed through as they are (`options.vendor`). */
export type VendorFields<P extends Provider = Provider> = P extends Provider
  ? VendorTypes[P]["capabilities"]["passthrough"] extends false
    ? NoPassthrough
    : VendorTypes[P]["body"]
  : never;

/** The vendor's 200 body (secret fields replaced by "[redacted]"). */
export type VendorResponse<P extends Provider = Provider> = P extends Provider ? VendorTypes[P]["response"] : never;

/**
 * Options of one `update`: the request options of every phonebridge call (`signal`, and
 * `timeoutMs`, `maxRetries`, `headers` over the client's for this call, `withResponse`), and the
 * vendor's own fields.
 */
export interface UpdateOptions<P extends Provider = Provider> extends RequestOptions {
  /**
   * The vendor's own request fields that the facade does not map (weighted agent lists, agent
   * versions, webhooks, SIP settings, ..., typed from the vendor's spec). A field a change also
   * sets is an `invalid_input` conflict; a vendor whose capability row says `passthrough: false`
   * takes none.
   */
  vendor?: VendorFields<P> | undefined;
}

/**
 * The normalized result of an update: `null` where the vendor does not say, or says it in a way
 * its spec does not allow (then `drift` says where).
 */
export interface PhoneNumberResult<P extends Provider = Provider> {
  readonly provider: P;
  /** The id the caller passed. */
  readonly id: string;
  readonly number: string | null;
  readonly label: string | null;
  readonly agentId: string | null;
  readonly outboundAgentId: string | null;
  /**
   * The vendor's body, with secret fields replaced by "[redacted]". It has its type only when
   * `drift` is absent: a body that drifts is passed on as the vendor sent it.
   */
  readonly raw: VendorResponse<P>;
  /**
   * Where the vendor's body deviates from the response schema of its spec (a required field
   * missing, a wrong type, an unknown enum value, ...): present only when it does. The update
   * was done all the same. A problem never quotes a value; paths hold no secret.
   */
  readonly drift?: readonly Drift[];
}

declare const unsupportedReadBrand: unique symbol;

/**
 * The type of the first argument of a read the vendor does not document. No value has this
 * type, so the call is a compile error that names the read and the vendor.
 */
export interface UnsupportedRead<P extends Provider, R extends ReadName> {
  readonly [unsupportedReadBrand]: `${R} is not supported by ${P}`;
}

/** `true` for each vendor of `P` that documents the read `R` (`find` reads through the list). */
type Documents<P extends Provider, R extends ReadName> = P extends Provider
  ? VendorTypes[P]["capabilities"]["reads"][R extends "find" ? "list" : R] extends "unsupported"
    ? false
    : true
  : never;

/**
 * `T` where a vendor of `P` documents the read `R` (so a provider known only at run time
 * compiles, and is checked at run time), else {@link UnsupportedRead}.
 */
export type ReadArgument<P extends Provider, R extends ReadName, T> =
  true extends Documents<P, R> ? T : UnsupportedRead<P, R>;

/** Options of a read: the request options of every phonebridge call. */
export type ReadOptions = RequestOptions;

/** What `list` filters by: the agent (by the vendor's own filter where it has one, else here). */
export interface ListFilter {
  agentId?: string | undefined;
}

/** The result type for `P`, a union of results when `P` is a union of providers. */
export type ResultOf<P extends Provider = Provider> = P extends Provider ? PhoneNumberResult<P> : never;

/** One page of a list as `list().pages()` gives it (docs/CONTRACT.md#facade-get-list-and-find). */
export interface ResultPage<P extends Provider = Provider> {
  /** Its place in this iteration: 1 for the first page read. */
  readonly page: number;
  /** The page's numbers, as the list gives them (the agent filter applied). */
  readonly results: ResultOf<P>[];
  /**
   * Where the page's own fields (its items apart, which each result checks) deviate from the
   * vendor's spec, paths from the page; absent when they conform.
   */
  readonly drift?: readonly Drift[];
}

/** What `list` returns: every number (`for await`), or page by page with `pages()`. */
export interface ResultList<P extends Provider = Provider> extends AsyncIterable<ResultOf<P>> {
  /** Each page read, with its results and the drift of its own fields; each call starts anew. */
  pages(): AsyncIterableIterator<ResultPage<P>>;
}

/**
 * Options of `createPhoneNumbers`: the vendor, and the client options of every phonebridge
 * client (`apiKey`, `baseUrl`, `fetch`, `defaultHeaders`, `timeoutMs`, `maxRetries`, `logLevel`,
 * `logger`, `beforeAttempt`, a rate limiter's hook).
 */
export interface PhoneNumbersOptions<P extends Provider = Provider> extends ClientOptions {
  provider: P;
}

export interface PhoneNumbers<P extends Provider = Provider> {
  readonly provider: P;
  /**
   * Applies `changes` (and `options.vendor`) to the phone number `id` in one request, retried
   * as the contract says, and resolves with the normalized result (with `withResponse: true`,
   * `{ data: result, response }`); rejects with a `PhoneBridgeError`. Nothing the caller did not
   * set is ever sent.
   */
  update(
    id: string,
    changes: Changes<P>,
    options?: UpdateOptions<P> & { withResponse?: false | undefined },
  ): Promise<ResultOf<P>>;
  update(
    id: string,
    changes: Changes<P>,
    options: UpdateOptions<P> & { withResponse: true },
  ): Promise<WithResponse<ResultOf<P>>>;
  /**
   * The request `update` would send for the same arguments, without sending it (a dry run):
   * method, URL, headers with the credentials redacted, body with secret fields redacted. Runs
   * exactly the checks `update` runs and throws the same `invalid_input` / `unsupported_change`.
   */
  plan(id: string, changes: Changes<P>, options?: UpdateOptions<P>): PlannedRequest;
  /**
   * Reads the number `id` (the id `update` takes) and resolves with the same normalized result
   * as `update`, with `drift` when the body deviates from the spec. A vendor that documents no
   * get: a compile error with a literal provider, `unsupported_change` (nothing sent) otherwise.
   */
  get(
    id: ReadArgument<P, "get", string>,
    options?: ReadOptions & { withResponse?: false | undefined },
  ): Promise<ResultOf<P>>;
  get(
    id: ReadArgument<P, "get", string>,
    options: ReadOptions & { withResponse: true },
  ): Promise<WithResponse<ResultOf<P>>>;
  /**
   * Every number of the account, page after page (nothing is sent before iterating), as
   * normalized results, with `drift` per item; `filter.agentId` keeps one agent's numbers
   * (`capabilities[provider].reads.agentFilter` says where it is applied). `.pages()` gives the
   * same page by page, with the drift of each page's own fields.
   */
  list(
    ...args: true extends Documents<P, "list">
      ? [filter?: ListFilter, options?: ReadOptions]
      : [filter: UnsupportedRead<P, "list">, options?: ReadOptions]
  ): ResultList<P>;
  /**
   * The number whose E.164 form is exactly `number`, or `null`; two matches are an
   * `invalid_input`, never a guess. What it costs: `capabilities[provider].reads.find`.
   */
  find(number: ReadArgument<P, "find", string>, options?: ReadOptions): Promise<ResultOf<P> | null>;
}
