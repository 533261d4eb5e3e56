/**
 * Cartesia: `PATCH /agents/phone-numbers/{id}` with the `Cartesia-Version` header (sent by the
 * transport). `label` can be set but not cleared (not nullable); no outbound agent.
 */
import { cartesiaDescriptor, type UpdatePhoneNumberBody } from "@phonebridge/cartesia";
import { responseValidators } from "@phonebridge/cartesia/validate";
import { type Adapter, isRecord, optionalAgentId, optionalString } from "../adapter.js";
import { UNSUPPORTED, type VendorCapabilities } from "../capabilities.js";
import { readOperations } from "../reads.js";

export const cartesiaCapabilities = {
  agentId: { set: "documented", clear: "documented", field: "agent_id" },
  label: {
    set: "documented",
    clear: "unsupported",
    field: "label",
    note: "its label is not nullable: it cannot be cleared",
  },
  outboundAgentId: UNSUPPORTED,
  passthrough: true,
  reads: { get: "inferred", list: "inferred", agentFilter: "agent_id", find: "q" },
} as const satisfies VendorCapabilities;

export const cartesiaAdapter: Adapter<"cartesia", UpdatePhoneNumberBody> = {
  provider: "cartesia",
  capabilities: cartesiaCapabilities,
  descriptor: cartesiaDescriptor,
  build(changes) {
    const body: Record<string, unknown> = {};
    if (changes.agentId !== undefined) body.agent_id = changes.agentId;
    if (changes.label !== undefined) body.label = changes.label;
    return body;
  },
  validators: responseValidators,
  idField: "id",
  readOperations,
  read: (data) => ({
    number: optionalString(data.number),
    label: optionalString(data.label),
    agentId: isRecord(data.agent) ? optionalAgentId(data.agent.id) : null,
    outboundAgentId: null,
  }),
};
