import {
  describeRequest,
  holdsSecret,
  PhoneBridgeError,
  type PlannedRequest,
  type Provider,
  providerTitle,
  REDACTED,
  readBodyCapped,
  redact,
  scrub,
} from "@phonebridge/core";
import { type Adapter, type CheckedChanges, CONTROL, isRecord, missingField } from "./adapter.js";
import type { ChangeCapability, ChangeName } from "./capabilities.js";
import { labelCheck, stringCheck } from "./limits.js";
import { type RetryPolicy, resolvePolicy, runWithRetries } from "./retry.js";
import type { PhoneNumberResult, PhoneNumbers, PhoneNumbersOptions } from "./types.js";

/** What an id may never contain: `/`, whitespace, control characters. */
const BAD_ID = /[/\s\u0000-\u001f\u007f-\u009f]/;
/** Half of a UTF-16 pair on its own: not Unicode, so it can never be percent-encoded into a path. */
const LONE_SURROGATE = /\p{Cs}/u;

export { MAX_LABEL_LENGTH } from "./limits.js";

function inputError(provider: Provider, field: string, detail: string): PhoneBridgeError {
  return new PhoneBridgeError({ code: "invalid_input", provider, field, detail });
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string"
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : `a ${typeof value}`;
}

/** The shortest head of a secret that is treated as the secret when a text was cut inside it. */
const MIN_SECRET_HEAD = 6;

/**
 * `text` with each secret replaced by "[redacted]", also one cut short where the text was clipped
 * (the head of a secret at the very end, or just before "…"), since a vendor message or a body
 * kept as text may have been cut before the secrets of a call were known.
 */
function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = scrub(text, secrets);
  for (const secret of secrets) {
    for (let k = Math.min(secret.length - 1, out.length); k >= MIN_SECRET_HEAD; k--) {
      const head = secret.slice(0, k);
      if (out.includes(`${head}…`)) out = out.split(`${head}…`).join(`${REDACTED}…`);
      if (out.endsWith(head)) out = `${out.slice(0, out.length - k)}${REDACTED}`;
    }
  }
  return out;
}

/** A copy of a JSON value with `scrubText` applied to every string in it. */
function scrubDeep(value: unknown, scrubText: (text: string) => string): unknown {
  if (typeof value === "string") return scrubText(value);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, scrubText));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubDeep(item, scrubText);
  return out;
}

/**
 * The error with `secrets` (the API key, a call's passthrough secrets) taken out of its message,
 * vendor message and body; the same error when it held none. A new error, so that its stack,
 * which repeats the message, is clean too. Only on the error path: it may walk the body.
 */
function withoutSecrets(error: PhoneBridgeError, secrets: readonly string[]): PhoneBridgeError {
  if (secrets.length === 0) return error;
  const scrubText = (text: string): string => scrubSecrets(text, secrets);
  const message = scrubText(error.message);
  const vendorMessage = error.vendorMessage === undefined ? undefined : scrubText(error.vendorMessage);
  const body = error.body === undefined ? undefined : scrubDeep(error.body, scrubText);
  const bodyClean = body === undefined || JSON.stringify(body) === JSON.stringify(error.body);
  if (message === error.message && vendorMessage === error.vendorMessage && bodyClean) return error;
  const prefix = `${providerTitle(error.provider)}: `;
  // Every field of the error carried over (its own enumerable properties), three of them cleaned.
  return new PhoneBridgeError({
    ...error,
    detail: message.startsWith(prefix) ? message.slice(prefix.length) : message,
    vendorMessage,
    body: bodyClean ? error.body : body,
  });
}

/** Test hooks: deterministic jitter and waits. Not part of the public API. */
export type PolicyOverrides = Partial<Pick<RetryPolicy, "random" | "sleep">>;

/**
 * Builds the `update` of one vendor: everything that can be done once (transport with key,
 * base URL and headers, retry policy, the capability lookups) happens here, so a call only
 * checks what it was given, builds one body and sends it.
 */
