/**
 * Cartesia: `PATCH /agents/phone-numbers/{id}` with the `Cartesia-Version` header (sent by the
 * transport). `label` can be set but not cleared (not nullable); no outbound agent.
 */
import { cartesiaDescriptor, type UpdatePhoneNumberBody } from "@phonebridge/cartesia";
import { type Adapter, isRecord, optionalAgentId, optionalString, requiredString, WRONG } from "../adapter.js";
import { UNSUPPORTED, type VendorCapabilities } from "../capabilities.js";

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
  required: ["id", "number", "agent", "created_at", "updated_at", "provider"],
  read(data) {
    const number = requiredString(data.number);
    if (number === WRONG) return "field number is not a string";
    const label = optionalString(data.label);
    if (label === WRONG) return "field label is not a string";
    let agentId: string | null = null;
    if (data.agent !== null) {
      if (!isRecord(data.agent)) return "field agent is not an object or null";
      const id = optionalAgentId(data.agent.id);
      if (id === WRONG || data.agent.id === undefined) return "field agent.id is missing or not a string";
      if (data.agent.name === undefined) return "lacks the required field agent.name";
      agentId = id;
    }
    return { number, label, agentId, outboundAgentId: null };
  },
};
