// The vendor fields the facade's adapter for a vendor reads or writes, as its vendor.yaml lists
// them under `facade` (the adapter's tests check that it uses exactly those), plus the vendor's
// secret fields (the facade redacts them). See docs/CONTRACT.md#facade-updateid-changes-options
// and docs/CONTRACT.md#facade-result. The adapters also check that a response holds every field
// the spec marks required, so a top-level response field becoming required or optional, or a
// required one removed, concerns the facade too. A spec change that touches one of these, or the
// update operation itself, means the facade's adapter for that vendor must change, so
// `specs:diff` writes a changeset for @phonebridge/facade too.
import type { Change, Kind } from "../diff/change.js";
import type { UpdateOperation } from "./spec-release.js";

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
export function facadeChanges(changes: readonly Change[], update: UpdateOperation | undefined): Change[] {
  if (!update) return [];
  const fields = update.facade;
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
