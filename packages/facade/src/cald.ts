/**
 * @phonebridge/facade/cald: the facade for Cald alone, so a bundle holds only this adapter.
 * Same behaviour as `createPhoneNumbers({ provider: "cald", ... })` from the root entry.
 */
import { caldAdapter, caldCapabilities } from "./adapters/cald.js";
import { createWithAdapter } from "./engine.js";
import type { PhoneNumbers, PhoneNumbersOptions } from "./types.js";

export { type ErrorCode, isPhoneBridgeError, PhoneBridgeError } from "@phonebridge/core";
export type { ChangeCapability, ChangeName, Support, VendorCapabilities } from "./capabilities.js";
export type * from "./types.js";

/** What Cald supports (its row of the capability matrix). */
export const capabilities = caldCapabilities;

/** Options of the Cald updater: `provider` may be left out. */
export type CaldPhoneNumbersOptions = Omit<PhoneNumbersOptions<"cald">, "provider"> & { provider?: "cald" | undefined };

/** Creates the Cald phone-number updater (key and base URL from options or `CALD_API_KEY` / `CALD_BASE_URL`). */
export function createPhoneNumbers(options: CaldPhoneNumbersOptions = {}): PhoneNumbers<"cald"> {
  return createWithAdapter(caldAdapter, options);
}

export { createPhoneNumbers as createCaldPhoneNumbers };
