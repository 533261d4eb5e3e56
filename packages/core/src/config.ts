/**
 * A client's configuration, resolved once when it is created (docs/CONTRACT.md#vendor-packages-phonebridgevendor):
 * the API key and base URL from options, else the environment, else the vendor's published
 * server; the headers every request carries; the User-Agent. Only the caller's own properties
 * and the environment's own variables count.
 */
import { PhoneBridgeError, type Provider } from "./errors.js";
import { ownFields } from "./input.js";
import type { Secrets } from "./secrets.js";

/** What a configuration error needs of a vendor's descriptor. */
interface Vendor {
  readonly provider: Provider;
  readonly envPrefix: string;
  readonly defaultBaseUrl: string | undefined;
  readonly auth: { readonly declared: boolean };
}

export function inputError(provider: Provider, field: string, detail: string): PhoneBridgeError {
  return new PhoneBridgeError({ code: "invalid_input", provider, field, detail });
}

/** An environment variable: the environment's own, never a property a polluted prototype lends it. */
export function envOf(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return (env !== undefined && Object.hasOwn(env, name) && env[name]) || undefined;
}

export function resolveBaseUrl({ envPrefix, provider, defaultBaseUrl }: Vendor, option: unknown): string {
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
    url = new URL(raw as string);
  } catch {}
  // Credentials in the URL would be sent to the vendor and shown in errors and dry runs.
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw inputError(provider, "baseUrl", `baseUrl (or ${variable}) must be an http or https URL without credentials`);
  }
  return url.href.replace(/\/+$/, "");
}

export function resolveApiKey({ envPrefix, provider, auth }: Vendor, option: unknown): string | undefined {
  const variable = `${envPrefix}_API_KEY`;
  const key = option === "" ? undefined : (option ?? envOf(variable));
  if (key === undefined && auth.declared) {
    throw inputError(provider, "apiKey", `no API key: pass the apiKey option or set ${variable}`);
  }
  if (key !== undefined && (typeof key !== "string" || /[\r\n\0]/.test(key))) {
    throw inputError(provider, "apiKey", "the API key must be a string without line breaks or NUL");
  }
  return key;
}

/**
 * The User-Agent a package sends: its name and version, and the runtime's where there is one
 * (`@phonebridge/<vendor>/0.3.0 node/20.20.2`).
 */
export function userAgent(name: string, version: string): string {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  return `${name}/${version}${node ? ` node/${node}` : ""}`;
}

/**
 * `headers` with the caller's own `extra` headers merged in, names compared without case (a
 * caller's `User-Agent` replaces the default `user-agent`). A header in `fixed` (the auth header
 * and the constant headers the vendor's spec requires, in lower case) is never replaced: it is an
 * `invalid_input`, and so is a value that is not a string or that `fetch` would refuse once
 * sending (a bad name, a line break, NUL).
 */
export function mergeHeaders(
  provider: Provider,
  headers: Readonly<Record<string, string>>,
  extra: unknown,
  fixed: ReadonlySet<string>,
  secrets: Secrets,
): Record<string, string> {
  const out = { ...headers };
  for (const [name, value] of Object.entries(ownFields(extra))) {
    const lower = name.toLowerCase();
    for (const key in out) if (key.toLowerCase() === lower) delete out[key];
    out[name] = value as string;
    try {
      if (fixed.has(lower) || typeof value !== "string") throw 0;
      new Headers(out);
    } catch {
      throw inputError(
        provider,
        "headers",
        `the header ${secrets.quote(name)} is refused: the client sets the auth header (from apiKey) and those the vendor requires, and a value is a string without line breaks`,
      );
    }
  }
  return out;
}
