// The headers of a response (names compared case-insensitively): removed, added, always sent or
// no longer, and their schemas, on the response side.
import { objectOr } from "../json.js";
import { deref } from "../openapi/ref.js";
import type { Location } from "./change.js";
import type { Differ } from "./differ.js";
import { compareDocKeys } from "./docs.js";
import { compareSchema } from "./schema-object/index.js";

function byName(doc: unknown, headers: unknown): Map<string, { name: string; header: Record<string, unknown> }> {
  return new Map(
    Object.entries(objectOr(headers)).map(([name, raw]) => [
      name.toLowerCase(),
      { name, header: objectOr(deref(doc, raw) ?? {}) },
    ]),
  );
}

export function compareResponseHeaders(d: Differ, ha: unknown, hb: unknown, response: Location): void {
  const a = byName(d.a, ha);
  const b = byName(d.b, hb);
  const meta = { operation: response.op };
  for (const [key, { name, header }] of a) {
    const other = b.get(key);
    const at: Location = { ...response, param: { in: "response header", name } };
    if (!other) {
      d.emit("response-header-removed", "response", { at }, meta);
      continue;
    }
    if (Boolean(header.required) !== Boolean(other.header.required)) {
      const kind = other.header.required ? "response-header-newly-required" : "response-header-no-longer-required";
      d.emit(kind, "response", { at }, meta);
    }
    compareDocKeys(d, header, other.header, { side: "response", op: response.op }, { at: "schema", location: at });
    compareSchema(d, header.schema, other.header.schema, at);
  }
  for (const [key, { name }] of b) {
    if (!a.has(key))
      d.emit(
        "response-header-added",
        "response",
        { at: { ...response, param: { in: "response header", name } } },
        meta,
      );
  }
}
