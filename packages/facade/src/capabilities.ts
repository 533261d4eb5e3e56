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

/** What one vendor supports: one entry per change, and whether `options.vendor` is accepted. */
export interface VendorCapabilities {
  readonly agentId: ChangeCapability;
  readonly label: ChangeCapability;
  readonly outboundAgentId: ChangeCapability;
  /** False when the vendor takes no fields beyond the mapped ones through `options.vendor`. */
  readonly passthrough: boolean;
}

export const UNSUPPORTED = { set: "unsupported", clear: "unsupported" } as const satisfies ChangeCapability;
