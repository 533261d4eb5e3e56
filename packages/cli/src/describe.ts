import type { Secrets } from "./secrets.js";

/** An error as the CLI prints it and writes it to a results file: never a secret, never a stack. */
export interface ErrorInfo {
  code: string;
  message: string;
  status?: number;
  field?: string;
  vendorMessage?: string;
  attempts?: number;
  retryAfterMs?: number;
}

/** A PhoneBridgeError from whichever copy of core the facade loaded: matched by shape, not class. */
interface PhoneBridgeErrorLike extends ErrorInfo {
  name: string;
}

function isPhoneBridgeError(error: unknown): error is PhoneBridgeErrorLike {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "PhoneBridgeError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

export function describeError(error: unknown, secrets: Secrets): ErrorInfo {
  if (isPhoneBridgeError(error)) {
    const info: ErrorInfo = { code: error.code, message: secrets.text(error.message) };
    if (error.status !== undefined) info.status = error.status;
    if (error.field !== undefined) info.field = error.field;
    if (error.vendorMessage !== undefined) info.vendorMessage = secrets.text(error.vendorMessage);
    if (error.attempts !== undefined) info.attempts = error.attempts;
    if (error.retryAfterMs !== undefined) info.retryAfterMs = error.retryAfterMs;
    return info;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", message: secrets.text(`unexpected error: ${message}`) };
}

/** One line for people: `code: message`. */
export function errorLine(info: ErrorInfo): string {
  return `${info.code}: ${info.message}`;
}
