// The vendor fields the facade's adapters read or write (docs/CONTRACT.md#facade-updateid-changes-options
// and docs/CONTRACT.md#facade-result), plus each vendor's secret fields (from vendor.yaml: the facade redacts
// them). The adapters also check that a response holds every field the spec marks required, so a
// top-level response field becoming required or optional, or a required one removed, concerns the
// facade too. A spec change that touches one of these, or the update operation itself, means the
// facade's adapter for that vendor must change, so `specs:diff` writes a changeset for
// @phonebridge/facade too. Keep this list in step with packages/facade/src/adapters/ (a test
// compares them).
import type { Change, Kind } from "../diff/change.js";
import type { UpdateOperation } from "./spec-release.js";

export const FACADE_FIELDS: Record<string, { request: string[]; response: string[] }> = {
  cald: { request: ["agentId"], response: ["phoneNumber", "agentId"] },
  cartesia: { request: ["agent_id", "label"], response: ["number", "label", "agent"] },
  // The SMS agent lists: the adapter checks their weights when given through options.vendor.
  retell: {
    request: ["inbound_agents", "outbound_agents", "nickname", "inbound_sms_agents", "outbound_sms_agents"],
    response: ["phone_number", "nickname", "inbound_agents", "outbound_agents"],
  },
  verbex: {
    request: ["inbound_agent_id", "outbound_agent_id", "friendly_name"],
    response: ["phone_number", "friendly_name", "inbound_agent_id", "outbound_agent_id"],
  },
  vogent: { request: ["agentId"], response: ["number", "agentId"] },
};

// Changes to the update operation itself that the adapter cannot absorb. Auth, base URL,
// required headers and the path come to the facade through the generated vendor transport, so
// they need no adapter change (the vendor package's changeset carries them).
const OPERATION_KINDS = new Set<Kind>([
  "operation-removed",
  "request-body-removed",
  "success-response-removed",
  "success-status-changed",
  "success-body-removed",
  "media-type-removed",
]);

const REQUIREDNESS = new Set<Kind>(["field-newly-required", "field-no-longer-required", "field-added-required"]);

/** The changes of a vendor diff that the facade's adapter must follow. */
export function facadeChanges(
  vendor: string,
  changes: readonly Change[],
  update: UpdateOperation | undefined,
): Change[] {
  const fields = FACADE_FIELDS[vendor];
  if (!fields || !update) return [];
  const key = `${update.method.toUpperCase()} ${update.path}`;
  const request = new Set([...fields.request, ...(update.secrets.request ?? [])]);
  const response = new Set([...fields.response, ...(update.secrets.response ?? [])]);
  return changes.filter((c) => {
    if (c.bump === "patch") return false;
    if (c.operation !== key) return false;
    if (c.side === "operation") return OPERATION_KINDS.has(c.kind);
    const top = c.field?.split(".")[0];
    if (c.side === "request") return OPERATION_KINDS.has(c.kind) || (top !== undefined && request.has(top));
    if (c.side === "response") {
      if (OPERATION_KINDS.has(c.kind) || (top !== undefined && response.has(top))) return true;
      const topLevel = c.field !== undefined && !c.field.includes(".");
      return (
        topLevel &&
        (REQUIREDNESS.has(c.kind) ||
          (c.wasRequired === true && (c.kind === "field-removed" || c.kind === "field-renamed")))
      );
    }
    return false;
  });
}
