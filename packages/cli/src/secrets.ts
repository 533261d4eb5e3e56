import { REDACTED, redact, scrub } from "@phonebridge/core";
import { ENV_PREFIXES, PROVIDERS, SECRET_FIELDS } from "./providers.js";

/**
 * Request and response fields that hold secrets (every vendor's, docs/CONTRACT.md#secrets), and
 * header-like names that carry credentials. Matched exactly, at any depth.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  ...SECRET_FIELDS,
  "authorization",
  "Authorization",
  "apiKey",
  "api_key",
]);

/** Header names whose values are credentials, compared in lower case. */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "api-key",
  "cookie",
]);

/**
 * Every secret value this process knows (API keys from flags and from the vendor env vars), and
 * the one place that makes text and values safe to print or write.
 */
export class Secrets {
  readonly #values: string[] = [];

  constructor(env: NodeJS.ProcessEnv = process.env) {
    for (const provider of PROVIDERS) this.add(env[`${ENV_PREFIXES[provider]}_API_KEY`]);
  }

  add(value: string | undefined): void {
    if (value === undefined || value.length === 0 || this.#values.includes(value)) return;
    this.#values.push(value);
    // Longest first, so a key that contains another key is replaced whole.
    this.#values.sort((a, b) => b.length - a.length);
  }

  /** The text with every known secret value replaced by "[redacted]". */
  text(value: string): string {
    return scrub(value, this.#values);
  }

  /** A copy with secret fields and every known secret value replaced, at any depth. */
  value<T>(value: T): T {
    return redact(value, SECRET_KEYS, this.#values) as T;
  }

  /** Request headers as they may be shown: credentials replaced whole. */
  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : this.text(value);
    }
    return out;
  }
}
