/**
 * @phonebridge/facade/cartesia: the facade for Cartesia alone, so a bundle holds only this adapter.
 * Same behaviour as `createPhoneNumbers({ provider: "cartesia", ... })` from the root entry.
 */
import { cartesiaAdapter, cartesiaCapabilities } from "./adapters/cartesia.js";
import { createWithAdapter } from "./engine.js";
import type { PhoneNumbers, PhoneNumbersOptions } from "./types.js";

export { type ErrorCode, isPhoneBridgeError, PhoneBridgeError } from "@phonebridge/core";
export type { ChangeCapability, ChangeName, Support, VendorCapabilities } from "./capabilities.js";
export type * from "./types.js";

/** What Cartesia supports (its row of the capability matrix). */
export const capabilities = cartesiaCapabilities;

/** Options of the Cartesia updater: `provider` may be left out. */
export type CartesiaPhoneNumbersOptions = Omit<PhoneNumbersOptions<"cartesia">, "provider"> & {
  provider?: "cartesia" | undefined;
};

/** Creates the Cartesia phone-number updater (key and base URL from options or `CARTESIA_API_KEY` / `CARTESIA_BASE_URL`). */
export function createPhoneNumbers(options: CartesiaPhoneNumbersOptions = {}): PhoneNumbers<"cartesia"> {
  return createWithAdapter(cartesiaAdapter, options);
}

export { createPhoneNumbers as createCartesiaPhoneNumbers };
