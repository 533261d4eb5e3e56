/**
 * The input rules of the facade (docs/CONTRACT.md#facade-updateid-changes-options): what `update`
 * and `plan` accept, checked before anything is sent, and the request body built from one
 * reading of the caller's input. Pure: no request, no timer, no state between calls.
 */
import {
  inputError,
  MAX_QUOTED,
  NotJsonError,
  ownFields,
  PhoneBridgeError,
  type Provider,
  providerTitle,
  type RequestOptions,
  type Secrets,
  secretValuesIn,
  snapshotJson,
} from "@phonebridge/core";
import { type Adapter, type CheckedChanges, CONTROL, isRecord } from "./adapter.js";
import { CHANGE_NAMES, type ChangeName } from "./capabilities.js";
import { labelCheck, stringCheck } from "./limits.js";

/** What an id may never contain: `/`, whitespace, control characters. */
const BAD_ID = /[/\s\u0000-\u001f\u007f-\u009f]/;
/** Half of a UTF-16 pair on its own: not Unicode, so it can never be percent-encoded into a path. */
const LONE_SURROGATE = /\p{Cs}/u;

export { MAX_LABEL_LENGTH } from "./limits.js";

/** One call, checked: the body to send, the call's secrets, and its options for the request pipeline. */
export interface CheckedCall {
  readonly body: Record<string, unknown>;
  /** The client's secrets and the secret values this call sends through `options.vendor`. */
  readonly secrets: Secrets;
  /** The call's own options, read once (its `signal`, `timeoutMs`, `maxRetries`, `headers`, `withResponse`). */
  readonly options: RequestOptions | undefined;
}

/**
 * The rules of one vendor, prepared once: `check(id, changes, options)` applies every rule of
 * the contract and throws the first broken one (an `invalid_input` or `unsupported_change` that
 * names the field and the vendor); it returns the call, built from snapshots only. A message
 * quotes at most 40 characters of an input, the call's secrets redacted first.
 */
export function inputRules<P extends Provider>(adapter: Adapter<P>, clientSecrets: Secrets) {
  const { provider, capabilities, checkId, checkVendor } = adapter;
  const title = providerTitle(provider);
  const requestSecrets: ReadonlySet<string> = new Set(adapter.descriptor.secrets.request);
  // The limits the vendor's spec declares on the id and on the field the label goes to; the
  // facade's own label limit only where it declares none (docs/CONTRACT.md#facade-updateid-changes-options).
  const { limits, update: operation } = adapter.descriptor;
  const labelField = capabilities.label.field;
  const label = labelCheck(
    labelField === undefined ? undefined : limits?.body?.[labelField],
    `${title}'s ${labelField ?? "label"}`,
  );
  const idLimits = stringCheck(limits?.id, `${title}'s ${operation.param}`, true);
  const unsupported = (key: string, detail: string) =>
    new PhoneBridgeError({ code: "unsupported_change", provider, field: key, detail });

  /**
   * The options of a call, read once: its own `vendor` (as a snapshot of JSON data, checked and
   * sent from the snapshot only), the request options, and the call's secrets.
   */
  const readOptions = (
    options: unknown,
  ): [Record<string, unknown> | undefined, Secrets, RequestOptions | undefined] => {
    if (options !== undefined && options !== null && typeof options !== "object") {
      throw inputError(provider, "options", `options must be an object, not ${clientSecrets.quote(options)}`);
    }
    if (options === undefined || options === null) return [undefined, clientSecrets, undefined];
    const call = ownFields(options);
    const given = call.vendor;
    if (given === undefined) return [undefined, clientSecrets, call];
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
    // The secret values it sends (the fields of vendor.yaml's secrets.request): whatever the
    // vendor echoes of them is redacted wherever it is kept, and before anything is cut
    // (docs/CONTRACT.md#secrets).
    const secrets = requestSecrets.size ? clientSecrets.with(secretValuesIn(vendor, requestSecrets)) : clientSecrets;
    return [vendor, secrets, call];
  };

  const check = (id: unknown, changes: unknown, options: unknown): CheckedCall => {
    const [vendor, secrets, call] = readOptions(options);
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
    const problem = checkId?.(id);
    if (problem !== undefined) throw inputError(provider, "id", `the id ${quote(id)} ${problem}`);
    if (!isRecord(changes)) {
      throw inputError(provider, "changes", `changes must be an object, not ${quote(changes)}`);
    }
    let count = 0;
    const given = ownFields(changes);
    for (const key in given) {
      const value = given[key];
      if (value === undefined) continue;
      const cap = Object.hasOwn(capabilities, key) ? capabilities[key as ChangeName] : undefined;
      if (cap === undefined || key === "passthrough") {
        throw inputError(
          provider,
          fieldName(key),
          `unknown change ${quote(key)}: use agentId, label or outboundAgentId (vendor fields go in options.vendor)`,
        );
      }
      if (value === null ? cap.clear === "unsupported" : cap.set === "unsupported") {
        throw unsupported(
          key,
          cap.set === "unsupported"
            ? `${title} has no ${key} field: the change is not supported`
            : `${key} cannot be cleared (null) on ${title}: the vendor's field is not nullable`,
        );
      }
      if (value === null) {
        // Removal: nothing more to check.
      } else if (typeof value !== "string") {
        throw inputError(provider, key, `${key} must be a string or null, not ${quote(value)}`);
      } else if (key === "label") {
        if (value === "") throw inputError(provider, key, "label must not be empty: use null to clear it");
        if (CONTROL.test(value)) throw inputError(provider, key, "label must not contain control characters");
        const labelProblem = label.check(value);
        if (labelProblem !== undefined) throw inputError(provider, key, `label ${quote(value)} ${labelProblem}`);
      } else if (value === "") {
        throw inputError(provider, key, `${key} must not be empty: use null to remove the agent`);
      } else if (CONTROL.test(value)) {
        throw inputError(provider, key, `${key} must not contain control characters`);
      }
      count++;
    }
    const body = adapter.build(given as CheckedChanges);
    if (vendor !== undefined) {
      for (const field in vendor) {
        if (field === "__proto__") {
          throw inputError(provider, "vendor.__proto__", 'options.vendor cannot carry "__proto__"');
        }
        if (!capabilities.passthrough) {
          throw inputError(
            provider,
            `vendor.${fieldName(field)}`,
            `${title} takes no fields through options.vendor (${quote(field)} given)`,
          );
        }
        for (const change of CHANGE_NAMES) {
          if (capabilities[change].field === field && given[change] !== undefined) {
            throw inputError(
              provider,
              `vendor.${field}`,
              `${quote(field)} is set both by the ${change} change and in options.vendor`,
            );
          }
        }
        body[field] = vendor[field];
        count++;
      }
      const refused = checkVendor?.(vendor);
      if (refused !== undefined) throw inputError(provider, refused.field, refused.detail);
    }
    if (count === 0) {
      throw inputError(
        provider,
        "changes",
        "nothing to change: set agentId, label or outboundAgentId, or a field in options.vendor",
      );
    }
    return { body, secrets, options: call };
  };

  return { check };
}
