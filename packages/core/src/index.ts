export { MAX_BODY_BYTES, readBodyCapped } from "./body.js";
export {
  codeForStatus,
  type ErrorCode,
  isPhoneBridgeError,
  isProvider,
  PhoneBridgeError,
  type PhoneBridgeErrorInit,
  type PhoneBridgeErrorJSON,
  type Provider,
  providerTitle,
} from "./errors.js";
export { PROVIDER_TITLES, PROVIDERS } from "./generated/providers.js";
export { encodePathSegment, pathSerializer } from "./path.js";
export { holdsSecret, REDACTED, redact, scrub } from "./redact.js";
export {
  createVendorTransport,
  describeRequest,
  type FieldLimit,
  type PlannedRequest,
  type RequestOptions,
  type VendorClientOptions,
  type VendorDescriptor,
  type VendorTransport,
  type WithOptionalHeaders,
} from "./vendor.js";
export { isRecord, retryAfterMsOf, vendorMessageOf } from "./vendor-message.js";
