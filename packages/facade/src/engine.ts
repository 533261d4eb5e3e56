/**
 * One vendor's `update` and `plan`, composed once per client from the parts that hold the
 * policy: the input rules (input.ts), the vendor's body building (its adapter), the request
 * pipeline of @phonebridge/core (retries, timeouts, errors, redaction, the log) and the
 * normalization of the result (result.ts).
 */
import {
  bodyText,
  createSecrets,
  createVendorTransport,
  describeRequest,
  inputError,
  ownFields,
  type PlannedRequest,
  type PolicyHooks,
  type Provider,
  pollutedError,
  userAgent,
} from "@phonebridge/core";
import type { Adapter } from "./adapter.js";
import { inputRules } from "./input.js";
import { readResult } from "./result.js";
import type { PhoneNumbers, PhoneNumbersOptions } from "./types.js";
import { NAME, VERSION } from "./version.js";

/** Test hooks: deterministic jitter and waits. Not part of the public API. */
export type PolicyOverrides = PolicyHooks;

/**
 * Builds the `update` and `plan` of one vendor: everything that can be done once (key, base URL,
 * headers, policy and log, the rules) happens here, so a call only checks what it was given,
 * builds one body and sends it.
 */
export function createWithAdapter<P extends Provider, Body>(
  adapter: Adapter<P, Body>,
  options: Omit<PhoneNumbersOptions<P>, "provider">,
  hooks?: PolicyOverrides,
): PhoneNumbers<P> {
  const { provider } = adapter;
  // Only the caller's own options count, each read once (docs/CONTRACT.md, facade rules).
  const given = ownFields(options);
  // A per-vendor entry (`@phonebridge/facade/<vendor>`) lets `provider` be left out, never differ.
  if (given.provider !== undefined && given.provider !== provider) {
    const quoted = createSecrets([], [given.apiKey as string]).quote(given.provider);
    throw new TypeError(`@phonebridge/facade/${provider}: provider must be ${JSON.stringify(provider)}, not ${quoted}`);
  }
  // `headers` is the vendor clients' first name of defaultHeaders; here it is a call's option only.
  if (given.headers !== undefined) {
    throw inputError(provider, "headers", "headers is an option of a call: pass defaultHeaders to createPhoneNumbers");
  }
  const transport = createVendorTransport<Body, unknown>(adapter.descriptor, given, userAgent(NAME, VERSION), hooks);
  const { check } = inputRules(adapter, transport.secrets);

  const update = (id: string, changes: unknown, updateOptions?: unknown) => {
    try {
      const { body, secrets, options: call } = check(id, changes, updateOptions);
      const read = (data: unknown, text: string) => readResult(adapter, id, data, text, secrets);
      return transport.send(id, body as Body, call, read, secrets);
    } catch (error) {
      // Bad input rejects like every other failure: the caller awaits one promise.
      return Promise.reject(error);
    }
  };

  /** The request `update` would send, redacted, sent nowhere: the same checks, no fetch, no timers. */
  const plan = (id: string, changes: unknown, planOptions?: unknown): PlannedRequest => {
    const { body, secrets } = check(id, changes, planOptions);
    // As plain JSON data (the snapshot's objects have no prototype), exactly what would be sent.
    const text = bodyText(body);
    if (text === undefined) throw pollutedError(provider);
    return describeRequest(transport, id, JSON.parse(text) as Body, secrets);
  };

  return { provider, update, plan } as PhoneNumbers<P>;
}
