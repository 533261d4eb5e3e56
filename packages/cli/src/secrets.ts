import { CREDENTIAL_HEADERS, createSecrets, REDACTED } from "@phonebridge/core";
import { ENV_PREFIXES, PROVIDERS, SECRET_FIELDS } from "./providers.js";

/**
 * Request and response fields that hold secrets (every vendor's, docs/CONTRACT.md#secrets), and
 * header-like names that carry credentials. Matched exactly, at any depth.
 */
const SECRET_KEYS: readonly string[] = [...SECRET_FIELDS, "authorization", "Authorization", "apiKey", "api_key"];

/**
 * Every secret value this process knows (API keys from flags and from the vendor env vars), and
 * the one place that makes text and values safe to print or write. The matching itself is core's
 * (`createSecrets` in @phonebridge/core): values as written and escaped, in strings and property names.
 */
export class Secrets {
  #secrets = createSecrets(SECRET_KEYS);

  constructor(env: NodeJS.ProcessEnv = process.env) {
    for (const provider of PROVIDERS) this.add(env[`${ENV_PREFIXES[provider]}_API_KEY`]);
  }

  add(value: string | undefined): void {
    this.#secrets = this.#secrets.with([value]);
  }

  /**
   * The text with every known secret value replaced by "[redacted]", also where the text writes
   * it escaped (the JSON this CLI prints escapes `"` and `\`; a vendor's text may escape more).
   */
  text(value: string): string {
    return this.#secrets.scrub(value);
  }

  /** A copy with secret fields and every known secret value (in strings and property names) replaced, at any depth. */
  value<T>(value: T): T {
    return this.#secrets.redact(value) as T;
  }

  /** Request headers as they may be shown: credentials replaced whole. */
  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = CREDENTIAL_HEADERS.has(name.toLowerCase()) ? REDACTED : this.text(value);
    }
    return out;
  }
}
