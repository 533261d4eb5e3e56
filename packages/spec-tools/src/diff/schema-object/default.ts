// Defaults. On the request side they only document. openapi-typescript makes an optional
// response property with a `default` non-optional, so in a response a default added to an
// optional field makes it present in the types, and one removed makes it optional
// (docs/spec-changes.md#how-the-classifier-recognizes-changes).
import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "../../json.js";
import type { Location } from "../change.js";
import type { Differ } from "../differ.js";

export function compareDefaults(
  d: Differ,
  a: JsonObject,
  b: JsonObject,
  at: Location,
  field: string | undefined,
): void {
  if (isDeepStrictEqual(a.default, b.default)) return;
  if (at.side === "response" && at.optional && (a.default === undefined) !== (b.default === undefined)) {
    const meta = { operation: at.op, field: at.path.join(".") };
    if (b.default !== undefined) d.emit("default-added", "response", { at, value: b.default }, meta);
    else d.emit("default-removed", "response", { at }, meta);
    return;
  }
  const detail = {
    what: "default" as const,
    subject: { at: "schema" as const, location: at },
    ...(a.default === undefined ? {} : { from: a.default }),
    ...(b.default === undefined ? {} : { to: b.default }),
  };
  d.emit("documentation", at.side, detail, { operation: at.op, field });
}
