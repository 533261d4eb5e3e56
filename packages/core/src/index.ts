export { BodyTooLargeError, MAX_BODY_BYTES, readBodyCapped } from "./body.js";
export {
  type ErrorCode,
  type PhoneBridgeErrorInit,
  type Provider,
  PhoneBridgeError,
  codeForStatus,
  isPhoneBridgeError,
  isRetryableStatus,
  providerTitle,
} from "./errors.js";
export { encodePathSegment, pathSerializer } from "./path.js";
export { REDACTED, holdsSecret, redact, scrub } from "./redact.js";
export {
  type PlannedRequest,
  type RequestOptions,
  type VendorClientOptions,
  type VendorDescriptor,
  type VendorTransport,
  type WithOptionalHeaders,
  createVendorTransport,
} from "./vendor.js";
export { retryAfterMsOf, vendorMessageOf } from "./vendor-message.js";
