import { PROVIDER_TITLES, PROVIDERS, type Provider } from "./generated/providers.js";

export type { Provider };

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

/** The vendor's name as its own documents write it (its title in specs/<vendor>/vendor.yaml). */
export function providerTitle(provider: Provider): string {
  // An error made by another installed copy of core may name a provider this copy does not know.
  return Object.hasOwn(PROVIDER_TITLES, provider) ? PROVIDER_TITLES[provider] : String(provider);
}

/** True for the id of a vendor this copy of phonebridge has a spec for. */
export function isProvider(value: unknown): value is Provider {
  return typeof value === "string" && (PROVIDERS as readonly string[]).includes(value);
}

/**
 * The mark of a PhoneBridgeError, shared by every copy of core loaded in a process (Symbol.for
 * is process-wide): two releases installed side by side each have their own class, and an error
 * of one must still be recognised by the other (`isPhoneBridgeError`, `instanceof`).
 */
const BRAND: unique symbol = Symbol.for("@phonebridge/core:PhoneBridgeError");

/**
 * The one error every phonebridge package throws. It never holds a secret nor an unredacted
 * vendor error as its `cause`, so it is safe to log, print and serialize.
 */
export class PhoneBridgeError extends Error {
  static {
    // On the prototype: no per-error cost, and nothing added to what JSON or inspect show.
    Object.defineProperty(PhoneBridgeError.prototype, BRAND, { value: true });
  }

  /** `error instanceof PhoneBridgeError` holds for a PhoneBridgeError of any copy of core. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

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

/** True for a PhoneBridgeError, whichever installed copy of core made it. */
export function isPhoneBridgeError(value: unknown): value is PhoneBridgeError {
  return value instanceof PhoneBridgeError;
}
