/** The three changes the facade maps onto every vendor's own fields. */
export type ChangeName = "agentId" | "label" | "outboundAgentId";

/** The change names, in the order the README and errors use. */
export const CHANGE_NAMES: readonly ChangeName[] = ["agentId", "label", "outboundAgentId"];

/**
 * How a vendor supports one direction of a change: `documented` (its document says what the
 * request does), `inferred` (its schema accepts the request but does not say what it does;
 * marked † in the README) or `unsupported` (the vendor has no such field: a type error with a
 * literal provider, `unsupported_change` at run time).
 */
export type Support = "documented" | "inferred" | "unsupported";

export interface ChangeCapability {
  /** Setting the change to a string: assign an agent, set a label. */
  readonly set: Support;
  /** Setting the change to `null`: remove the agent, clear the label. */
  readonly clear: Support;
  /**
   * The vendor's request field this change writes; the same field given through
   * `options.vendor` as well is an `invalid_input` conflict. Absent when unsupported.
   */
  readonly field?: string;
  /** A remark shown in the README (how a removal goes on the wire, say). */
  readonly note?: string;
}

/** The read operations a vendor documents, and what each costs (docs/CONTRACT.md#facade-get-list-and-find). */
export interface ReadCapabilities {
  /** `get(id)`: `inferred` when the vendor's page was found only in part (†). */
  readonly get: Support;
  /** `list(filter?)`. */
  readonly list: Support;
  /**
   * How `list({ agentId })` filters: by the vendor's own query parameter named here, or
   * `"client"`: every page is read and the numbers of other agents are left out here.
   */
  readonly agentFilter?: string;
  /**
   * What `find(number)` costs: `get`, one request (the vendor's id is the number); a query
   * parameter's name, the vendor's fuzzy search, its answers checked here for the exact number;
   * `scan`, every page of the list.
   */
  readonly find?: string;
}

/** What one vendor supports: one entry per change, whether `options.vendor` is accepted, and the reads. */
export interface VendorCapabilities {
  readonly agentId: ChangeCapability;
  readonly label: ChangeCapability;
  readonly outboundAgentId: ChangeCapability;
  /** False when the vendor takes no fields beyond the mapped ones through `options.vendor`. */
  readonly passthrough: boolean;
  readonly reads: ReadCapabilities;
}

/** The read operations, in the order the README and errors use. */
export type ReadName = "get" | "list" | "find";

/** A vendor that documents no read operation. */
export const NO_READS = { get: "unsupported", list: "unsupported" } as const satisfies ReadCapabilities;

export const UNSUPPORTED = { set: "unsupported", clear: "unsupported" } as const satisfies ChangeCapability;
