import {
  bodyText,
  describeRequest,
  MAX_QUOTED,
  NotJsonError,
  ownFields,
  PhoneBridgeError,
  type PlannedRequest,
  type Provider,
  pollutedError,
  providerTitle,
  readBodyCapped,
  Secrets,
  snapshotJson,
  toJsonPolluted,
} from "@phonebridge/core";
import { type Adapter, type CheckedChanges, CONTROL, isRecord, missingField } from "./adapter.js";
import { CHANGE_NAMES, type ChangeCapability, type ChangeName } from "./capabilities.js";
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

/** The secret values among a call's passthrough fields: strings under a secret field name, at any depth. */
function passthroughSecrets(value: unknown, names: ReadonlySet<string>, found: string[] = [], depth = 0): string[] {
  if (depth > 100 || value === null || typeof value !== "object") return found;
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === "string" && names.has(name)) found.push(item);
    else passthroughSecrets(item, names, found, depth + 1);
  }
  return found;
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
  // Only the caller's own options count, each read once (docs/CONTRACT.md, facade rules).
  const given = ownFields(options) as Omit<PhoneNumbersOptions<P>, "provider"> & { provider?: unknown };
  // A per-vendor entry (`@phonebridge/facade/<vendor>`) lets `provider` be left out, never differ.
  const pinned = given.provider;
  if (pinned !== undefined && pinned !== provider) {
    const quoted = new Secrets([], [given.apiKey]).quote(pinned);
    throw new TypeError(`@phonebridge/facade/${provider}: provider must be ${JSON.stringify(provider)}, not ${quoted}`);
  }
  const title = providerTitle(provider);
  const transport = adapter.createTransport({ apiKey: given.apiKey, baseUrl: given.baseUrl, fetch: given.fetch });
  const policy = resolvePolicy(provider, given, overrides);
  const changeCaps: Readonly<Record<ChangeName, ChangeCapability>> = {
    agentId: capabilities.agentId,
    label: capabilities.label,
    outboundAgentId: capabilities.outboundAgentId,
  };
  const { checkId, checkVendor, refine, required } = adapter;
  // The API key and the vendor's secret fields (docs/CONTRACT.md#secrets). A call adds the
  // secret values it sends through options.vendor (the fields of vendor.yaml's secrets.request),
  // so that whatever the vendor echoes of them is redacted wherever it is kept, and before
  // anything is cut.
  const clientSecrets = transport.secrets;
  const requestSecrets: ReadonlySet<string> = new Set(transport.descriptor.secrets.request);

  /**
   * The options of a call, read once: its own `signal` and `vendor`, the passthrough as a
   * snapshot of JSON data (checked and sent from the snapshot only), and the call's secrets.
   */
  const readOptions = (
    options: unknown,
  ): { signal: unknown; vendor: Record<string, unknown> | undefined; secrets: Secrets } => {
    if (options !== undefined && options !== null && typeof options !== "object") {
      throw inputError(provider, "options", `options must be an object, not ${clientSecrets.quote(options)}`);
    }
    const { signal, vendor: given } = ownFields(options);
    if (given === undefined) return { signal, vendor: undefined, secrets: clientSecrets };
    if (!isRecord(given)) {
      throw inputError(provider, "vendor", `options.vendor must be an object, not ${clientSecrets.quote(given)}`);
    }
    const vendor: Record<string, unknown> = Object.create(null);
    const fields = ownFields(given);
    for (const field in fields) {
      if (fields[field] === undefined) continue;
      try {
        vendor[field] = snapshotJson(fields[field], field);
      } catch (error) {
        if (!(error instanceof NotJsonError)) throw error;
        throw inputError(
          provider,
          `vendor.${clientSecrets.clip(field, MAX_QUOTED)}`,
          `options.vendor ${clientSecrets.quote(error.path)} ${error.reason}`,
        );
      }
    }
    const secrets =
      requestSecrets.size === 0 ? clientSecrets : clientSecrets.with(passthroughSecrets(vendor, requestSecrets));
    return { signal, vendor, secrets };
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

  /**
   * Every input rule of the contract; throws the first broken one. Returns the body to send,
   * built from snapshots only (`changes` is read once here, `vendor` was by readOptions). A
   * message quotes at most 40 characters of an input, the call's secrets redacted first.
   */
  const check = (
    id: unknown,
    changes: unknown,
    vendor: Record<string, unknown> | undefined,
    secrets: Secrets,
  ): Record<string, unknown> => {
    const quote = (value: unknown): string => secrets.quote(value);
    /** A field name from the caller's input, as an error's `field` holds it. */
    const fieldName = (name: string): string => secrets.clip(name, MAX_QUOTED);
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
      if (problem !== undefined) throw inputError(provider, "id", `the id ${quote(id)} ${problem}`);
    }
    if (!isRecord(changes)) {
      throw inputError(provider, "changes", `changes must be an object, not ${quote(changes)}`);
    }
    let count = 0;
    const given = ownFields(changes);
    for (const key in given) {
      const value = given[key];
      if (value === undefined) continue;
      const cap = changeCaps[key as ChangeName];
      if (cap === undefined || !Object.hasOwn(changeCaps, key)) {
        throw inputError(
          provider,
          fieldName(key),
          `unknown change ${quote(key)}: use agentId, label or outboundAgentId (vendor fields go in options.vendor)`,
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
        throw inputError(provider, key, `${key} must be a string or null, not ${quote(value)}`);
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
      const fields = vendor;
      for (const field in fields) {
        const value = fields[field];
        if (field === "__proto__")
          throw inputError(provider, "vendor.__proto__", 'options.vendor cannot carry "__proto__"');
        if (!capabilities.passthrough) {
          throw inputError(
            provider,
            `vendor.${fieldName(field)}`,
            `${title} takes no fields through options.vendor (${quote(field)} given)`,
          );
        }
        for (const change of CHANGE_NAMES) {
          if (changeCaps[change].field === field && given[change] !== undefined) {
            throw inputError(
              provider,
              `vendor.${field}`,
              `${quote(field)} is set both by the ${change} change and in options.vendor`,
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

  const attempt = async (
    id: string,
    body: unknown,
    secrets: Secrets,
    signal: AbortSignal,
  ): Promise<PhoneNumberResult<P>> => {
    const response = await transport.send(id, body as Body, signal);
    const { status } = response;
    if (status < 200 || status > 299) {
      const error = await transport.errorFromResponse(response, 0, secrets);
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
    // Secrets the body holds (echoed, escaped, as property names, secret fields) are replaced
    // before anything is read; a body that holds none is not copied (a few substring searches).
    const data = secrets.redactParsed(text, parsed) as Record<string, unknown>;
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
      raw: data as PhoneNumberResult<P>["raw"],
    };
  };

  const update = async (id: string, changes: unknown, updateOptions?: unknown) => {
    const { signal, vendor, secrets } = readOptions(updateOptions);
    const body = check(id, changes, vendor, secrets);
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw inputError(provider, "signal", "options.signal must be an AbortSignal");
    }
    if (toJsonPolluted()) throw pollutedError(provider);
    return runWithRetries(
      provider,
      policy,
      (attemptSignal) => attempt(id, body, secrets, attemptSignal),
      signal,
      secrets,
    );
  };

  /** The request `update` would send, redacted, sent nowhere: the same checks, no fetch, no timers. */
  const plan = (id: string, changes: unknown, planOptions?: unknown): PlannedRequest => {
    const { vendor, secrets } = readOptions(planOptions);
    const body = check(id, changes, vendor, secrets);
    // As plain JSON data (the snapshot's objects have no prototype), exactly what would be sent.
    const text = bodyText(body);
    if (text === undefined) throw pollutedError(provider);
    return describeRequest(transport, id, JSON.parse(text) as Body, secrets);
  };

  return { provider, update, plan } as PhoneNumbers<P>;
}
