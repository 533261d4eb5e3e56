// Objects: properties removed, added, renamed (a removed and an added field with the same schema
// and requiredness), required or no longer required, and `additionalProperties`.
import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "../../json.js";
import type { Location } from "../change.js";
import type { Differ } from "../differ.js";
import { isDocKey } from "../docs.js";
import { compareSchema, fieldOf } from "./index.js";
import { view } from "./view.js";

/** Two schemas alike for a client (documentation aside): a removed and an added field with it are a rename. */
function sameShape(docA: unknown, a: unknown, docB: unknown, b: unknown): boolean {
  const strip = (doc: unknown, schema: unknown, depth = 0): unknown => {
    if (depth > 6) return null;
    const v = view(doc, schema);
    const out: JsonObject = { nullable: v.nullable };
    for (const [key, value] of Object.entries(v.schema)) {
      if (isDocKey(key) || key === "$ref") continue;
      if (key === "properties") {
        out[key] = Object.fromEntries(
          Object.entries(value as JsonObject).map(([name, member]) => [name, strip(doc, member, depth + 1)]),
        );
      } else if (key === "items") out[key] = strip(doc, value, depth + 1);
      else if (key === "anyOf" || key === "oneOf") out[key] = (value as unknown[]).map((m) => strip(doc, m, depth + 1));
      else out[key] = value;
    }
    return out;
  };
  return isDeepStrictEqual(strip(docA, a), strip(docB, b));
}

/** `additionalProperties` absent, `true` or `{}`: any extra field. */
const open = (value: unknown): boolean =>
  value === undefined || value === true || (typeof value === "object" && Object.keys(value as object).length === 0);

export function compareObjects(d: Differ, a: JsonObject, b: JsonObject, at: Location): void {
  const pa = (a.properties ?? {}) as JsonObject;
  const pb = (b.properties ?? {}) as JsonObject;
  const ra = new Set((a.required ?? []) as Iterable<unknown>);
  const rb = new Set((b.required ?? []) as Iterable<unknown>);
  const removed = Object.keys(pa).filter((key) => !(key in pb));
  const added = Object.keys(pb).filter((key) => !(key in pa));
  const inside = (key: string): Location => ({ ...at, path: [...at.path, key] });
  const field = (key: string): string => [...at.path, key].join(".");

  const renames: [string, string][] = [];
  for (const old of removed) {
    const now = added.find(
      (key) =>
        !renames.some(([, taken]) => taken === key) &&
        ra.has(old) === rb.has(key) &&
        sameShape(d.a, pa[old], d.b, pb[key]),
    );
    if (now) renames.push([old, now]);
  }
  for (const [old, now] of renames) {
    d.emit(
      "field-renamed",
      at.side,
      { at: inside(old), from: old, to: now },
      { operation: at.op, field: field(old), renamedTo: now, wasRequired: ra.has(old) },
    );
  }
  for (const old of removed.filter((key) => !renames.some(([gone]) => gone === key))) {
    d.emit(
      "field-removed",
      at.side,
      { at: inside(old) },
      { operation: at.op, field: field(old), wasRequired: ra.has(old) },
    );
  }
  for (const key of added.filter((name) => !renames.some(([, now]) => now === name))) {
    const kind = rb.has(key) ? "field-added-required" : "field-added-optional";
    d.emit(kind, at.side, { at: inside(key) }, { operation: at.op, field: field(key) });
  }
  for (const key of Object.keys(pa).filter((name) => name in pb)) {
    if (ra.has(key) !== rb.has(key)) {
      const kind = rb.has(key) ? "field-newly-required" : "field-no-longer-required";
      d.emit(kind, at.side, { at: inside(key) }, { operation: at.op, field: field(key) });
    }
    compareSchema(d, pa[key], pb[key], { ...inside(key), optional: !rb.has(key) });
  }

  const apa = a.additionalProperties;
  const apb = b.additionalProperties;
  if (isDeepStrictEqual(apa, apb) || (open(apa) && open(apb))) return;
  const meta = { operation: at.op, field: fieldOf(at) };
  if (apb === false && apa !== false) d.emit("additional-properties-closed", at.side, { at }, meta);
  else if (apa === false && apb !== false) d.emit("additional-properties-opened", at.side, { at }, meta);
  else if (typeof apa === "object" && typeof apb === "object")
    compareSchema(d, apa, apb, { ...at, path: [...at.path, "*"] });
  else d.emit(open(apb) ? "additional-properties-widened" : "additional-properties-narrowed", at.side, { at }, meta);
}
