// The limits a vendor's spec declares on what the facade sends: the top-level request body
// fields of the update operation and its id path parameter (maxLength, minLength, pattern,
// format). Only fields that declare one are kept, so the generated descriptor stays small; the
// facade checks input against them before sending (docs/CONTRACT.md#facade-updateid-changes-options).
import { arrayOr, objectOr } from "../json.js";
import { deref } from "../openapi/ref.js";

export interface Limit {
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
}

export interface Limits {
  /** The id path parameter's limits. */
  id?: Limit;
  /** Limits of the request body's top-level fields, by field name. */
  body?: Record<string, Limit>;
}

const isEmpty = (limit: Limit): boolean => Object.keys(limit).length === 0;

/** Both limits at once (allOf): the stricter of each. */
function stricter(a: Limit, b: Limit): Limit {
  const out: Limit = { ...a };
  if (b.maxLength !== undefined) out.maxLength = Math.min(b.maxLength, a.maxLength ?? b.maxLength);
  if (b.minLength !== undefined) out.minLength = Math.max(b.minLength, a.minLength ?? b.minLength);
  if (b.pattern !== undefined) out.pattern ??= b.pattern;
  if (b.format !== undefined) out.format ??= b.format;
  return out;
}

/** Either limit (the members of a union that declare the field): the looser of each, kept only when both have it. */
function looser(a: Limit, b: Limit): Limit {
  const out: Limit = {};
  if (a.maxLength !== undefined && b.maxLength !== undefined) out.maxLength = Math.max(a.maxLength, b.maxLength);
  if (a.minLength !== undefined && b.minLength !== undefined) out.minLength = Math.min(a.minLength, b.minLength);
  if (a.pattern !== undefined && a.pattern === b.pattern) out.pattern = a.pattern;
  if (a.format !== undefined && a.format === b.format) out.format = a.format;
  return out;
}

/** The string limits of one schema: its own, allOf's, and those of a union's non-null members. */
export function limitOf(spec: unknown, raw: unknown, seen = new Set<unknown>()): Limit {
  const schema = objectOr(deref(spec, raw));
  if (seen.has(schema)) return {};
  seen.add(schema);
  let limit: Limit = {};
  if (typeof schema.maxLength === "number") limit.maxLength = schema.maxLength;
  if (typeof schema.minLength === "number") limit.minLength = schema.minLength;
  if (typeof schema.pattern === "string") limit.pattern = schema.pattern;
  if (typeof schema.format === "string") limit.format = schema.format;
  for (const part of arrayOr(schema.allOf)) limit = stricter(limit, limitOf(spec, part, seen));
  const union = arrayOr(schema.anyOf ?? schema.oneOf).filter((member) => objectOr(deref(spec, member)).type !== "null");
  if (union.length) {
    const [first, ...rest] = union.map((member) => limitOf(spec, member, seen));
    limit = stricter(limit, rest.reduce(looser, first ?? {}));
  }
  seen.delete(schema); // a guard against cycles on the current path only: shared schemas are read again
  return limit;
}

/** Each top-level field's limit in a body schema: its properties, allOf's, and its union members'. */
function fieldLimits(spec: unknown, raw: unknown, seen = new Set<unknown>()): Map<string, Limit> {
  const schema = objectOr(deref(spec, raw));
  const out = new Map<string, Limit>();
  if (seen.has(schema)) return out;
  seen.add(schema);
  const add = (name: string, limit: Limit, combine: (a: Limit, b: Limit) => Limit, into = out) => {
    const known = into.get(name);
    into.set(name, known === undefined ? limit : combine(known, limit));
  };
  for (const [name, property] of Object.entries(objectOr(schema.properties)))
    add(name, limitOf(spec, property), stricter);
  for (const part of arrayOr(schema.allOf)) {
    for (const [name, limit] of fieldLimits(spec, part, seen)) add(name, limit, stricter);
  }
  // A field of a union member holds for the bodies that match that member: across the members
  // that declare the field, the looser limit, so that no body the spec accepts is refused.
  const union = new Map<string, Limit>();
  for (const member of arrayOr(schema.anyOf ?? schema.oneOf)) {
    for (const [name, limit] of fieldLimits(spec, member, seen)) add(name, limit, looser, union);
  }
  for (const [name, limit] of union) add(name, limit, stricter);
  seen.delete(schema);
  return out;
}

/** The limits of a request body's top-level fields; only fields that declare one. */
export function bodyLimits(spec: unknown, bodySchema: unknown): Record<string, Limit> {
  const limits: Record<string, Limit> = {};
  for (const [name, limit] of fieldLimits(spec, bodySchema)) if (!isEmpty(limit)) limits[name] = limit;
  return limits;
}

/** Checks that a pattern is a regular expression JavaScript can run (the facade compiles it with the `u` flag). */
export function checkPattern(pattern: string, where: string): void {
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    throw new Error(
      `${where}: the pattern ${JSON.stringify(pattern)} is not a JavaScript regular expression (${error instanceof Error ? error.message : String(error)}); ` +
        "change it with an overlay fix (specs/README.md#overlay-format)",
    );
  }
}
