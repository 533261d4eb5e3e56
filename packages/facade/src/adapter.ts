import {
  isRecord,
  type Pipeline,
  type Provider,
  type RequestOptions,
  type ResponseValidators,
  type VendorDescriptor,
} from "@phonebridge/core";
import type { VendorCapabilities } from "./capabilities.js";

/** The normalized fields an adapter reads from a vendor's 2xx body: null where it cannot read one. */
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
  /** The vendor package's validators of its response bodies (`@phonebridge/<vendor>/validate`). */
  readonly validators: ResponseValidators;
  /**
   * Reads a 2xx body (a JSON object, which may deviate from the spec): a field that is absent or
   * of another type is null, never an error; the validators say how the body deviates
   * (docs/CONTRACT.md#facade-result).
   */
  read(data: Record<string, unknown>): Reading;
  /** The field of a read body that is the number's id (what `get` and `update` take); with the reads only. */
  readonly idField?: string;
  /** `readOperations` of reads.ts, for a vendor that documents reading (its `get` and `list`). */
  readonly readOperations?: (
    adapter: Adapter<P>,
    transport: Pipeline,
    checkRead: (id: unknown, options: unknown) => RequestOptions | undefined,
  ) => object;
}

// Small readers the adapters share. Each returns null for a value it cannot read (absent, null
// or of another type): drift, which the validators report, is never thrown.

export { isRecord };

/** Control characters (C0, DEL, C1): never in an id, an agent id or a label. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A string field: anything else is null. */
export function optionalString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** An agent id: `""` (a vendor's way to say "no agent") and anything but a string is null. */
export function optionalAgentId(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** The agent id of the first entry of a weighted agent list (`{ agent_id, weight }`), else null. */
export function firstAgentId(value: unknown): string | null {
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  return isRecord(first) ? optionalAgentId(first.agent_id) : null;
}
