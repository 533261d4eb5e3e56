/**
 * Cald: `PATCH /phonenumbers/{phoneNumberId}`, key raw in `Authorization`. Cald removes the
 * agent from any request without `agentId`, so every request carries it unless the caller asked
 * for removal (`agentId: null` sends `{}`), and no passthrough fields are accepted.
 */
import { caldDescriptor, type UpdatePhoneNumberBody } from "@phonebridge/cald";
import { type Adapter, optionalAgentId, optionalString, WRONG } from "../adapter.js";
import { UNSUPPORTED, type VendorCapabilities } from "../capabilities.js";

export const caldCapabilities = {
  agentId: {
    set: "documented",
    clear: "documented",
    field: "agentId",
    note: "removal is a body without agentId, as Cald documents",
  },
  label: UNSUPPORTED,
  outboundAgentId: UNSUPPORTED,
  passthrough: false,
} as const satisfies VendorCapabilities;

export const caldAdapter: Adapter<"cald", UpdatePhoneNumberBody> = {
  provider: "cald",
  capabilities: caldCapabilities,
  descriptor: caldDescriptor,
  build(changes) {
    // agentId null: the empty body, which Cald documents as "remove the agent".
    return typeof changes.agentId === "string" ? { agentId: changes.agentId } : {};
  },
  // Cald's spec marks no field of its phone number required.
  required: [],
  read(data) {
    const number = optionalString(data.phoneNumber);
    if (number === WRONG) return "field phoneNumber is not a string";
    const agentId = optionalAgentId(data.agentId);
    if (agentId === WRONG) return "field agentId is not a string";
    return { number, label: null, agentId, outboundAgentId: null };
  },
};
