export { MAX_BODY_BYTES, readBodyCapped } from "./body.js";
export { inputError, userAgent } from "./config.js";
export {
  checkDrift,
  type Drift,
  type DriftCheck,
  type DriftSchema,
  type DriftTable,
  type DriftType,
  driftCheck,
  type ResponseValidators,
} from "./drift.js";
export {
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
export {
  bodyText,
  MAX_INPUT_DEPTH,
  NotJsonError,
  ownFields,
  pollutedError,
  snapshotJson,
  toJsonPolluted,
} from "./input.js";
export type { Logger, LogLevel } from "./log.js";
export { encodePathSegment, pathSerializer } from "./path.js";
export {
  type BeforeAttempt,
  type CallOptions,
  type ClientOptions,
  createPipeline,
  type Operation,
  type Pipeline,
  type PolicyHooks,
  type Read,
  type RequestOptions,
  type ResponseInfo,
  responseInfo,
  type WithResponse,
} from "./pipeline.js";
export {
  backoffMs,
  codeForStatus,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  MAX_SERVER_WAIT_MS,
  RETRY_WITHOUT_STATUS,
  retryDelayMs,
  sleep,
  statusOutcome,
} from "./retry-policy.js";
export {
  CREDENTIAL_HEADERS,
  createSecrets,
  MAX_QUOTED,
  MIN_SECRET_LENGTH,
  NO_SECRETS,
  REDACTED,
  redact,
  type Secrets,
  safeHeaders,
  scrub,
  secretValuesIn,
} from "./secrets.js";
export {
  createVendorTransport,
  describeRequest,
  type FieldLimit,
  type PlannedRequest,
  type UpdateFunction,
  type VendorClientOptions,
  type VendorDescriptor,
  type VendorTransport,
  type WithOptionalHeaders,
} from "./vendor.js";
export { isRecord, retryAfterMsOf, vendorMessageOf } from "./vendor-message.js";
