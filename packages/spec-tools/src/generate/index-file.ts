// src/index.ts: the package's exports.
import { header, pascal } from "./header.js";
import type { VendorModel } from "./model.js";

export function renderIndex({ vendor }: VendorModel): string {
  const Name = pascal(vendor);
  return `${header(vendor)}
export type { components, operations, paths } from "./generated/schema.js";
export {
  type ${Name}Client,
  type ${Name}ClientOptions,
  type ${Name}Transport,
  type UpdatePhoneNumberBody,
  type UpdatePhoneNumberResponse,
  create${Name}Client,
  create${Name}Transport,
  ${vendor}Descriptor,
} from "./generated/client.js";
export {
  type ErrorCode,
  type Logger,
  type LogLevel,
  type RequestOptions,
  type ResponseInfo,
  type WithResponse,
  PhoneBridgeError,
  isPhoneBridgeError,
} from "@phonebridge/core";
`;
}