export function createWithAdapter<P extends Provider, Body>(
  adapter: Adapter<P, Body>,
  options: Omit<PhoneNumbersOptions<P>, "provider">,
  overrides?: PolicyOverrides,
): PhoneNumbers<P> {
  const { provider, capabilities } = adapter;
  // A per-vendor entry (`@phonebridge/facade/<vendor>`) lets `provider` be left out, never differ.
  const pinned = (options as { provider?: unknown }).provider;
  if (pinned !== undefined && pinned !== provider) {
    throw new TypeError(
      `@phonebridge/facade/${provider}: provider must be ${JSON.stringify(provider)}, not ${JSON.stringify(pinned)}`,
    );
  }
  const title = providerTitle(provider);
  const transport = adapter.createTransport({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
  });
  const policy = resolvePolicy(provider, options, overrides);
  const changeCaps: Readonly<Record<ChangeName, ChangeCapability>> = {
    agentId: capabilities.agentId,
    label: capabilities.label,
    outboundAgentId: capabilities.outboundAgentId,
  };
  // Only a vendor whose response schema can hold a secret pays for a redaction walk.
  const secretFields = transport.descriptor.secrets.response;
  const secrets: ReadonlySet<string> | undefined = secretFields.length > 0 ? new Set(secretFields) : undefined;
  const { checkId, checkVendor, refine, required } = adapter;
  // Request fields whose values are secrets (vendor.yaml's secrets.request): a vendor that echoes
  // one back must not make it visible.
  const requestSecrets = transport.descriptor.secrets.request;
  // The API key in use, as the transport resolved it (option or env var), for the error path.
  const { auth } = transport.descriptor;
  const authValue = transport.headers[auth.header];
  const apiKey =
    authValue === undefined ? "" : auth.scheme === "bearer" ? authValue.replace(/^Bearer /, "") : authValue;
  const keySecrets: readonly string[] = apiKey.length >= 4 ? [apiKey] : [];
  /** An id as an input error may quote it: a key inside replaced before it is shortened. */
  const quote = (value: unknown): string => describe(typeof value === "string" ? scrub(value, keySecrets) : value);
  const allSecrets: ReadonlySet<string> = new Set([...requestSecrets, ...secretFields]);

  /** The secret values a call's passthrough carries; empty (and free) in the common case. */
  const secretValuesOf = (vendor: unknown): string[] => {
    const values: string[] = [];
    if (requestSecrets.length === 0 || !isRecord(vendor)) return values;
    for (const name of requestSecrets) {
      const value = vendor[name];
      if (typeof value === "string" && value.length >= 4) values.push(value);
    }
    return values;
  };

  // The limits the vendor's spec declares on the id and on the field the label goes to; the
  // facade's own label limit only where it declares none (docs/CONTRACT.md#facade-updateid-changes-options).
  const { limits, update: operation } = transport.descriptor;
  const labelField = capabilities.label.field;
  const label = labelCheck(
    labelField === undefined ? undefined : limits?.body?.[labelField],
    `${title}'s ${labelField ?? "label"}`,
  );
  const idLimits = stringCheck(limits?.id, `${title}'s ${operation.param}`, true);

  const invalidResponse = (status: number, detail: string): PhoneBridgeError =>
    new PhoneBridgeError({ code: "invalid_response", provider, status, detail });

  /** Every input rule of the contract; throws the first broken one. Returns the body to send. */
  const check = (id: unknown, changes: unknown, vendor: unknown): Record<string, unknown> => {
    if (typeof id !== "string") throw inputError(provider, "id", `the id must be a string, not ${quote(id)}`);
    if (id === "") throw inputError(provider, "id", "the id is empty");
    if (id === "." || id === "..") throw inputError(provider, "id", `the id ${quote(id)} cannot be a path segment`);
    if (BAD_ID.test(id)) {
      throw inputError(provider, "id", `the id ${quote(id)} holds "/", whitespace or a control character`);
    }
    if (LONE_SURROGATE.test(id)) {
      throw inputError(provider, "id", `the id ${quote(id)} holds a lone surrogate (it is not valid Unicode)`);
    }
    const idProblem = idLimits(id);
    if (idProblem !== undefined) throw inputError(provider, "id", `the id ${quote(id)} ${idProblem}`);
    if (checkId !== undefined) {
      const problem = checkId(id);
      if (problem !== undefined) throw inputError(provider, "id", problem);
    }
    if (!isRecord(changes)) {
      throw inputError(provider, "changes", `changes must be an object, not ${describe(changes)}`);
    }
    let count = 0;
    const given = changes;
    for (const key in given) {
      const value = given[key];
      if (value === undefined) continue;
      const cap = changeCaps[key as ChangeName];
      if (cap === undefined || !Object.hasOwn(changeCaps, key)) {
        throw inputError(
          provider,
          key,
          `unknown change "${key}": use agentId, label or outboundAgentId (vendor fields go in options.vendor)`,
        );
      }
      if (value === null) {
        if (cap.clear === "unsupported") {
          throw new PhoneBridgeError({
            code: "unsupported_change",
            provider,
            field: key,
            detail:
              cap.set === "unsupported"
                ? `${title} has no ${key} field: the change is not supported`
                : `${key} cannot be cleared (null) on ${title}: the vendor's field is not nullable`,
          });
        }
      } else if (cap.set === "unsupported") {
        throw new PhoneBridgeError({
          code: "unsupported_change",
          provider,
          field: key,
          detail: `${title} has no ${key} field: the change is not supported`,
        });
      } else if (typeof value !== "string") {
        throw inputError(provider, key, `${key} must be a string or null, not ${describe(value)}`);
      } else if (key === "label") {
        if (value === "") throw inputError(provider, key, "label must not be empty: use null to clear it");
        if (CONTROL.test(value)) throw inputError(provider, key, "label must not contain control characters");
        const problem = label.check(value);
        if (problem !== undefined) throw inputError(provider, key, `label ${quote(value)} ${problem}`);
      } else if (value === "") {
        throw inputError(provider, key, `${key} must not be empty: use null to remove the agent`);
      } else if (CONTROL.test(value)) {
        throw inputError(provider, key, `${key} must not contain control characters`);
      }
      count++;
    }
    const body = adapter.build(given as CheckedChanges);
    if (vendor !== undefined) {
      if (!isRecord(vendor)) {
        throw inputError(provider, "vendor", `options.vendor must be an object, not ${describe(vendor)}`);
      }
      const fields = vendor;
      for (const field in fields) {
        const value = fields[field];
        if (value === undefined) continue;
        if (field === "__proto__")
          throw inputError(provider, "vendor.__proto__", 'options.vendor cannot carry "__proto__"');
        if (!capabilities.passthrough) {
          throw inputError(
            provider,
            `vendor.${field}`,
            `${title} takes no fields through options.vendor ("${field}" given)`,
          );
        }
        for (const change in changeCaps) {
          if (changeCaps[change as ChangeName].field === field && given[change] !== undefined) {
            throw inputError(
              provider,
              `vendor.${field}`,
              `"${field}" is set both by the ${change} change and in options.vendor`,
            );
          }
        }
        body[field] = value;
        count++;
      }
      if (checkVendor !== undefined) {
        const problem = checkVendor(fields);
        if (problem !== undefined) throw inputError(provider, problem.field, problem.detail);
      }
    }
    if (count === 0) {
      throw inputError(
        provider,
        "changes",
        "nothing to change: set agentId, label or outboundAgentId, or a field in options.vendor",
      );
    }
    return body;
  };

  const attempt = async (id: string, body: unknown, signal: AbortSignal): Promise<PhoneNumberResult<P>> => {
    const response = await transport.send(id, body as Body, signal);
    const { status } = response;
    if (status < 200 || status > 299) {
      const error = await transport.errorFromResponse(response, 0);
      throw refine === undefined ? error : refine(error);
    }
    const text = await readBodyCapped(response);
    if (text === undefined) throw invalidResponse(status, "the response body is over 10 MiB");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidResponse(status, `the HTTP ${status} response body is not JSON`);
    }
    if (!isRecord(parsed)) throw invalidResponse(status, `the HTTP ${status} response body is not a JSON object`);
    // A body that echoes the API key (one substring search): replaced before anything is read.
    const data = transport.scrub(text) === text ? parsed : (transport.redact(parsed) as Record<string, unknown>);
    const missing = missingField(data, required);
    if (missing !== undefined)
      throw invalidResponse(status, `the HTTP ${status} response lacks the required field ${missing}`);
    const reading = adapter.read(data);
    if (typeof reading === "string") throw invalidResponse(status, `the HTTP ${status} response ${reading}`);
    return {
      provider,
      id,
      number: reading.number,
      label: reading.label,
      agentId: reading.agentId,
      outboundAgentId: reading.outboundAgentId,
      raw: (secrets !== undefined && holdsSecret(data, secrets)
        ? redact(data, secrets)
        : data) as PhoneNumberResult<P>["raw"],
    };
  };

  const update = async (id: string, changes: unknown, updateOptions?: { signal?: AbortSignal; vendor?: unknown }) => {
    let body: Record<string, unknown>;
    try {
      body = check(id, changes, updateOptions?.vendor);
    } catch (error) {
      // An input error may quote the id: never the API key, passed there by mistake.
      throw error instanceof PhoneBridgeError ? withoutSecrets(error, keySecrets) : error;
    }
    const signal = updateOptions?.signal;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw inputError(provider, "signal", "options.signal must be an AbortSignal");
    }
    const values = updateOptions?.vendor === undefined ? [] : secretValuesOf(updateOptions.vendor);
    if (values.length === 0) {
      return runWithRetries(provider, policy, (attemptSignal) => attempt(id, body, attemptSignal), signal);
    }
    // The passthrough carries secrets: whatever the vendor echoes of them is replaced too.
    try {
      const result = await runWithRetries(
        provider,
        policy,
        (attemptSignal) => attempt(id, body, attemptSignal),
        signal,
      );
      return redact(result, allSecrets, values) as typeof result;
    } catch (error) {
      throw error instanceof PhoneBridgeError ? withoutSecrets(error, [...keySecrets, ...values]) : error;
    }
  };

  /** The request `update` would send, redacted, sent nowhere: the same checks, no fetch, no timers. */
  const plan = (id: string, changes: unknown, planOptions?: { vendor?: unknown }): PlannedRequest => {
    let body: Record<string, unknown>;
    try {
      body = check(id, changes, planOptions?.vendor);
    } catch (error) {
      throw error instanceof PhoneBridgeError ? withoutSecrets(error, keySecrets) : error;
    }
    const planned = describeRequest(transport, id, body as Body);
    const values = planOptions?.vendor === undefined ? [] : secretValuesOf(planOptions.vendor);
    return values.length === 0 ? planned : (redact(planned, allSecrets, values) as PlannedRequest);
  };

  return { provider, update, plan } as PhoneNumbers<P>;
}
