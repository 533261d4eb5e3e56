/**
 * @phonebridge/facade: one `update` over the phone numbers of every vendor phonebridge has a
 * spec for. This root entry holds every adapter; `@phonebridge/facade/<vendor>` holds one.
 */
import { createSecrets, ownFields, PROVIDERS, type Provider } from "@phonebridge/core";
import type { Adapter } from "./adapter.js";
import type { ChangeName, VendorCapabilities } from "./capabilities.js";
import { createWithAdapter } from "./engine.js";
import { ADAPTERS } from "./generated/adapters.js";
import type { PhoneNumbers, PhoneNumbersOptions } from "./types.js";

export {
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ErrorCode,
  isPhoneBridgeError,
  MAX_SERVER_WAIT_MS,
  PhoneBridgeError,
  PROVIDERS,
} from "@phonebridge/core";
export {
  CHANGE_NAMES,
  type ChangeCapability,
  type ChangeName,
  type Support,
  type VendorCapabilities,
} from "./capabilities.js";
export { MAX_LABEL_LENGTH } from "./input.js";
export type * from "./types.js";

/**
 * Which change each vendor supports, and how: the data the README's capability matrix is
 * rendered from, and what `update` checks at run time.
 */
export const capabilities: Readonly<Record<Provider, VendorCapabilities>> = Object.fromEntries(
  PROVIDERS.map((provider) => [provider, ADAPTERS[provider].capabilities]),
) as Record<Provider, VendorCapabilities>;

/**
 * Creates the phone-number updater of one vendor. Key, base URL and headers are resolved here,
 * once (options, then `<VENDOR>_API_KEY` / `<VENDOR>_BASE_URL`, then the vendor's server); a
 * missing key, or a missing base URL where the vendor publishes none, is a PhoneBridgeError
 * `invalid_input` naming the option.
 *
 * With a literal `provider`, `update` only accepts the changes that vendor supports.
 */
export function createPhoneNumbers<P extends Provider>(options: PhoneNumbersOptions<P>): PhoneNumbers<P> {
  // Only the caller's own options count, each read once: a polluted Object.prototype picks no provider.
  const given = ownFields(options) as Partial<PhoneNumbersOptions<P>>;
  const provider: unknown = given.provider;
  if (typeof provider !== "string" || !Object.hasOwn(ADAPTERS, provider)) {
    // At most 40 characters of it, the key redacted in case it was passed here by mistake.
    const quoted = createSecrets([], [given.apiKey]).quote(provider);
    throw new TypeError(`createPhoneNumbers: provider must be one of ${PROVIDERS.join(", ")}, not ${quoted}`);
  }
  return createWithAdapter(ADAPTERS[provider as P] as Adapter<P>, given);
}

/**
 * True when `provider` supports `change` in that direction: `"set"` (a string) or `"clear"`
 * (`null`). The run-time form of the compile-time check, for code that picks the provider late.
 */
export function supports(provider: Provider, change: ChangeName, direction: "set" | "clear" = "set"): boolean {
  return capabilities[provider][change][direction] !== "unsupported";
}
