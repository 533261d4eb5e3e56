/**
 * Normalization (docs/CONTRACT.md#facade-result): the vendor's 2xx body read into the result
 * `{ provider, id, number, label, agentId, outboundAgentId, raw, drift? }`, `raw` redacted. A JSON
 * object that deviates from the vendor's spec is still a result, with what could be read and its
 * drift: the request was done. Only a body that is not a JSON object is said as a string, which
 * the request pipeline turns into an `invalid_response` carrying the status.
 */
import type { Drift, DriftCheck, Provider, Secrets } from "@phonebridge/core";
import { type Adapter, isRecord } from "./adapter.js";
import type { PhoneNumberResult } from "./types.js";

/**
 * The drift of `data` by `validate`, its paths scrubbed of the call's secrets: a path names the
 * body's property names, which can hold one. Its problems quote no value (packages/core/src/drift.ts).
 */
export function driftOf(validate: DriftCheck, data: unknown, secrets: Secrets): Drift[] {
  const drift = validate(data);
  for (let i = 0; i < drift.length; i += 1) {
    const { path, problem } = drift[i] as Drift;
    if (secrets.holds(path)) drift[i] = { path: secrets.scrub(path), problem };
  }
  return drift;
}

/**
 * Reads the 2xx body of the update of `id` (parsed from `text`) with the call's `secrets`, its
 * drift by `validate` (a read's: `get`, or `listItem` for an item of a list). `raw` is the body
 * redacted, when the caller already knows it (a listed item: its page was searched once).
 */
export function readResult<P extends Provider>(
  adapter: Adapter<P>,
  id: string,
  data: unknown,
  text: string,
  secrets: Secrets,
  validate: DriftCheck = adapter.validators.update,
  // Secrets the body holds (echoed, escaped, as property names, secret fields) are replaced
  // before anything is read; a body that holds none is not copied (a few substring searches).
  raw: Record<string, unknown> = secrets.redactParsed(text, data) as Record<string, unknown>,
): PhoneNumberResult<P> | string {
  // A 2xx that is not a JSON object (an HTML page from a wrong host, an empty body) means nothing
  // is known to have happened.
  if (!isRecord(data)) return `body is not ${text ? "a JSON object" : "JSON"}`;
  const reading = adapter.read(raw);
  const result: { -readonly [K in keyof PhoneNumberResult<P>]: PhoneNumberResult<P>[K] } = {
    provider: adapter.provider,
    id,
    number: reading.number,
    label: reading.label,
    agentId: reading.agentId,
    outboundAgentId: reading.outboundAgentId,
    raw: raw as PhoneNumberResult<P>["raw"],
  };
  // Checked on the body as received, so that a secret field of the wrong type is drift too.
  const drift = driftOf(validate, data, secrets);
  if (drift.length > 0) result.drift = drift;
  return result;
}
