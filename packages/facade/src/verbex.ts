/**
 * @phonebridge/facade/verbex: the facade for Verbex alone, so a bundle holds only this adapter.
 * Same behaviour as `createPhoneNumbers({ provider: "verbex", ... })` from the root entry.
 */
import { verbexAdapter, verbexCapabilities } from "./adapters/verbex.js";
import { createWithAdapter } from "./engine.js";
import type { PhoneNumbers, PhoneNumbersOptions } from "./types.js";

export { type ErrorCode, isPhoneBridgeError, PhoneBridgeError } from "@phonebridge/core";
export type { ChangeCapability, ChangeName, Support, VendorCapabilities } from "./capabilities.js";
export type * from "./types.js";

/** What Verbex supports (its row of the capability matrix). */
export const capabilities = verbexCapabilities;

/** Options of the Verbex updater: `provider` may be left out. */
export type VerbexPhoneNumbersOptions = Omit<PhoneNumbersOptions<"verbex">, "provider"> & {
  provider?: "verbex" | undefined;
};

/** Creates the Verbex phone-number updater (key and base URL from options or `VERBEX_API_KEY` / `VERBEX_BASE_URL`). */
export function createPhoneNumbers(options: VerbexPhoneNumbersOptions = {}): PhoneNumbers<"verbex"> {
  return createWithAdapter(verbexAdapter, options);
}

export { createPhoneNumbers as createVerbexPhoneNumbers };
