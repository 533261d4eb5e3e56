/**
 * Normalization (docs/CONTRACT.md#facade-result): the vendor's 2xx body read into the result
 * `{ provider, id, number, label, agentId, outboundAgentId, raw }`, `raw` redacted. Whatever the
 * body lacks or holds of the wrong type is said as a string, which the request pipeline turns
 * into an `invalid_response` carrying the status: never a result with invented values.
 */
import type { Provider, Secrets } from "@phonebridge/core";
import { type Adapter, isRecord, missingField } from "./adapter.js";
import type { PhoneNumberResult } from "./types.js";

/** Reads the 2xx body of the update of `id` (parsed from `text`) with the call's `secrets`. */
export function readResult<P extends Provider>(
  adapter: Adapter<P>,
  id: string,
  data: unknown,
  text: string,
  secrets: Secrets,
): PhoneNumberResult<P> | string {
  if (!isRecord(data)) return `body is not ${text ? "a JSON object" : "JSON"}`;
  // Secrets the body holds (echoed, escaped, as property names, secret fields) are replaced
  // before anything is read; a body that holds none is not copied (a few substring searches).
  const raw = secrets.redactParsed(text, data) as Record<string, unknown>;
  const missing = missingField(raw, adapter.required);
  if (missing !== undefined) return `lacks the required field ${missing}`;
  const reading = adapter.read(raw);
  if (typeof reading === "string") return reading;
  return {
    provider: adapter.provider,
    id,
    number: reading.number,
    label: reading.label,
    agentId: reading.agentId,
    outboundAgentId: reading.outboundAgentId,
    raw: raw as PhoneNumberResult<P>["raw"],
  };
}
