/** Retell's facts for the facade's suites (test/vendors.ts), from its spec and docs. */
import fc from "fast-check";
import { agentId, e164, split } from "../arbitraries.js";
import type { AdapterTestData } from "../vendors.js";

const okBody = { phone_number: "+14157774444", phone_number_type: "custom", last_modification_timestamp: 1 };

export const data: AdapterTestData = {
  id: "+14157774444",
  okBody,
  drifted: [
    // Retell's update answered without phone_number_type: done, and read all the same.
    [
      "missing phone_number_type",
      { phone_number: "+14157774444", last_modification_timestamp: 1, nickname: "Desk" },
      { number: "+14157774444", label: "Desk", agentId: null, outboundAgentId: null },
      ["phone_number_type"],
    ],
    [
      "missing phone_number",
      { phone_number_type: "custom", last_modification_timestamp: 1 },
      { number: null, label: null, agentId: null, outboundAgentId: null },
      ["phone_number"],
    ],
    [
      "missing last_modification_timestamp",
      { phone_number: "+14157774444", phone_number_type: "custom" },
      { number: "+14157774444", label: null, agentId: null, outboundAgentId: null },
      ["last_modification_timestamp"],
    ],
    [
      "an unknown phone_number_type",
      { ...okBody, phone_number_type: "retell-plivo" },
      { number: "+14157774444", label: null, agentId: null, outboundAgentId: null },
      ["phone_number_type"],
    ],
    [
      "phone_number a number",
      { ...okBody, phone_number: 14157774444 },
      { number: null, label: null, agentId: null, outboundAgentId: null },
      ["phone_number"],
    ],
    [
      "nickname an object",
      { ...okBody, nickname: { text: "x" } },
      { number: "+14157774444", label: null, agentId: null, outboundAgentId: null },
      ["nickname"],
    ],
    [
      "inbound_agents a string",
      { ...okBody, inbound_agents: "agent_1" },
      { number: "+14157774444", label: null, agentId: null, outboundAgentId: null },
      ["inbound_agents"],
    ],
    [
      "outbound_agents without weights",
      { ...okBody, outbound_agents: [{ agent_id: "a" }] },
      { number: "+14157774444", label: null, agentId: null, outboundAgentId: "a" },
      ["outbound_agents[0].weight"],
    ],
  ],
  echoing: (text) => ({
    ...okBody,
    nickname: `key ${text}`,
    inbound_webhook_url: `https://example.com/hook?key=${text}`,
  }),
  wire: {
    assign: { inbound_agents: [{ agent_id: "A", weight: 1 }] },
    remove: { inbound_agents: null },
    "set label": { nickname: "X" },
    "clear label": { nickname: null },
    "outbound assign": { outbound_agents: [{ agent_id: "B", weight: 1 }] },
    "outbound remove": { outbound_agents: null },
    "several changes merge into one body": {
      inbound_agents: [{ agent_id: "A", weight: 1 }],
      nickname: "X",
      outbound_agents: null,
    },
  },
  planChanges: { agentId: "agent_1", label: "Front desk" },
  prism: {
    id: "+14157774444",
    method: "PATCH",
    target: "/update-phone-number/+14157774444",
    headers: (key) => ({ Authorization: `Bearer ${key}` }),
    result: {
      number: "+14157774444",
      label: "Frontdesk Number",
      agentId: "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
      outboundAgentId: "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
    },
    // Prism answers Retell's 422 with the spec's example message, "Cannot find requested asset
    // under given api key.", which the facade reads as not_found (docs/CONTRACT.md#errors, †).
    refused: {
      changes: { agentId: "A" },
      vendor: { nickname: 5 },
      error: { code: "not_found", status: 422, attempts: 1 },
    },
  },
  arbitraries: {
    id: e164,
    vendor: fc.option(
      fc.record(
        {
          inbound_sms_agents: split,
          inbound_webhook_url: fc.webUrl(),
          auth_username: agentId,
          auth_password: agentId,
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  },
};
