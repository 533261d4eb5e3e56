/** Cald's facts for the facade's suites (test/vendors.ts), from its spec and docs. */
import type { AdapterTestData } from "../vendors.js";

const okBody = { phoneNumberId: "pn_1", phoneNumber: "+14155551234" };

export const data: AdapterTestData = {
  id: "pn_1",
  okBody,
  drifted: [
    [
      "phoneNumber a number",
      { ...okBody, phoneNumber: 14155551234, agentId: "ag_1" },
      { number: null, label: null, agentId: "ag_1", outboundAgentId: null },
      ["phoneNumber"],
    ],
    [
      "agentId a number",
      { ...okBody, agentId: 5 },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["agentId"],
    ],
    [
      "agentId an object",
      { ...okBody, agentId: { id: "a" } },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["agentId"],
    ],
    [
      "price a string",
      { ...okBody, price: "1.00" },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["price"],
    ],
  ],
  echoing: (text) => ({ ...okBody, description: `key ${text}` }),
  wire: {
    assign: { agentId: "A" },
    // Cald removes the agent when a request lacks agentId.
    remove: {},
    "set label": "unsupported",
    "clear label": "unsupported",
    "outbound assign": "unsupported",
    "outbound remove": "unsupported",
    "several changes merge into one body": "unsupported",
  },
  planChanges: { agentId: "agent_1" },
  prism: {
    id: "pn_7",
    method: "PATCH",
    target: "/phonenumbers/pn_7",
    headers: (key) => ({ Authorization: key }),
    result: { number: "string", label: null, agentId: "string", outboundAgentId: null },
    // Cald takes no passthrough fields: refused before anything is sent.
    refused: { changes: { agentId: "A" }, vendor: { agentId: 5 }, error: { code: "invalid_input", attempts: 0 } },
  },
};
