import { isRecord, type Provider, type VendorDescriptor } from "@phonebridge/core";
import type { VendorCapabilities } from "./capabilities.js";

/** The normalized fields an adapter reads from a vendor's 200 body. */
export interface Reading {
  number: string | null;
  label: string | null;
  agentId: string | null;
  outboundAgentId: string | null;
}

/** The changes after validation: each key absent, a checked string, or `null`. */
export interface CheckedChanges {
  agentId?: string | null | undefined;
  label?: string | null | undefined;
  outboundAgentId?: string | null | undefined;
}

/**
 * Everything vendor-specific about the facade, one object per vendor in `adapters/<vendor>.ts`.
 * What is common lives elsewhere: the input rules (input.ts), the request pipeline of
 * @phonebridge/core (retries, time, errors and the vendor's refinements of them, redaction),
 * reading the body into a result (result.ts).
 */
export interface Adapter<P extends Provider = Provider, Body = unknown> {
  readonly provider: P;
  readonly capabilities: VendorCapabilities;
  /** What the vendor package knows of the vendor's API (base URL, auth, headers, operation, secrets, errors). */
  readonly descriptor: VendorDescriptor;
  /** The request body's type, for the type checker only. */
  readonly body?: Body;
  /**
   * A vendor rule on the id beyond the common ones; returns what is wrong, or undefined. The
   * engine quotes the id ("the id "…" <what is wrong>"), so an adapter never quotes input.
   */
  checkId?(id: string): string | undefined;
  /** Vendor rules on `options.vendor`; returns the field and what is wrong, or undefined. */
  checkVendor?(vendor: Readonly<Record<string, unknown>>): { field: string; detail: string } | undefined;
  /** The request body for checked changes; passthrough fields are merged in by the engine. */
  build(changes: CheckedChanges): Record<string, unknown>;
  /**
   * Top-level fields the vendor's spec marks required in the 200 body (for a union, the fields
   * every member requires). The engine checks them before `read`; test/spec.test.ts checks this
   * list against the vendor package's effective spec.
   */
  readonly required: readonly string[];
  /** Reads a 200 body (a JSON object holding `required`); returns what is wrong with it as a string. */
  read(data: Record<string, unknown>): Reading | string;
}

// Small readers the adapters share. Each returns the value, or `WRONG` when the type is wrong.

export const WRONG: unique symbol = Symbol("wrong type");

export { isRecord };

/** Control characters (C0, DEL, C1): never in an id, an agent id or a label. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** An optional string field: absent or null is null. */
export function optionalString(value: unknown): string | null | typeof WRONG {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : WRONG;
}

/** The first agent id of a weighted agent list (`{ agent_id, weight }` required): absent, null or empty is null. */
export function firstAgentId(value: unknown): string | null | typeof WRONG {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return WRONG;
  if (value.length === 0) return null;
  for (const item of value) {
    if (!isRecord(item) || typeof item.agent_id !== "string" || typeof item.weight !== "number") return WRONG;
  }
  const first = (value[0] as { agent_id: string }).agent_id;
  return first === "" ? null : first;
}

/** The first required field absent from `data`, or undefined. */
export function missingField(data: Record<string, unknown>, required: readonly string[]): string | undefined {
  for (const field of required) if (data[field] === undefined) return field;
  return undefined;
}

/** An optional agent id: absent, null or `""` (a vendor's way to say "no agent") is null. */
export function optionalAgentId(value: unknown): string | null | typeof WRONG {
  if (value === undefined || value === null || value === "") return null;
  return typeof value === "string" ? value : WRONG;
}

/** A field the response must carry as a string. */
export function requiredString(value: unknown): string | typeof WRONG {
  return typeof value === "string" ? value : WRONG;
}
