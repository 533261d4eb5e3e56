/** The five vendors phonebridge speaks to. */
export type Provider = "cald" | "cartesia" | "retell" | "verbex" | "vogent";

export type ErrorCode =
  | "invalid_input"
  | "unsupported_change"
  | "unauthorized"
  | "not_found"
  | "validation"
  | "rate_limited"
  | "server"
  | "timeout"
  | "connection"
  | "aborted"
  | "invalid_response";

export interface PhoneBridgeErrorInit {
  code: ErrorCode;
  provider: Provider;
  /** Human-readable detail; the vendor's title is prefixed to it. Never put a secret here. */
  detail: string;
  status?: number | undefined;
  field?: string | undefined;
  vendorMessage?: string | undefined;
  attempts?: number | undefined;
  retryAfterMs?: number | undefined;
  /** The vendor's error body, already redacted. */
  body?: unknown;
  /** The response's headers, as `safeHeaders` keeps them. */
  headers?: Readonly<Record<string, string>> | undefined;
  requestId?: string | undefined;
}

/** The vendor's name as its own documents write it: the provider id, capitalized. */
export function providerTitle(provider: Provider): string {
  return provider[0]?.toUpperCase() + provider.slice(1);
}

/**
 * The one error every phonebridge package throws. It never holds a secret nor an unredacted
 * vendor error as its `cause`, so it is safe to log, print and serialize.
 */
export class PhoneBridgeError extends Error {
  override readonly name = "PhoneBridgeError";
  // `declare`: assigned from the init in the constructor, so no field initializers are emitted.
  declare readonly code: ErrorCode;
  declare readonly provider: Provider;
  declare readonly status: number | undefined;
  declare readonly field: string | undefined;
  declare readonly vendorMessage: string | undefined;
  /** Requests sent before this error; 0 when nothing was sent. */
  declare attempts: number;
  declare readonly retryAfterMs: number | undefined;
  /** The vendor's error body with secret fields replaced by "[redacted]". */
  declare readonly body: unknown;
  /**
   * The headers of the response, when there was one: without the names that can hold secrets
   * (`set-cookie`, `authorization`, `www-authenticate`, ...), secret values redacted in the rest.
   */
  declare readonly headers: Readonly<Record<string, string>> | undefined;
  /** The vendor's id of the request (`x-request-id`, `request-id`, `x-amzn-requestid`, `cf-ray`), to quote to its support. */
  declare readonly requestId: string | undefined;

  constructor({ detail, ...init }: PhoneBridgeErrorInit) {
    super(`${providerTitle(init.provider)}: ${detail}`);
    Object.assign(this, init);
    this.attempts = init.attempts ?? 0;
  }

  /** Every field and the message (which `JSON.stringify` of an Error would leave out), no stack. */
  toJSON(): PhoneBridgeErrorJSON {
    return { ...this, message: this.message };
  }
}

/** What `JSON.stringify` shows of a PhoneBridgeError. */
export type PhoneBridgeErrorJSON = Pick<
  PhoneBridgeError,
  | "name"
  | "code"
  | "provider"
  | "message"
  | "status"
  | "field"
  | "vendorMessage"
  | "attempts"
  | "retryAfterMs"
  | "body"
  | "headers"
  | "requestId"
>;

export function isPhoneBridgeError(value: unknown): value is PhoneBridgeError {
  return value instanceof PhoneBridgeError;
}
