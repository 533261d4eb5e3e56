// A schema seen the way a client sees it: `$ref`s followed, `allOf` merged, nullability pulled
// out of 3.0's `nullable`, 3.1's `type: [.., "null"]` and `anyOf/oneOf: [.., {type: "null"}]`,
// `const` read as a one-value enum, and a single-member union collapsed into its member.
import type { JsonObject } from "../../json.js";
import { resolveRef } from "../../openapi/ref.js";
import { isDocKey } from "../docs.js";

export interface SchemaView {
  schema: JsonObject;
  nullable: boolean;
  /** The component the schema was reached through, if a `$ref` led to it. */
  name?: string | undefined;
}

export const typeList = (schema: JsonObject): unknown[] | undefined =>
  schema.type === undefined ? undefined : Array.isArray(schema.type) ? [...schema.type] : [schema.type];

function isNullSchema(doc: unknown, raw: unknown): boolean {
  const node = resolveRef(doc, raw).node;
  if (!node || typeof node !== "object") return false;
  const schema = node as JsonObject;
  const types = typeList(schema);
  return (
    (types !== undefined && types.length === 1 && types[0] === "null") ||
    (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null)
  );
}

export function view(doc: unknown, raw: unknown, depth = 0): SchemaView {
  const { node: resolved, name } = resolveRef(doc, raw);
  if (!resolved || typeof resolved !== "object" || depth > 20) return { schema: {}, nullable: false, name };
  let schema: JsonObject = { ...(resolved as JsonObject) };
  let nullable = schema.nullable === true;
  delete schema.nullable;
  if (Array.isArray(schema.allOf)) {
    const merged: JsonObject = { ...schema };
    delete merged.allOf;
    // Own properties and required first, then each member's.
    const properties: JsonObject = { ...((schema.properties as JsonObject | undefined) ?? {}) };
    let required: unknown[] = [...((schema.required as unknown[] | undefined) ?? [])];
    merged.properties = properties;
    merged.required = required;
    for (const member of schema.allOf) {
      const m = view(doc, member, depth + 1);
      for (const [key, value] of Object.entries(m.schema)) {
        if (key === "properties") Object.assign(properties, value);
        else if (key === "required") required.push(...(value as unknown[]));
        else if (!(key in merged)) merged[key] = value;
      }
    }
    if (!Object.keys(properties).length) delete merged.properties;
    if (!required.length) delete merged.required;
    else {
      required = [...new Set(required)];
      merged.required = required;
    }
    schema = merged;
  }
  const types = typeList(schema);
  if (types?.includes("null")) {
    nullable = true;
    const rest = types.filter((type) => type !== "null");
    if (rest.length === 0) delete schema.type;
    else schema.type = rest.length === 1 ? rest[0] : rest;
  }
  if ("const" in schema) {
    if (schema.const === null) nullable = true;
    else schema.enum = [schema.const];
    delete schema.const;
  }
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) {
    nullable = true;
    schema.enum = schema.enum.filter((value) => value !== null);
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const union = schema[key];
    if (!Array.isArray(union)) continue;
    const members = union.filter((member) => !isNullSchema(doc, member));
    if (members.length < union.length) nullable = true;
    const own = Object.keys(schema).filter(
      (other) => other !== key && !isDocKey(other) && other !== "default" && other !== "discriminator",
    );
    if (members.length === 1 && own.length === 0) {
      const inner = view(doc, members[0], depth + 1);
      const docs = Object.fromEntries(
        Object.entries(schema).filter(([other]) => isDocKey(other) || other === "default"),
      );
      return { schema: { ...inner.schema, ...docs }, nullable: nullable || inner.nullable, name: name ?? inner.name };
    }
    schema[key] = members;
  }
  return { schema, nullable, name };
}

/** The members of a union schema (`anyOf` first, else `oneOf`). */
export const unionOf = (schema: JsonObject): unknown[] | undefined =>
  (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
