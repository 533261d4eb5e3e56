// The `type` of a schema: which types it admits, and how two of them relate.
import type { JsonObject } from "../../json.js";
import type { Location } from "../change.js";
import type { Differ } from "../differ.js";
import { typeList } from "./view.js";

/** "narrowed": the client may send less / receives less; "widened": the reverse; "changed": neither. */
export type Relation = "same" | "narrowed" | "widened" | "changed";

/** The types a schema admits; undefined for any type. */
export function typesOf(schema: JsonObject): Set<unknown> | undefined {
  const types = typeList(schema);
  if (types) return new Set(types);
  if (schema.properties || schema.additionalProperties !== undefined) return new Set(["object"]);
  if (schema.items) return new Set(["array"]);
  return undefined;
}

/** `integer` is a `number`, so `integer` → `number` widens and the reverse narrows. */
export function typeRelation(a: Set<unknown> | undefined, b: Set<unknown> | undefined): Relation {
  if (!a && !b) return "same";
  if (!a) return "narrowed";
  if (!b) return "widened";
  const expand = (set: Set<unknown>) => (set.has("number") ? new Set([...set, "integer"]) : set);
  const ea = expand(a);
  const eb = expand(b);
  const aInB = [...ea].every((type) => eb.has(type));
  const bInA = [...eb].every((type) => ea.has(type));
  if (aInB && bInA) return "same";
  if (aInB) return "widened";
  if (bInA) return "narrowed";
  return "changed";
}

export const typeName = (set: Set<unknown> | undefined): string => (set ? [...set].sort().join(" | ") : "any type");

/** Reports a change of type; true when the types are unrelated (nothing more to compare). */
export function compareTypes(
  d: Differ,
  a: JsonObject,
  b: JsonObject,
  at: Location,
  field: string | undefined,
): boolean {
  const ta = typesOf(a);
  const tb = typesOf(b);
  const relation = typeRelation(ta, tb);
  const meta = { operation: at.op, field };
  const detail = { at, from: typeName(ta), to: typeName(tb) };
  if (relation === "changed") d.emit("type-changed", at.side, detail, meta);
  else if (relation === "widened") d.emit("type-widened", at.side, detail, meta);
  else if (relation === "narrowed") d.emit("type-narrowed", at.side, detail, meta);
  return relation === "changed";
}
