/**
 * Vogent: `PUT /phone_numbers/{id}`. Only the agent: `""` unlinks it on the wire (its page says
 * so), and an `agentId` of `""` or null in the response means no agent.
 */
import { type UpdatePhoneNumberBody, vogentDescriptor } from "@phonebridge/vogent";
import { responseValidators } from "@phonebridge/vogent/validate";
import { type Adapter, optionalAgentId, optionalString } from "../adapter.js";
import { UNSUPPORTED, type VendorCapabilities } from "../capabilities.js";
import { readOperations } from "../reads.js";

export const vogentCapabilities = {
  agentId: {
    set: "documented",
    clear: "documented",
    field: "agentId",
    note: "removal is sent as the empty string, as Vogent documents",
  },
  label: UNSUPPORTED,
  outboundAgentId: UNSUPPORTED,
  passthrough: true,
  reads: { get: "documented", list: "documented", agentFilter: "client", find: "scan" },
} as const satisfies VendorCapabilities;

export const vogentAdapter: Adapter<"vogent", UpdatePhoneNumberBody> = {
  provider: "vogent",
  capabilities: vogentCapabilities,
  descriptor: vogentDescriptor,
  build(changes) {
    const body: Record<string, unknown> = {};
    if (changes.agentId !== undefined) body.agentId = changes.agentId === null ? "" : changes.agentId;
    return body;
  },
  validators: responseValidators,
  idField: "id",
  readOperations,
  read: (data) => ({
    number: optionalString(data.number),
    label: null,
    agentId: optionalAgentId(data.agentId),
    outboundAgentId: null,
  }),
};
