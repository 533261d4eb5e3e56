/**
 * Retell: `PATCH /update-phone-number/{phone_number}`. Agents are weighted lists, so assigning
 * one agent replaces the number's whole list (an existing split or `agent_version` pin goes);
 * a split or a pinned version goes through `options.vendor`.
 */
import { retellDescriptor, type UpdatePhoneNumberBody } from "@phonebridge/retell";
import { responseValidators } from "@phonebridge/retell/validate";
import { type Adapter, CONTROL, firstAgentId, isRecord, optionalString } from "../adapter.js";
import type { VendorCapabilities } from "../capabilities.js";
import { readOperations } from "../reads.js";

export const retellCapabilities = {
  agentId: {
    set: "documented",
    clear: "inferred",
    field: "inbound_agents",
    note: "one agent with weight 1 replaces the whole inbound list",
  },
  label: { set: "documented", clear: "inferred", field: "nickname" },
  outboundAgentId: {
    set: "documented",
    clear: "inferred",
    field: "outbound_agents",
    note: "one agent with weight 1 replaces the whole outbound list",
  },
  passthrough: true,
  reads: { get: "inferred", list: "documented", agentFilter: "client", find: "get" },
} as const satisfies VendorCapabilities;

/** Retell identifies a number by its E.164 form. */
const E164 = /^\+[1-9]\d{1,14}$/;
const AGENT_LISTS = ["inbound_agents", "outbound_agents", "inbound_sms_agents", "outbound_sms_agents"] as const;

/** A weighted list from the passthrough: weights in (0, 1] summing to 1 (an empty list is passed on). */
function checkAgentList(list: unknown): string | undefined {
  if (list === null) return undefined;
  if (!Array.isArray(list)) return "must be a list of { agent_id, weight } or null";
  if (list.length === 0) return undefined;
  let sum = 0;
  for (const item of list) {
    if (!isRecord(item)) return "must hold { agent_id, weight } objects";
    const { agent_id: agentId, weight } = item;
    if (typeof agentId !== "string" || agentId === "" || CONTROL.test(agentId)) {
      return "holds an agent_id that is not a non-empty string without control characters";
    }
    if (typeof weight !== "number" || !(weight > 0 && weight <= 1)) return "holds a weight outside (0, 1]";
    sum += weight;
  }
  return Math.abs(sum - 1) <= 1e-9 ? undefined : `has weights summing to ${sum}, not 1`;
}

export const retellAdapter: Adapter<"retell", UpdatePhoneNumberBody> = {
  provider: "retell",
  capabilities: retellCapabilities,
  descriptor: retellDescriptor,
  checkId: (id) =>
    E164.test(id) ? undefined : "is not an E.164 number (like +14157774444), which Retell uses as the id",
  checkVendor(vendor) {
    for (const name of AGENT_LISTS) {
      const value = vendor[name];
      if (value === undefined) continue;
      const problem = checkAgentList(value);
      if (problem !== undefined) return { field: `vendor.${name}`, detail: `${name} ${problem}` };
    }
    return undefined;
  },
  build(changes) {
    const body: Record<string, unknown> = {};
    const { agentId, label, outboundAgentId } = changes;
    if (agentId !== undefined) body.inbound_agents = agentId === null ? null : [{ agent_id: agentId, weight: 1 }];
    if (label !== undefined) body.nickname = label;
    if (outboundAgentId !== undefined) {
      body.outbound_agents = outboundAgentId === null ? null : [{ agent_id: outboundAgentId, weight: 1 }];
    }
    return body;
  },
  validators: responseValidators,
  idField: "phone_number",
  readOperations,
  read: (data) => ({
    number: optionalString(data.phone_number),
    label: optionalString(data.nickname),
    agentId: firstAgentId(data.inbound_agents),
    outboundAgentId: firstAgentId(data.outbound_agents),
  }),
};
