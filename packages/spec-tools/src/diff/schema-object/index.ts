// Compares two schemas (a body, a field, a parameter's or a response header's schema) at one
// place, and everything inside them. Each aspect has its module; this one orders them.

import type { JsonObject } from "../../json.js";
import { deref } from "../../openapi/ref.js";
import type { Location, Subject } from "../change.js";
import type { Differ } from "../differ.js";
import { changedKeys, compareDocKeys, isDocKey, unclassified, type Where } from "../docs.js";
import { compareItems } from "./array.js";
import { compareConstraints } from "./constraints.js";
import { compareDefaults } from "./default.js";
import { compareEnums } from "./enum.js";
import { compareNullable } from "./nullable.js";
import { compareObjects } from "./object.js";
import { compareTypes } from "./type.js";
import { compareUnions } from "./union.js";
import { unionOf, view } from "./view.js";

/** Schema keys the classifier understands; a change to any other is unclassified. */
const SCHEMA_KEYS = new Set([
  "type",
  "nullable",
  "enum",
  "const",
  "format",
  "properties",
  "required",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "additionalProperties",
  "default",
  "discriminator",
  "readOnly",
  "writeOnly",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "multipleOf",
  "pattern",
  "uniqueItems",
  "$ref",
  "xml",
]);

/** The field a location names, as changes carry it: `a.b`, or undefined for a whole body. */
export const fieldOf = (at: Location): string | undefined => at.path.join(".") || undefined;

export function compareSchema(d: Differ, rawA: unknown, rawB: unknown, at: Location): void {
  if (rawA === undefined && rawB === undefined) return;
  // Recursive schemas: a pair of schema objects already being compared further up is skipped.
  const na = deref(d.a, rawA);
  const nb = deref(d.b, rawB);
  if (d.stack.some(([x, y]) => x === na && y === nb)) return;
  d.stack.push([na, nb]);
  try {
    compareResolved(d, rawA, rawB, at);
  } finally {
    d.stack.pop();
  }
}

function compareResolved(d: Differ, rawA: unknown, rawB: unknown, at: Location): void {
  const va = view(d.a, rawA);
  const vb = view(d.b, rawB);
  const a = va.schema;
  const b = vb.schema;
  const field = fieldOf(at);
  const about = { at: "schema", location: at } as const;
  const where = { side: at.side, op: at.op, field };

  compareNullable(d, va.nullable, vb.nullable, at, field);
  const ua = unionOf(a);
  const ub = unionOf(b);
  if (ua || ub) {
    compareUnions(d, a, b, ua, ub, at, field);
    // Keywords beside a union apply to every member. (With one side a union, its member like the
    // other side was compared with that whole schema.)
    if (ua && ub) {
      compareEnums(d, a, b, at, field);
      compareConstraints(d, a, b, at, field);
      compareDefaults(d, a, b, at, field);
    }
    compareDocKeys(d, a, b, where, about);
    if (ua && ub) unclassifiedKeys(d, a, b, where, about);
    return;
  }
  if (compareTypes(d, a, b, at, field)) {
    compareDocKeys(d, a, b, where, about);
    return;
  }
  compareEnums(d, a, b, at, field);
  compareConstraints(d, a, b, at, field);
  compareDefaults(d, a, b, at, field);
  compareObjects(d, a, b, at);
  compareItems(d, a, b, at, field);
  compareDocKeys(d, a, b, where, about);
  unclassifiedKeys(d, a, b, where, about);
}

/** The keys no module understands that changed: unclassified. */
function unclassifiedKeys(d: Differ, a: JsonObject, b: JsonObject, where: Where, about: Subject): void {
  const other = changedKeys(a, b, (key) => !SCHEMA_KEYS.has(key) && !isDocKey(key));
  if (other.length) unclassified(d, where, about, other);
}
