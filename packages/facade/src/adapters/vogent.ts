/**
 * Vogent: `PUT /phone_numbers/{id}`. Only the agent: `""` unlinks it on the wire (its page says
 * so), and an `agentId` of `""` or null in the response means no agent.
 */
import { type UpdatePhoneNumberBody, vogentDescriptor } from "@phonebridge/vogent";
import { type Adapter, optionalAgentId, requiredString, WRONG } from "../adapter.js";
import { UNSUPPORTED, type VendorCapabilities } from "../capabilities.js";

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
  required: ["id", "number", "type", "agentId"],
  read(data) {
    const number = requiredString(data.number);
    if (number === WRONG) return "field number is not a string";
    const agentId = optionalAgentId(data.agentId);
    if (agentId === WRONG) return "field agentId is not a string or null";
    return { number, label: null, agentId, outboundAgentId: null };
  },
};
