/**
 * @phonebridge/facade/vogent: the facade for Vogent alone, so a bundle holds only this adapter.
 * Same behaviour as `createPhoneNumbers({ provider: "vogent", ... })` from the root entry.
 */
import { vogentAdapter, vogentCapabilities } from "./adapters/vogent.js";
import { createWithAdapter } from "./engine.js";
import type { PhoneNumbers, PhoneNumbersOptions } from "./types.js";

export { type ErrorCode, isPhoneBridgeError, PhoneBridgeError } from "@phonebridge/core";
export type { ChangeCapability, ChangeName, Support, VendorCapabilities } from "./capabilities.js";
export type * from "./types.js";

/** What Vogent supports (its row of the capability matrix). */
export const capabilities = vogentCapabilities;

/** Options of the Vogent updater: `provider` may be left out. */
export type VogentPhoneNumbersOptions = Omit<PhoneNumbersOptions<"vogent">, "provider"> & {
  provider?: "vogent" | undefined;
};

/** Creates the Vogent phone-number updater (key and base URL from options or `VOGENT_API_KEY` / `VOGENT_BASE_URL`). */
export function createPhoneNumbers(options: VogentPhoneNumbersOptions = {}): PhoneNumbers<"vogent"> {
  return createWithAdapter(vogentAdapter, options);
}

export { createPhoneNumbers as createVogentPhoneNumbers };
