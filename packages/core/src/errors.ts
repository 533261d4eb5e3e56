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
  status?: number;
  field?: string;
  vendorMessage?: string;
  attempts?: number;
  retryAfterMs?: number;
  /** The vendor's error body, already redacted. */
  body?: unknown;
}

const TITLES: Record<Provider, string> = {
  cald: "Cald",
  cartesia: "Cartesia",
  retell: "Retell",
  verbex: "Verbex",
  vogent: "Vogent",
};

export function providerTitle(provider: Provider): string {
  return TITLES[provider];
}

/**
 * The one error every phonebridge package throws. It never holds a secret nor an unredacted
 * vendor error as its `cause`, so it is safe to log, print and serialize.
 */
export class PhoneBridgeError extends Error {
  override readonly name = "PhoneBridgeError";
  readonly code: ErrorCode;
  readonly provider: Provider;
  readonly status: number | undefined;
  readonly field: string | undefined;
  readonly vendorMessage: string | undefined;
  /** Requests sent before this error; 0 when nothing was sent. */
  attempts: number;
  readonly retryAfterMs: number | undefined;
  /** The vendor's error body with secret fields replaced by "[redacted]". */
  readonly body: unknown;

  constructor(init: PhoneBridgeErrorInit) {
    super(`${TITLES[init.provider]}: ${init.detail}`);
    this.code = init.code;
    this.provider = init.provider;
    this.status = init.status;
    this.field = init.field;
    this.vendorMessage = init.vendorMessage;
    this.attempts = init.attempts ?? 0;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      provider: this.provider,
      message: this.message,
      status: this.status,
      field: this.field,
      vendorMessage: this.vendorMessage,
      attempts: this.attempts,
      retryAfterMs: this.retryAfterMs,
      body: this.body,
    };
  }
}

export function isPhoneBridgeError(value: unknown): value is PhoneBridgeError {
  return value instanceof PhoneBridgeError;
}

/** The error code of an HTTP status, before any vendor refines it. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 409) return "server";
  if (status === 429) return "rate_limited";
  if (status >= 500 && status <= 599) return "server";
  if (status >= 400 && status <= 499) return "validation";
  return "invalid_response";
}

/** Statuses worth another attempt: every mapped update is idempotent, so a retry is safe. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
}
