/** Cartesia's facts for the facade's suites (test/vendors.ts), from its spec and docs. */
import fc from "fast-check";
import { agentId } from "../arbitraries.js";
import type { AdapterTestData } from "../vendors.js";

const okBody = {
  id: "pn_1",
  number: "+14155551234",
  label: null,
  agent: null,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  provider: { type: "cartesia" },
};

export const data: AdapterTestData = {
  id: "pn_1",
  okBody,
  drifted: [
    [
      "missing number",
      { ...okBody, number: undefined },
      { number: null, label: null, agentId: null, outboundAgentId: null },
      ["number"],
    ],
    [
      "missing provider",
      { ...okBody, provider: undefined },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["provider"],
    ],
    [
      "missing agent",
      { ...okBody, agent: undefined },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["agent"],
    ],
    [
      "number a number",
      { ...okBody, number: 5 },
      { number: null, label: null, agentId: null, outboundAgentId: null },
      ["number"],
    ],
    [
      "label a number",
      { ...okBody, label: 5 },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["label"],
    ],
    [
      "agent a string",
      { ...okBody, agent: "ag_1" },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["agent"],
    ],
    [
      "agent.id a number",
      { ...okBody, agent: { id: 5, name: "n" } },
      { number: "+14155551234", label: null, agentId: null, outboundAgentId: null },
      ["agent.id"],
    ],
    [
      "agent without name",
      { ...okBody, agent: { id: "ag_1" } },
      { number: "+14155551234", label: null, agentId: "ag_1", outboundAgentId: null },
      ["agent.name"],
    ],
    [
      "a provider of an unknown type",
      { ...okBody, label: "Desk", provider: { type: "plivo" } },
      { number: "+14155551234", label: "Desk", agentId: null, outboundAgentId: null },
      ["provider.type"],
    ],
  ],
  echoing: (text) => ({ ...okBody, label: `key ${text}` }),
  wire: {
    assign: { agent_id: "A" },
    remove: { agent_id: null },
    "set label": { label: "X" },
    "clear label": "unsupported",
    "outbound assign": "unsupported",
    "outbound remove": "unsupported",
    "several changes merge into one body": "unsupported",
  },
  planChanges: { agentId: "agent_1", label: "Front desk" },
  prism: {
    id: "pn_01HXYZ",
    method: "PATCH",
    target: "/agents/phone-numbers/pn_01HXYZ",
    headers: (key) => ({ "Cartesia-Version": "2026-03-01", Authorization: `Bearer ${key}` }),
    result: { number: "string", label: "string", agentId: "string", outboundAgentId: null },
    refused: {
      changes: { agentId: "A" },
      vendor: { provider: "not-an-object" },
      error: { code: "validation", attempts: 1 },
    },
  },
  arbitraries: {
    vendor: fc.option(fc.record({ provider: fc.record({ id: agentId }) }), { nil: undefined }),
  },
};
