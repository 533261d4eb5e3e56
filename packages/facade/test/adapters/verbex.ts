/** Verbex's facts for the facade's suites (test/vendors.ts), from its spec and docs. */
import fc from "fast-check";
import { agentId } from "../arbitraries.js";
import type { AdapterTestData } from "../vendors.js";

const okBody = { phone_number: "+14155551234" };

export const data: AdapterTestData = {
  id: "pn_1",
  okBody,
  drifted: [
    [
      "missing phone_number",
      { friendly_name: "x" },
      { number: null, label: "x", agentId: null, outboundAgentId: null },
      ["phone_number"],
    ],
    [
      "phone_number null",
      { phone_number: null, inbound_agent_id: "ag_1" },
      { number: null, label: null, agentId: "ag_1", outboundAgentId: null },
      ["phone_number"],
    ],
    [
      "an unknown provider",
      { ...okBody, provider: "plivo" },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["provider"],
    ],
    [
      "friendly_name a number",
      { ...okBody, friendly_name: 5 },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["friendly_name"],
    ],
    [
      "inbound_agent_id a number",
      { ...okBody, inbound_agent_id: 5 },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["inbound_agent_id"],
    ],
    [
      "outbound_agent_id an array",
      { ...okBody, outbound_agent_id: ["a"] },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["outbound_agent_id"],
    ],
  ],
  echoing: (text) => ({ ...okBody, friendly_name: `key ${text}` }),
  wire: {
    assign: { inbound_agent_id: "A" },
    remove: { inbound_agent_id: null },
    "set label": { friendly_name: "X" },
    "clear label": { friendly_name: null },
    "outbound assign": { outbound_agent_id: "B" },
    "outbound remove": { outbound_agent_id: null },
    "several changes merge into one body": { inbound_agent_id: "A", friendly_name: "X", outbound_agent_id: null },
  },
  planChanges: { agentId: null, label: "Front desk", outboundAgentId: "agent_2" },
  prism: {
    id: "665f1c2e9b",
    method: "PATCH",
    target: "/v1/phone-numbers/665f1c2e9b",
    headers: (key) => ({ Authorization: `Bearer ${key}` }),
    result: { number: "string", label: "string", agentId: "string", outboundAgentId: "string" },
    refused: { changes: { agentId: "A" }, vendor: { friendly_name: 5 }, error: { code: "validation", attempts: 1 } },
  },
  arbitraries: {
    vendor: fc.option(fc.record({ sip_trunk_username: agentId, sip_trunk_password: agentId }, { requiredKeys: [] }), {
      nil: undefined,
    }),
  },
};
