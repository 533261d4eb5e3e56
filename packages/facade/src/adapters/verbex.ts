/**
 * Verbex: `PATCH /v1/phone-numbers/{phone_number_id}`. No published server (baseUrl or
 * VERBEX_BASE_URL required) and no declared auth (a bearer key is sent when given, †). Its
 * response can hold `twilio_auth_token` and `sip_trunk_password`, redacted in `raw` by the engine
 * from the vendor package's descriptor.
 */
import { type UpdatePhoneNumberBody, verbexDescriptor } from "@phonebridge/verbex";
import { responseValidators } from "@phonebridge/verbex/validate";
import { type Adapter, optionalAgentId, optionalString } from "../adapter.js";
import { NO_READS, type VendorCapabilities } from "../capabilities.js";

export const verbexCapabilities = {
  agentId: { set: "documented", clear: "inferred", field: "inbound_agent_id" },
  label: { set: "documented", clear: "inferred", field: "friendly_name" },
  outboundAgentId: { set: "documented", clear: "inferred", field: "outbound_agent_id" },
  passthrough: true,
  reads: NO_READS,
} as const satisfies VendorCapabilities;

export const verbexAdapter: Adapter<"verbex", UpdatePhoneNumberBody> = {
  provider: "verbex",
  capabilities: verbexCapabilities,
  descriptor: verbexDescriptor,
  build(changes) {
    const body: Record<string, unknown> = {};
    if (changes.agentId !== undefined) body.inbound_agent_id = changes.agentId;
    if (changes.label !== undefined) body.friendly_name = changes.label;
    if (changes.outboundAgentId !== undefined) body.outbound_agent_id = changes.outboundAgentId;
    return body;
  },
  validators: responseValidators,
  read: (data) => ({
    number: optionalString(data.phone_number),
    label: optionalString(data.friendly_name),
    agentId: optionalAgentId(data.inbound_agent_id),
    outboundAgentId: optionalAgentId(data.outbound_agent_id),
  }),
};
