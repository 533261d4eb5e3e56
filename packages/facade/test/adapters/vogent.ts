/** Vogent's facts for the facade's suites (test/vendors.ts), from its page and hand-written spec. */
import type { AdapterTestData } from "../vendors.js";

const okBody = { id: "pn_1", number: "+14155551234", type: "PSTN", agentId: null };

export const data: AdapterTestData = {
  id: "pn_1",
  okBody,
  drifted: [
    [
      "missing agentId",
      { id: "pn_1", number: "+14155551234", type: "PSTN" },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["agentId"],
    ],
    [
      "missing type",
      { id: "pn_1", number: "+14155551234", agentId: "ag_1" },
      { number: "+14155551234", label: null, agentId: "ag_1", outboundAgentId: null },
      ["type"],
    ],
    [
      "an unknown type",
      { ...okBody, type: "WEBRTC" },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["type"],
    ],
    [
      "number a number",
      { ...okBody, number: 5 },
      { number: null, label: null, agentId: null, outboundAgentId: null },
      ["number"],
    ],
    [
      "agentId a number",
      { ...okBody, agentId: 5 },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["agentId"],
    ],
  ],
  echoing: (text) => ({ ...okBody, note: `key ${text}` }),
  wire: {
    assign: { agentId: "A" },
    remove: { agentId: "" },
    "set label": "unsupported",
    "clear label": "unsupported",
    "outbound assign": "unsupported",
    "outbound remove": "unsupported",
    "several changes merge into one body": "unsupported",
  },
  planChanges: { agentId: null },
  prism: {
    id: "pn_42",
    method: "PUT",
    target: "/phone_numbers/pn_42",
    headers: (key) => ({ Authorization: `Bearer ${key}` }),
    result: { number: "+18001234567", label: null, agentId: "string", outboundAgentId: null },
    refused: { changes: {}, vendor: { agentId: 5 }, error: { code: "validation", attempts: 1 } },
  },
};
