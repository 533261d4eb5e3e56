/**
 * @phonebridge/facade/retell: the facade for Retell alone, so a bundle holds only this adapter.
 * Same behaviour as `createPhoneNumbers({ provider: "retell", ... })` from the root entry.
 */
import { retellAdapter, retellCapabilities } from "./adapters/retell.js";
import { createWithAdapter } from "./engine.js";
import type { PhoneNumbers, PhoneNumbersOptions } from "./types.js";

export { type ErrorCode, isPhoneBridgeError, PhoneBridgeError } from "@phonebridge/core";
export type { ChangeCapability, ChangeName, Support, VendorCapabilities } from "./capabilities.js";
export type * from "./types.js";

/** What Retell supports (its row of the capability matrix). */
export const capabilities = retellCapabilities;

/** Options of the Retell updater: `provider` may be left out. */
export type RetellPhoneNumbersOptions = Omit<PhoneNumbersOptions<"retell">, "provider"> & {
  provider?: "retell" | undefined;
};

/** Creates the Retell phone-number updater (key and base URL from options or `RETELL_API_KEY` / `RETELL_BASE_URL`). */
export function createPhoneNumbers(options: RetellPhoneNumbersOptions = {}): PhoneNumbers<"retell"> {
  return createWithAdapter(retellAdapter, options);
}

export { createPhoneNumbers as createRetellPhoneNumbers };
