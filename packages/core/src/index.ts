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
export { bodyText, MAX_INPUT_DEPTH, NotJsonError, ownFields, snapshotJson, toJsonPolluted } from "./input.js";
export { encodePathSegment, pathSerializer } from "./path.js";
export {
  CREDENTIAL_HEADERS,
  MAX_QUOTED,
  MIN_SECRET_LENGTH,
  NO_SECRETS,
  REDACTED,
  redact,
  Secrets,
  scrub,
} from "./secrets.js";
export {
  createVendorTransport,
  describeRequest,
  type FieldLimit,
  type PlannedRequest,
  pollutedError,
  type RequestOptions,
  type VendorClientOptions,
  type VendorDescriptor,
  type VendorTransport,
  type WithOptionalHeaders,
} from "./vendor.js";
export { isRecord, retryAfterMsOf, vendorMessageOf } from "./vendor-message.js";
