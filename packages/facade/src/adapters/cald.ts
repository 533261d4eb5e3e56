/**
 * Cald: `PATCH /phonenumbers/{phoneNumberId}`, key raw in `Authorization`. Cald removes the
 * agent from any request without `agentId`, so every request carries it unless the caller asked
 * for removal (`agentId: null` sends `{}`), and no passthrough fields are accepted.
 */
import { caldDescriptor, type UpdatePhoneNumberBody } from "@phonebridge/cald";
import { responseValidators } from "@phonebridge/cald/validate";
import { type Adapter, optionalAgentId, optionalString } from "../adapter.js";
import { NO_READS, UNSUPPORTED, type VendorCapabilities } from "../capabilities.js";

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
  reads: NO_READS,
} as const satisfies VendorCapabilities;

export const caldAdapter: Adapter<"cald", UpdatePhoneNumberBody> = {
  provider: "cald",
  capabilities: caldCapabilities,
  descriptor: caldDescriptor,
  build(changes) {
    // agentId null: the empty body, which Cald documents as "remove the agent".
    return typeof changes.agentId === "string" ? { agentId: changes.agentId } : {};
  },
  validators: responseValidators,
  read: (data) => ({
    number: optionalString(data.phoneNumber),
    label: null,
    agentId: optionalAgentId(data.agentId),
    outboundAgentId: null,
  }),
};
