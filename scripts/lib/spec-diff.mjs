// Compares two effective specs (document + overlay) and classifies every change from the
// client's side, by the table in CONTRACT.md ("Spec changes"): a change to what the client
// sends (request side) and a change to what it receives (response side) weigh differently.
//
// Pure: two parsed OpenAPI 3.0/3.1 documents in, a list of changes out. Each change has
//   { bump: "major" | "minor" | "patch", side: "request" | "response" | "operation" | "document",
//     kind, operation?, field?, sentence }
// `sentence` is one sentence a user of the generated client understands. The full reference of
// what maps to what, and the decisions where the contract is silent, is docs/spec-changes.md.
import { isDeepStrictEqual } from "node:util";

export const BUMPS = ["patch", "minor", "major"];
export const maxBump = (...bumps) =>
  bumps.filter(Boolean).reduce((a, b) => (BUMPS.indexOf(b) > BUMPS.indexOf(a) ? b : a), undefined);

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// Keys that only document: a change to them alone is a patch.
const DOC_KEYS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "deprecated",
  "x-codeSamples",
  "x-code-samples",
  "tags",
  "$comment",
]);
const isDocKey = (key) => DOC_KEYS.has(key) || key.startsWith("x-");

// Schema keys the differ understands; a change to any other key is reported as unclassified
// (major, "review by hand") rather than guessed.
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

// "narrowed": the client may send less / receives less. "widened": the reverse.
// "changed": incompatible either way. Table rows of CONTRACT.md:
//   type, enum or constraint narrowed        request major, response minor
//   type, enum or constraint widened         request minor, response major
//   type changed to an unrelated type        major, major
const DIRECTION = {
  narrowed: { request: "major", response: "minor" },
  widened: { request: "minor", response: "major" },
  changed: { request: "major", response: "major" },
};

function pointerGet(doc, ref) {
  if (typeof ref !== "string" || !ref.startsWith("#")) return undefined;
  if (ref === "#") return doc;
  return ref
    .slice(2)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((node, token) => (node && typeof node === "object" ? node[token] : undefined), doc);
}

/** Follows $ref chains; returns { node, name } where name is the last referenced component. */
function deref(doc, node) {
  let name;
  const seen = new Set();
  while (node && typeof node === "object" && typeof node.$ref === "string" && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    name = node.$ref.split("/").at(-1);
    const target = pointerGet(doc, node.$ref);
    if (target === undefined) break;
    // 3.1 allows siblings of $ref (description, ...): keep the referenced node, siblings are docs.
    node = target;
  }
  return { node, name };
}

const typeList = (schema) =>
  schema.type === undefined ? undefined : Array.isArray(schema.type) ? [...schema.type] : [schema.type];

const isNullSchema = (doc, s) => {
  const { node } = deref(doc, s);
  if (!node || typeof node !== "object") return false;
  const types = typeList(node);
  return (
    (types && types.length === 1 && types[0] === "null") ||
    (Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null)
  );
};

/**
 * A schema seen the way a client sees it: $refs followed, allOf merged, nullability pulled out
 * of `nullable`, `type: [.., "null"]` and `anyOf/oneOf: [.., {type: "null"}]`, a single-member
 * union collapsed into its member.
 */
function view(doc, raw, depth = 0) {
  const { node: resolved, name } = deref(doc, raw);
  if (!resolved || typeof resolved !== "object" || depth > 20) return { schema: {}, nullable: false, name };
  let schema = { ...resolved };
  let nullable = schema.nullable === true;
  delete schema.nullable;
  if (Array.isArray(schema.allOf)) {
    const merged = { ...schema };
    delete merged.allOf;
    merged.properties = { ...(schema.properties ?? {}) };
    merged.required = [...(schema.required ?? [])];
    for (const member of schema.allOf) {
      const m = view(doc, member, depth + 1);
      if (m.nullable) nullable = nullable && true;
      for (const [k, v] of Object.entries(m.schema)) {
        if (k === "properties") Object.assign(merged.properties, v);
        else if (k === "required") merged.required.push(...v);
        else if (!(k in merged)) merged[k] = v;
      }
    }
    if (!Object.keys(merged.properties).length) delete merged.properties;
    if (!merged.required.length) delete merged.required;
    else merged.required = [...new Set(merged.required)];
    schema = merged;
  }
  const types = typeList(schema);
  if (types?.includes("null")) {
    nullable = true;
    const rest = types.filter((t) => t !== "null");
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
    schema.enum = schema.enum.filter((v) => v !== null);
  }
  for (const key of ["anyOf", "oneOf"]) {
    if (!Array.isArray(schema[key])) continue;
    const members = schema[key].filter((m) => !isNullSchema(doc, m));
    if (members.length < schema[key].length) nullable = true;
    const own = Object.keys(schema).filter(
      (k) => k !== key && !isDocKey(k) && k !== "default" && k !== "discriminator",
    );
    if (members.length === 1 && own.length === 0) {
      const inner = view(doc, members[0], depth + 1);
      const docs = Object.fromEntries(Object.entries(schema).filter(([k]) => isDocKey(k) || k === "default"));
      return { schema: { ...inner.schema, ...docs }, nullable: nullable || inner.nullable, name: name ?? inner.name };
    }
    schema[key] = members;
  }
  return { schema, nullable, name };
}

const union = (s) => s.anyOf ?? s.oneOf;

function typesOf(s) {
  const t = typeList(s);
  if (t) return new Set(t);
  if (s.properties || s.additionalProperties !== undefined) return new Set(["object"]);
  if (s.items) return new Set(["array"]);
  return undefined; // any
}

function typeRelation(a, b) {
  if (!a && !b) return "same";
  if (!a) return "narrowed";
  if (!b) return "widened";
  const expand = (set) => (set.has("number") ? new Set([...set, "integer"]) : set);
  const ea = expand(a);
  const eb = expand(b);
  const aInB = [...ea].every((t) => eb.has(t));
  const bInA = [...eb].every((t) => ea.has(t));
  if (aInB && bInA) return "same";
  if (aInB) return "widened";
  if (bInA) return "narrowed";
  return "changed";
}

const fmt = (values) => values.map((v) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``).join(", ");
const plural = (values, one, many) => (values.length === 1 ? one : many);
const typeName = (set) => (set ? [...set].sort().join(" | ") : "any type");

// Bounds: which way a bigger number goes.
const LOWER_BOUNDS = ["minimum", "minLength", "minItems", "minProperties"];
const UPPER_BOUNDS = ["maximum", "maxLength", "maxItems", "maxProperties"];
const EXACT_CONSTRAINTS = ["pattern", "multipleOf", "format"];

class Differ {
  constructor(oldDoc, newDoc) {
    this.a = oldDoc;
    this.b = newDoc;
    this.changes = [];
    this.stack = [];
  }

  add(change) {
    this.changes.push(change);
  }

  // ---- helpers to phrase where a change is -------------------------------------------------
  where(ctx) {
    const variant = ctx.variant ? ` (in the \`${ctx.variant}\` variant)` : "";
    if (ctx.param?.in === "response header")
      return `the response (${ctx.status}) header \`${ctx.param.name}\` of ${ctx.op}`;
    if (ctx.param) {
      const path = ctx.path.length ? ` \`${ctx.path.join(".")}\`` : "";
      return `the ${ctx.param.in} parameter \`${ctx.param.name}\`${path ? ` (at${path})` : ""} of ${ctx.op}`;
    }
    const what = ctx.side === "request" ? "request" : `response (${ctx.status})`;
    if (!ctx.path.length) return `the ${what} body${variant} of ${ctx.op}`;
    return `the ${what} field \`${ctx.path.join(".").replace(/\.\[\]/g, "[]")}\`${variant} of ${ctx.op}`;
  }

  schemaChange(ctx, direction, kind, text, extra = {}) {
    const bump = DIRECTION[direction][ctx.side];
    this.add({
      bump,
      side: ctx.side,
      kind,
      operation: ctx.op,
      field: ctx.path.join(".") || undefined,
      sentence: text,
      ...extra,
    });
  }

  docChange(ctx, what) {
    this.add({
      bump: "patch",
      side: ctx.side ?? "document",
      kind: "documentation",
      operation: ctx.op,
      field: ctx.path?.join(".") || undefined,
      sentence: `${what}.`,
    });
  }

  compareDocKeys(a, b, ctx, label) {
    const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].filter(isDocKey).sort();
    const changed = keys.filter((k) => !isDeepStrictEqual(a?.[k], b?.[k]));
    if (!changed.length) return;
    if (changed.includes("deprecated") && b?.deprecated === true && a?.deprecated !== true) {
      this.add({
        bump: "patch",
        side: ctx.side ?? "document",
        kind: "deprecated",
        operation: ctx.op,
        sentence: `${capitalize(label)} is now deprecated.`,
      });
    }
    const rest = changed.filter((k) => k !== "deprecated");
    if (rest.length)
      this.docChange(ctx, `The ${rest.map(docWord).join(", ")} of ${label} changed (documentation only)`);
  }

  unclassified(ctx, label, keys) {
    this.add({
      bump: "major",
      side: ctx.side ?? "document",
      kind: "unclassified",
      operation: ctx.op,
      sentence: `${capitalize(label)} changed in a way phonebridge does not classify (${keys.map((k) => `\`${k}\``).join(", ")}); treated as breaking until reviewed by hand.`,
    });
  }

  // ---- schemas -----------------------------------------------------------------------------
  schema(rawA, rawB, ctx) {
    if (rawA === undefined && rawB === undefined) return;
    // Recursive schemas: a pair of schema objects already being compared further up is skipped.
    const na = deref(this.a, rawA).node;
    const nb = deref(this.b, rawB).node;
    if (this.stack.some(([x, y]) => x === na && y === nb)) return;
    this.stack.push([na, nb]);
    try {
      this.schemaInner(rawA, rawB, ctx);
    } finally {
      this.stack.pop();
    }
  }

  schemaInner(rawA, rawB, ctx) {
    const va = view(this.a, rawA);
    const vb = view(this.b, rawB);
    const a = va.schema;
    const b = vb.schema;
    const where = this.where(ctx);

    if (va.nullable !== vb.nullable) {
      if (vb.nullable) {
        this.schemaChange(
          ctx,
          "widened",
          "nullable-added",
          ctx.side === "request"
            ? `${capitalize(where)} now accepts \`null\`.`
            : `${capitalize(where)} can now be \`null\`; code that reads it must handle \`null\`.`,
        );
      } else {
        this.schemaChange(
          ctx,
          "narrowed",
          "nullable-removed",
          ctx.side === "request"
            ? `${capitalize(where)} no longer accepts \`null\`; code that sends \`null\` there must change.`
            : `${capitalize(where)} is no longer \`null\`.`,
        );
      }
    }

    const ua = union(a);
    const ub = union(b);
    if (ua || ub) {
      this.unionSchemas(a, b, ua, ub, ctx, where);
      this.compareDocKeys(a, b, ctx, where);
      return;
    }

    const ta = typesOf(a);
    const tb = typesOf(b);
    const rel = typeRelation(ta, tb);
    if (rel === "changed") {
      this.schemaChange(
        ctx,
        "changed",
        "type-changed",
        `The type of ${where} changed from ${typeName(ta)} to ${typeName(tb)}.`,
      );
      this.compareDocKeys(a, b, ctx, where);
      return;
    }
    if (rel === "widened") {
      this.schemaChange(
        ctx,
        "widened",
        "type-widened",
        `The type of ${where} widened from ${typeName(ta)} to ${typeName(tb)}${ctx.side === "response" ? "; code that reads it must handle the new type" : ""}.`,
      );
    } else if (rel === "narrowed") {
      this.schemaChange(
        ctx,
        "narrowed",
        "type-narrowed",
        `The type of ${where} narrowed from ${typeName(ta)} to ${typeName(tb)}${ctx.side === "request" ? "; code that sends other types there must change" : ""}.`,
      );
    }

    this.enums(a, b, ctx, where);
    this.constraints(a, b, ctx, where);
    this.defaults(a, b, ctx, where);
    this.objects(a, b, ctx);
    if (a.items !== undefined || b.items !== undefined) {
      if (a.items === undefined || b.items === undefined) {
        this.schemaChange(
          ctx,
          a.items === undefined ? "narrowed" : "widened",
          a.items === undefined ? "items-added" : "items-removed",
          `The items of ${where} ${a.items === undefined ? "are now typed" : "are no longer typed"}.`,
        );
      } else {
        this.schema(a.items, b.items, { ...ctx, path: [...ctx.path, "[]"] });
      }
    }
    this.compareDocKeys(a, b, ctx, where);
    const other = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (k) => !SCHEMA_KEYS.has(k) && !isDocKey(k) && !isDeepStrictEqual(a[k], b[k]),
    );
    if (other.length) this.unclassified(ctx, where, other);
  }

  unionSchemas(a, b, ua, ub, ctx, where) {
    const keyOf = (doc, m, i) => {
      const v = view(doc, m);
      return v.name ?? v.schema.title ?? `#${i + 1}`;
    };
    if (ua && ub) {
      const ka = ua.map((m, i) => keyOf(this.a, m, i));
      const kb = ub.map((m, i) => keyOf(this.b, m, i));
      const added = kb.filter((k) => !ka.includes(k));
      const removed = ka.filter((k) => !kb.includes(k));
      if (added.length) {
        this.schemaChange(
          ctx,
          "widened",
          "union-member-added",
          `${capitalize(where)} ${ctx.side === "request" ? "accepts" : "can now be"} the new ${plural(added, "variant", "variants")} ${fmt(added)}${ctx.side === "response" ? "; exhaustive code over its variants must handle it" : ""}.`,
        );
      }
      if (removed.length) {
        this.schemaChange(
          ctx,
          "narrowed",
          "union-member-removed",
          `${capitalize(where)} ${ctx.side === "request" ? "no longer accepts" : "is no longer"} the ${plural(removed, "variant", "variants")} ${fmt(removed)}.`,
        );
      }
      ka.forEach((k, i) => {
        const j = kb.indexOf(k);
        if (j >= 0) this.schema(ua[i], ub[j], { ...ctx, variant: /^#\d+$/.test(k) ? ctx.variant : k });
      });
      return;
    }
    // One side is a union, the other a single schema: find the member of the same type.
    const single = ua ? b : a;
    const members = ua ?? ub;
    const doc = ua ? this.a : this.b;
    const st = typesOf(single);
    const idx = members.findIndex((m) => typeRelation(typesOf(view(doc, m).schema), st) === "same");
    if (idx < 0) {
      this.schemaChange(
        ctx,
        "changed",
        "type-changed",
        `The type of ${where} changed ${ua ? "from a union to a single type" : "from a single type to a union"} with no common member.`,
      );
      return;
    }
    if (ub) {
      this.schemaChange(
        ctx,
        "widened",
        "union-member-added",
        `${capitalize(where)} ${ctx.side === "request" ? "accepts" : "can now be"} more types than before (it became a union)${ctx.side === "response" ? "; code that reads it must handle the new types" : ""}.`,
      );
      this.schema({ ...single, description: undefined }, members[idx], ctx);
    } else {
      this.schemaChange(
        ctx,
        "narrowed",
        "union-member-removed",
        `${capitalize(where)} ${ctx.side === "request" ? "accepts" : "can be"} fewer types than before (it is no longer a union).`,
      );
      this.schema(members[idx], { ...single, description: undefined }, ctx);
    }
  }

  enums(a, b, ctx, where) {
    const ea = Array.isArray(a.enum) ? a.enum : undefined;
    const eb = Array.isArray(b.enum) ? b.enum : undefined;
    if (!ea && !eb) return;
    if (!ea) {
      this.schemaChange(ctx, "narrowed", "enum-added", `${capitalize(where)} is now limited to ${fmt(eb)}.`);
      return;
    }
    if (!eb) {
      this.schemaChange(ctx, "widened", "enum-removed", `${capitalize(where)} is no longer limited to ${fmt(ea)}.`);
      return;
    }
    const added = eb.filter((v) => !ea.some((x) => isDeepStrictEqual(x, v)));
    const removed = ea.filter((v) => !eb.some((x) => isDeepStrictEqual(x, v)));
    if (added.length) {
      this.schemaChange(
        ctx,
        "widened",
        "enum-value-added",
        ctx.side === "response"
          ? `${capitalize(where)} can now be ${fmt(added)}; code that switches over its values must handle ${plural(added, "it", "them")}.`
          : `${capitalize(where)} now also accepts ${fmt(added)}.`,
      );
    }
    if (removed.length) {
      this.schemaChange(
        ctx,
        "narrowed",
        "enum-value-removed",
        ctx.side === "request"
          ? `${capitalize(where)} no longer accepts ${fmt(removed)}; code that sends ${plural(removed, "it", "them")} must change.`
          : `${capitalize(where)} is no longer ${fmt(removed)}.`,
      );
    }
  }

  constraints(a, b, ctx, where) {
    const exclusive = (s, key, bound) => (s[key] === true ? s[bound] : typeof s[key] === "number" ? s[key] : undefined);
    const lower = (s) => ({ minimum: s.minimum, exclusiveMinimum: exclusive(s, "exclusiveMinimum", "minimum") });
    const upper = (s) => ({ maximum: s.maximum, exclusiveMaximum: exclusive(s, "exclusiveMaximum", "maximum") });
    const checks = [];
    for (const k of LOWER_BOUNDS) checks.push([k, a[k], b[k], "lower"]);
    for (const k of UPPER_BOUNDS) checks.push([k, a[k], b[k], "upper"]);
    checks.push(["exclusiveMinimum", lower(a).exclusiveMinimum, lower(b).exclusiveMinimum, "lower"]);
    checks.push(["exclusiveMaximum", upper(a).exclusiveMaximum, upper(b).exclusiveMaximum, "upper"]);
    for (const [k, x, y, kind] of checks) {
      // A 3.0 boolean exclusiveMinimum/Maximum that did not change: the bound's own check reports it.
      if (x === y || (k.startsWith("exclusive") && isDeepStrictEqual(a[k], b[k]))) continue;
      let direction;
      if (x === undefined) direction = "narrowed";
      else if (y === undefined) direction = "widened";
      else direction = (kind === "lower") === y > x ? "narrowed" : "widened";
      const text =
        x === undefined
          ? `${capitalize(where)} gained the limit ${k} ${y}`
          : y === undefined
            ? `${capitalize(where)} lost the limit ${k} ${x}`
            : `The ${k} of ${where} changed from ${x} to ${y}`;
      this.schemaChange(ctx, direction, `constraint-${direction}`, `${text}.`);
    }
    for (const k of EXACT_CONSTRAINTS) {
      if (isDeepStrictEqual(a[k], b[k])) continue;
      const direction = a[k] === undefined ? "narrowed" : b[k] === undefined ? "widened" : "changed";
      const text =
        a[k] === undefined
          ? `${capitalize(where)} gained the ${k} \`${b[k]}\``
          : b[k] === undefined
            ? `${capitalize(where)} lost the ${k} \`${a[k]}\``
            : `The ${k} of ${where} changed from \`${a[k]}\` to \`${b[k]}\``;
      this.schemaChange(ctx, direction, `constraint-${direction}`, `${text}.`);
    }
    if (Boolean(a.uniqueItems) !== Boolean(b.uniqueItems)) {
      this.schemaChange(
        ctx,
        b.uniqueItems ? "narrowed" : "widened",
        `constraint-${b.uniqueItems ? "narrowed" : "widened"}`,
        `${capitalize(where)} ${b.uniqueItems ? "must now hold unique items" : "may now hold repeated items"}.`,
      );
    }
    for (const k of ["readOnly", "writeOnly"]) {
      if (Boolean(a[k]) !== Boolean(b[k])) {
        this.schemaChange(
          ctx,
          "changed",
          "access-changed",
          `${capitalize(where)} ${b[k] ? "became" : "is no longer"} ${k}.`,
        );
      }
    }
  }

  // openapi-typescript makes a response property with a `default` non-optional (TOOLCHAIN.md):
  // in a response, a default added on an optional property makes it required in the types
  // (minor, like "field newly required"), a default removed makes it optional (major).
  defaults(a, b, ctx, where) {
    if (isDeepStrictEqual(a.default, b.default)) return;
    if (ctx.side === "response" && ctx.optional && (a.default === undefined) !== (b.default === undefined)) {
      if (b.default !== undefined) {
        this.add({
          bump: "minor",
          side: "response",
          kind: "default-added",
          operation: ctx.op,
          field: ctx.path.join("."),
          sentence: `${capitalize(where)} now has a default (\`${JSON.stringify(b.default)}\`), so the generated type always has it.`,
        });
      } else {
        this.add({
          bump: "major",
          side: "response",
          kind: "default-removed",
          operation: ctx.op,
          field: ctx.path.join("."),
          sentence: `${capitalize(where)} lost its default, so the generated type makes it optional; code that reads it must handle its absence.`,
        });
      }
      return;
    }
    this.docChange(
      ctx,
      `The default of ${where} changed from ${a.default === undefined ? "none" : `\`${JSON.stringify(a.default)}\``} to ${b.default === undefined ? "none" : `\`${JSON.stringify(b.default)}\``}`,
    );
  }

  objects(a, b, ctx) {
    const pa = a.properties ?? {};
    const pb = b.properties ?? {};
    const ra = new Set(a.required ?? []);
    const rb = new Set(b.required ?? []);
    const removed = Object.keys(pa).filter((k) => !(k in pb));
    const added = Object.keys(pb).filter((k) => !(k in pa));
    const at = (k) => ({ ...ctx, path: [...ctx.path, k] });

    // A removed and an added field with the same schema and requiredness: a rename.
    const renames = [];
    for (const r of removed) {
      const n = added.find(
        (k) => !renames.some(([, x]) => x === k) && ra.has(r) === rb.has(k) && sameShape(this.a, pa[r], this.b, pb[k]),
      );
      if (n) renames.push([r, n]);
    }
    for (const [r, n] of renames) {
      const whereOld = this.where(at(r));
      this.add({
        bump: "major",
        side: ctx.side,
        kind: "field-renamed",
        operation: ctx.op,
        field: [...ctx.path, r].join("."),
        renamedTo: n,
        wasRequired: ra.has(r),
        sentence:
          ctx.side === "request"
            ? `${capitalize(whereOld)} was renamed to \`${n}\`; code that sets \`${r}\` must use \`${n}\`.`
            : `${capitalize(whereOld)} was renamed to \`${n}\`; code that reads \`${r}\` must read \`${n}\`.`,
      });
    }
    for (const r of removed.filter((k) => !renames.some(([x]) => x === k))) {
      this.add({
        bump: "major",
        side: ctx.side,
        kind: "field-removed",
        operation: ctx.op,
        field: [...ctx.path, r].join("."),
        wasRequired: ra.has(r),
        sentence:
          ctx.side === "request"
            ? `${capitalize(this.where(at(r)))} was removed; code that sets it no longer compiles.`
            : `${capitalize(this.where(at(r)))} was removed; code that reads it no longer compiles.`,
      });
    }
    for (const k of added.filter((x) => !renames.some(([, y]) => y === x))) {
      const required = rb.has(k);
      const bump = ctx.side === "request" && required ? "major" : "minor";
      this.add({
        bump,
        side: ctx.side,
        kind: required ? "field-added-required" : "field-added-optional",
        operation: ctx.op,
        field: [...ctx.path, k].join("."),
        sentence:
          ctx.side === "request"
            ? required
              ? `${capitalize(this.where(at(k)))} was added and is required; every call must now set it.`
              : `${capitalize(this.where(at(k)))} was added (optional).`
            : `${capitalize(this.where(at(k)))} was added${required ? "" : " (optional)"}.`,
      });
    }
    for (const k of Object.keys(pa).filter((x) => x in pb)) {
      if (ra.has(k) !== rb.has(k)) {
        const nowRequired = rb.has(k);
        const bump = ctx.side === "request" ? (nowRequired ? "major" : "minor") : nowRequired ? "minor" : "major";
        this.add({
          bump,
          side: ctx.side,
          kind: nowRequired ? "field-newly-required" : "field-no-longer-required",
          operation: ctx.op,
          field: [...ctx.path, k].join("."),
          sentence:
            ctx.side === "request"
              ? nowRequired
                ? `${capitalize(this.where(at(k)))} is now required; every call must set it.`
                : `${capitalize(this.where(at(k)))} is no longer required.`
              : nowRequired
                ? `${capitalize(this.where(at(k)))} is now always present.`
                : `${capitalize(this.where(at(k)))} may now be absent; code that reads it must handle \`undefined\`.`,
        });
      }
      this.schema(pa[k], pb[k], { ...at(k), optional: !rb.has(k) });
    }
    const apa = a.additionalProperties;
    const apb = b.additionalProperties;
    if (!isDeepStrictEqual(apa, apb)) {
      const open = (x) => x === undefined || x === true || (typeof x === "object" && Object.keys(x).length === 0);
      const where = this.where(ctx);
      if (open(apa) && open(apb)) {
        // no difference for a client
      } else if (apb === false && apa !== false) {
        this.schemaChange(
          ctx,
          "narrowed",
          "additional-properties-closed",
          `${capitalize(where)} no longer accepts fields it does not declare.`,
        );
      } else if (apa === false && apb !== false) {
        this.schemaChange(
          ctx,
          "widened",
          "additional-properties-opened",
          `${capitalize(where)} now allows fields it does not declare.`,
        );
      } else if (typeof apa === "object" && typeof apb === "object") {
        this.schema(apa, apb, { ...ctx, path: [...ctx.path, "*"] });
      } else {
        this.schemaChange(
          ctx,
          open(apb) ? "widened" : "narrowed",
          "additional-properties-changed",
          `The extra fields allowed in ${where} changed.`,
        );
      }
    }
  }

  // ---- operations --------------------------------------------------------------------------
  operations() {
    const collect = (doc) => {
      const ops = new Map();
      for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
        const item = deref(doc, rawItem).node ?? {};
        for (const method of METHODS) {
          if (!item[method]) continue;
          ops.set(`${method.toUpperCase()} ${path}`, { method, path, item, op: item[method] });
        }
      }
      return ops;
    };
    const oa = collect(this.a);
    const ob = collect(this.b);
    const shape = (path) => path.replace(/\{[^}]+\}/g, "{}");
    const unmatchedB = new Set([...ob.keys()].filter((k) => !oa.has(k)));
    for (const [key, A] of oa) {
      if (ob.has(key)) {
        this.operation(A, ob.get(key), key);
        continue;
      }
      // Same method and path shape: a path parameter was renamed.
      let match = [...unmatchedB].find((k) => ob.get(k).method === A.method && shape(ob.get(k).path) === shape(A.path));
      if (match) {
        const B = ob.get(match);
        unmatchedB.delete(match);
        const pa = [...A.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        const pb = [...B.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        const renamed = pa.map((p, i) => [p, pb[i]]).filter(([x, y]) => x !== y);
        this.add({
          bump: "major",
          side: "operation",
          kind: "path-parameter-renamed",
          operation: key,
          renamedTo: match,
          sentence: `The path parameter ${renamed.map(([x, y]) => `\`${x}\` of ${key} was renamed to \`${y}\``).join(", ")}; code that passes it by name must use the new name.`,
        });
        this.operation(A, B, match, Object.fromEntries(renamed));
        continue;
      }
      // Same operationId elsewhere: the method or the path changed.
      match = A.op.operationId && [...unmatchedB].find((k) => ob.get(k).op.operationId === A.op.operationId);
      if (match) {
        const B = ob.get(match);
        unmatchedB.delete(match);
        const what =
          A.method !== B.method && A.path !== B.path ? "method and path" : A.method !== B.method ? "method" : "path";
        this.add({
          bump: "major",
          side: "operation",
          kind: "operation-moved",
          operation: key,
          renamedTo: match,
          sentence: `The ${what} of operation \`${A.op.operationId}\` changed from ${key} to ${match}; code that calls the old ${what} must change.`,
        });
        const pa = [...A.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        const pb = [...B.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        this.operation(A, B, match, pa.length === pb.length ? Object.fromEntries(pa.map((p, i) => [p, pb[i]])) : {});
        continue;
      }
      this.add({
        bump: "major",
        side: "operation",
        kind: "operation-removed",
        operation: key,
        sentence: `The operation ${key} was removed; code that calls it no longer compiles.`,
      });
    }
    for (const key of unmatchedB) {
      this.add({
        bump: "minor",
        side: "operation",
        kind: "operation-added",
        operation: key,
        sentence: `The new operation ${key} was added.`,
      });
    }
  }

  operation(A, B, key, renamedParams = {}) {
    const ctx = { op: key, side: "operation", path: [] };
    const label = `operation ${key}`;
    this.compareDocKeys(A.op, B.op, ctx, label);
    if (A.op.operationId !== B.op.operationId) {
      this.add({
        bump: "major",
        side: "operation",
        kind: "operation-id-changed",
        operation: key,
        sentence: `The operationId of ${key} changed from \`${A.op.operationId ?? "none"}\` to \`${B.op.operationId ?? "none"}\`, which renames its entry in the exported \`operations\` type.`,
      });
    }
    this.security(A.op, B.op, key);
    this.opServers(A, B, key);
    this.parameters(A, B, key, renamedParams);
    this.requestBody(A.op.requestBody, B.op.requestBody, key);
    this.responses(A.op.responses ?? {}, B.op.responses ?? {}, key);
    const known = new Set([
      "parameters",
      "requestBody",
      "responses",
      "security",
      "servers",
      "operationId",
      "callbacks",
    ]);
    const other = [...new Set([...Object.keys(A.op), ...Object.keys(B.op)])].filter(
      (k) => !known.has(k) && !isDocKey(k) && !isDeepStrictEqual(A.op[k], B.op[k]),
    );
    if (other.length) this.unclassified(ctx, label, other);
  }

  authOf(doc, op) {
    const requirements = op.security ?? doc.security ?? [];
    const schemes = doc.components?.securitySchemes ?? {};
    const alternatives = requirements.map((req) =>
      Object.keys(req)
        .sort()
        .map((name) => {
          const s = deref(doc, schemes[name]).node ?? {};
          if (s.type === "http") return `http ${String(s.scheme).toLowerCase()}`;
          if (s.type === "apiKey") return `apiKey in ${s.in} ${String(s.name).toLowerCase()}`;
          return `${s.type ?? "unknown"} ${name}`;
        })
        .join(" + "),
    );
    const named = [...new Set(alternatives.filter(Boolean))].sort();
    return {
      required: named.length > 0 && !alternatives.includes(""),
      optional: named.length > 0 && alternatives.includes(""),
      schemes: named,
    };
  }

  // Auth levels: none, optional (a `{}` alternative: the key may be left out), required.
  security(opA, opB, key) {
    const a = this.authOf(this.a, opA);
    const b = this.authOf(this.b, opB);
    if (isDeepStrictEqual(a, b)) return;
    const desc = (x) => (x.schemes.length ? x.schemes.join(" or ") : "none");
    const level = (x) => (x.required ? 2 : x.optional ? 1 : 0);
    const la = level(a);
    const lb = level(b);
    if (la > 0 && lb > 0 && !isDeepStrictEqual(a.schemes, b.schemes)) {
      this.add({
        bump: "major",
        side: "operation",
        kind: "auth-changed",
        operation: key,
        sentence: `The authentication of ${key} changed from ${desc(a)} to ${desc(b)}; keys sent the old way are rejected.`,
      });
    } else if (lb === 2) {
      this.add({
        bump: "major",
        side: "operation",
        kind: "auth-added",
        operation: key,
        sentence: `${key} now requires authentication (${desc(b)}); calls without a key fail.`,
      });
    } else if (lb === 1 && la === 0) {
      this.add({
        bump: "minor",
        side: "operation",
        kind: "auth-optional-added",
        operation: key,
        sentence: `${key} now accepts an optional key (${desc(b)}).`,
      });
    } else {
      this.add({
        bump: "minor",
        side: "operation",
        kind: "auth-removed",
        operation: key,
        sentence: `${key} no longer requires authentication (was ${desc(a)}${lb === 1 ? "; a key is still accepted" : ""}).`,
      });
    }
  }

  opServers(A, B, key) {
    const sa = A.op.servers ?? A.item.servers;
    const sb = B.op.servers ?? B.item.servers;
    if (isDeepStrictEqual(sa, sb)) return;
    this.servers(sa ?? [], sb ?? [], `${key}'s own`);
  }

  parameters(A, B, key, renamedParams) {
    const list = (doc, X) => {
      const map = new Map();
      for (const raw of [...(X.item.parameters ?? []), ...(X.op.parameters ?? [])]) {
        const p = deref(doc, raw).node;
        if (!p?.name) continue;
        const name = p.in === "header" ? p.name.toLowerCase() : p.name;
        map.set(`${p.in} ${name}`, p);
      }
      return map;
    };
    const la = list(this.a, A);
    const lb = list(this.b, B);
    for (const [k, p] of la) {
      const mapped = p.in === "path" && renamedParams[p.name] ? `path ${renamedParams[p.name]}` : k;
      const q = lb.get(mapped);
      const ctx = { op: key, side: "request", path: [], param: p };
      const label = `the ${p.in} parameter \`${p.name}\` of ${key}`;
      if (!q) {
        if (p.in === "path") continue; // reported with the path change
        if (p.in === "header" && p.required) {
          this.add({
            bump: "minor",
            side: "request",
            kind: "required-header-removed",
            operation: key,
            sentence: `The required header \`${p.name}\` of ${key} was removed; the client no longer sends it.`,
          });
        } else {
          this.add({
            bump: "major",
            side: "request",
            kind: "parameter-removed",
            operation: key,
            field: p.name,
            sentence: `${capitalize(label)} was removed; code that sets it no longer compiles.`,
          });
        }
        continue;
      }
      if (Boolean(p.required) !== Boolean(q.required)) {
        const isHeader = p.in === "header";
        this.add(
          q.required
            ? {
                bump: "major",
                side: "request",
                kind: isHeader ? "required-header-added" : "parameter-newly-required",
                operation: key,
                field: p.name,
                sentence: `${capitalize(label)} is now required${isHeader ? "; requests without it are rejected" : "; every call must set it"}.`,
              }
            : {
                bump: "minor",
                side: "request",
                kind: isHeader ? "required-header-removed" : "parameter-no-longer-required",
                operation: key,
                field: p.name,
                sentence: `${capitalize(label)} is no longer required.`,
              },
        );
      }
      this.compareDocKeys(p, q, { op: key, side: "request" }, label);
      this.schema(p.schema, q.schema, ctx);
      const other = [...new Set([...Object.keys(p), ...Object.keys(q)])].filter(
        (x) => !["name", "in", "required", "schema"].includes(x) && !isDocKey(x) && !isDeepStrictEqual(p[x], q[x]),
      );
      if (other.length) this.unclassified({ op: key, side: "request" }, label, other);
    }
    const mappedB = new Set(
      [...la.values()].map((p) =>
        p.in === "path" && renamedParams[p.name]
          ? `path ${renamedParams[p.name]}`
          : `${p.in} ${p.in === "header" ? p.name.toLowerCase() : p.name}`,
      ),
    );
    for (const [k, q] of lb) {
      if (mappedB.has(k) || q.in === "path") continue;
      const isHeader = q.in === "header";
      const values = (() => {
        const s = view(this.b, q.schema).schema;
        return Array.isArray(s.enum) ? ` (allowed: ${fmt(s.enum)})` : "";
      })();
      this.add(
        q.required
          ? {
              bump: "major",
              side: "request",
              kind: isHeader ? "required-header-added" : "parameter-added-required",
              operation: key,
              field: q.name,
              sentence: `${key} now requires the ${q.in} parameter \`${q.name}\`${values}; requests without it are rejected.`,
            }
          : {
              bump: "minor",
              side: "request",
              kind: "parameter-added-optional",
              operation: key,
              field: q.name,
              sentence: `${key} accepts the new optional ${q.in} parameter \`${q.name}\`.`,
            },
      );
    }
  }

  requestBody(rawA, rawB, key) {
    const a = deref(this.a, rawA).node;
    const b = deref(this.b, rawB).node;
    if (!a && !b) return;
    if (!a) {
      this.add({
        bump: b.required ? "major" : "minor",
        side: "request",
        kind: b.required ? "request-body-added-required" : "request-body-added",
        operation: key,
        sentence: `${key} now ${b.required ? "requires" : "accepts"} a request body.`,
      });
      return;
    }
    if (!b) {
      this.add({
        bump: "major",
        side: "request",
        kind: "request-body-removed",
        operation: key,
        sentence: `${key} no longer takes a request body; code that sends one no longer compiles.`,
      });
      return;
    }
    if (Boolean(a.required) !== Boolean(b.required)) {
      this.add(
        b.required
          ? {
              bump: "major",
              side: "request",
              kind: "request-body-newly-required",
              operation: key,
              sentence: `The request body of ${key} is now required.`,
            }
          : {
              bump: "minor",
              side: "request",
              kind: "request-body-no-longer-required",
              operation: key,
              sentence: `The request body of ${key} is no longer required.`,
            },
      );
    }
    this.compareDocKeys(a, b, { op: key, side: "request" }, `the request body of ${key}`);
    this.content(
      a.content ?? {},
      b.content ?? {},
      { op: key, side: "request", path: [] },
      `the request body of ${key}`,
    );
  }

  content(ca, cb, ctx, label) {
    const types = [...new Set([...Object.keys(ca), ...Object.keys(cb)])];
    for (const t of types) {
      if (!(t in cb)) {
        this.add({
          bump: "major",
          side: ctx.side,
          kind: "media-type-removed",
          operation: ctx.op,
          sentence: `${capitalize(label)} is no longer ${t}.`,
        });
      } else if (!(t in ca)) {
        this.add({
          bump: "minor",
          side: ctx.side,
          kind: "media-type-added",
          operation: ctx.op,
          sentence: `${capitalize(label)} can now also be ${t}.`,
        });
      } else {
        this.compareDocKeys(ca[t], cb[t], ctx, label);
        this.schema(ca[t].schema, cb[t].schema, ctx);
      }
    }
  }

  responses(ra, rb, key) {
    const success = (code) => /^2/.test(code);
    const body = (doc, r) => Object.keys(deref(doc, r).node?.content ?? {}).length > 0;
    for (const code of Object.keys(ra)) {
      if (code in rb) {
        const a = deref(this.a, ra[code]).node ?? {};
        const b = deref(this.b, rb[code]).node ?? {};
        const ctx = { op: key, side: "response", status: code, path: [] };
        this.compareDocKeys(a, b, ctx, `the ${code} response of ${key}`);
        if (success(code) && body(this.a, a) && !body(this.b, b)) {
          this.add({
            bump: "major",
            side: "response",
            kind: "success-body-removed",
            operation: key,
            sentence: `The ${code} response of ${key} no longer has a body; code that reads it must change.`,
          });
          continue;
        }
        this.content(a.content ?? {}, b.content ?? {}, ctx, `the ${code} response body of ${key}`);
        this.responseHeaders(a.headers ?? {}, b.headers ?? {}, ctx);
        continue;
      }
      if (success(code)) {
        const moved = Object.keys(rb).find((c) => success(c) && !(c in ra));
        this.add({
          bump: "major",
          side: "response",
          kind: moved ? "success-status-changed" : "success-response-removed",
          operation: key,
          sentence: moved
            ? `The success status of ${key} changed from ${code} to ${moved}${body(this.b, rb[moved]) ? "" : " without a body"}; code that reads the ${code} response must change.`
            : `The ${code} response of ${key} was removed; code that reads it must change.`,
        });
        if (moved && body(this.b, rb[moved])) {
          const a = deref(this.a, ra[code]).node ?? {};
          const b = deref(this.b, rb[moved]).node ?? {};
          this.content(
            a.content ?? {},
            b.content ?? {},
            { op: key, side: "response", status: moved, path: [] },
            `the ${moved} response body of ${key}`,
          );
        }
      } else {
        this.add({
          bump: "minor",
          side: "response",
          kind: "error-response-removed",
          operation: key,
          sentence: `${key} no longer declares the ${code} response.`,
        });
      }
    }
    for (const code of Object.keys(rb)) {
      if (code in ra) continue;
      if (success(code) && Object.keys(ra).some((c) => success(c) && !(c in rb))) continue; // reported as a status change
      this.add({
        bump: "minor",
        side: "response",
        kind: success(code) ? "success-response-added" : "error-response-added",
        operation: key,
        sentence: `${key} now declares the ${code} response.`,
      });
    }
  }

  responseHeaders(ha, hb, ctx) {
    const norm = (doc, h) =>
      new Map(Object.entries(h).map(([k, v]) => [k.toLowerCase(), { name: k, header: deref(doc, v).node ?? {} }]));
    const a = norm(this.a, ha);
    const b = norm(this.b, hb);
    for (const [k, { name, header }] of a) {
      const other = b.get(k);
      const hctx = { ...ctx, param: { in: "response header", name } };
      if (!other) {
        this.add({
          bump: "major",
          side: "response",
          kind: "response-header-removed",
          operation: ctx.op,
          sentence: `${capitalize(this.where(hctx))} was removed; code that reads it must change.`,
        });
        continue;
      }
      if (Boolean(header.required) !== Boolean(other.header.required)) {
        this.add(
          other.header.required
            ? {
                bump: "minor",
                side: "response",
                kind: "response-header-newly-required",
                operation: ctx.op,
                sentence: `${capitalize(this.where(hctx))} is now always sent.`,
              }
            : {
                bump: "major",
                side: "response",
                kind: "response-header-no-longer-required",
                operation: ctx.op,
                sentence: `${capitalize(this.where(hctx))} may now be absent.`,
              },
        );
      }
      this.compareDocKeys(header, other.header, hctx, this.where(hctx));
      this.schema(header.schema, other.header.schema, hctx);
    }
    for (const [k, { name }] of b) {
      if (!a.has(k))
        this.add({
          bump: "minor",
          side: "response",
          kind: "response-header-added",
          operation: ctx.op,
          sentence: `${capitalize(this.where({ ...ctx, param: { in: "response header", name } }))} was added.`,
        });
    }
  }

  // ---- document level ----------------------------------------------------------------------
  servers(sa, sb, whose = "the default") {
    const url = (s) => (s?.url ? String(s.url).replace(/\/+$/, "") : undefined);
    const a = url(sa?.[0]);
    const b = url(sb?.[0]);
    if (a === b) {
      if (!isDeepStrictEqual((sa ?? []).map(url), (sb ?? []).map(url))) {
        this.add({
          bump: "patch",
          side: "document",
          kind: "other-servers-changed",
          sentence: `The vendor's list of other server URLs changed (${whose} server stays ${b}).`,
        });
      } else if (!isDeepStrictEqual(sa, sb)) {
        this.docChange({ side: "document" }, "The description of the server URLs changed (documentation only)");
      }
      return;
    }
    if (!a)
      this.add({
        bump: "minor",
        side: "document",
        kind: "server-added",
        sentence: `The vendor now documents ${whose} server URL ${b}, which becomes the default base URL.`,
      });
    else if (!b)
      this.add({
        bump: "major",
        side: "document",
        kind: "server-removed",
        sentence: `The vendor no longer documents ${whose} server URL (was ${a}); \`baseUrl\` becomes required.`,
      });
    else
      this.add({
        bump: "minor",
        side: "document",
        kind: "server-changed",
        sentence: `${capitalize(whose)} server URL changed from ${a} to ${b}; clients without \`baseUrl\` now call ${b}.`,
      });
  }

  document() {
    const a = this.a;
    const b = this.b;
    if (a.openapi !== b.openapi)
      this.docChange({ side: "document" }, `The document's OpenAPI version changed from ${a.openapi} to ${b.openapi}`);
    if (a.info?.version !== b.info?.version)
      this.docChange(
        { side: "document" },
        `The vendor's API version label changed from ${a.info?.version} to ${b.info?.version}`,
      );
    const infoA = { ...(a.info ?? {}), version: undefined };
    const infoB = { ...(b.info ?? {}), version: undefined };
    if (!isDeepStrictEqual(infoA, infoB))
      this.docChange(
        { side: "document" },
        "The document's title, description, contact or license changed (documentation only)",
      );
    this.servers(a.servers, b.servers);
    for (const k of ["tags", "externalDocs"])
      if (!isDeepStrictEqual(a[k], b[k]))
        this.docChange({ side: "document" }, `The document's ${k} changed (documentation only)`);
    this.operations();
  }
}

function sameShape(docA, a, docB, b) {
  const strip = (doc, s, depth = 0) => {
    if (depth > 6) return null;
    const v = view(doc, s);
    const out = { nullable: v.nullable };
    for (const [k, x] of Object.entries(v.schema)) {
      if (isDocKey(k) || k === "$ref") continue;
      if (k === "properties")
        out[k] = Object.fromEntries(Object.entries(x).map(([p, y]) => [p, strip(doc, y, depth + 1)]));
      else if (k === "items") out[k] = strip(doc, x, depth + 1);
      else if (k === "anyOf" || k === "oneOf") out[k] = x.map((y) => strip(doc, y, depth + 1));
      else out[k] = x;
    }
    return out;
  };
  return isDeepStrictEqual(strip(docA, a), strip(docB, b));
}

function capitalize(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
function docWord(k) {
  return { "x-codeSamples": "code samples", "x-code-samples": "code samples", externalDocs: "external docs" }[k] ?? k;
}

/**
 * @param {object} oldSpec the effective spec at the last release
 * @param {object} newSpec the effective spec now
 * @returns {{ changes: object[], bump: "major" | "minor" | "patch" | undefined }}
 */
export function diffSpecs(oldSpec, newSpec) {
  const differ = new Differ(oldSpec ?? {}, newSpec ?? {});
  differ.document();
  // One sentence once: a schema shared by several places can repeat the same finding.
  const seen = new Set();
  const changes = differ.changes.filter((c) => {
    const k = `${c.bump}|${c.sentence}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (!changes.length && !isDeepStrictEqual(oldSpec, newSpec)) {
    changes.push({
      bump: "patch",
      side: "document",
      kind: "documentation",
      sentence:
        "The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).",
    });
  }
  return { changes, bump: maxBump(...changes.map((c) => c.bump)) };
}

// ---- one sentence for the same change in several places -------------------------------------

const PLURAL = [
  [/^ was /, " were "],
  [/^ is /, " are "],
  [/^ now also accepts /, " now also accept "],
  [/^ now accepts /, " now accept "],
  [/^ no longer accepts /, " no longer accept "],
  [/^ now has /, " now have "],
  [/^ now allows /, " now allow "],
];

/**
 * Merges changes that say the same thing about several fields (a schema shared by several
 * fields, like Retell's AgentWeight) into one sentence listing the fields. For text only: the
 * changes themselves stay one per field.
 * @returns {object[]} changes, some with `sentence` naming several fields
 */
export function groupForText(changes) {
  const label = (field) => field.replace(/\.\[\]/g, "[]");
  const groups = new Map();
  const out = [];
  for (const c of changes) {
    const token = c.field ? `\`${label(c.field)}\`` : undefined;
    const at = token ? c.sentence.indexOf(` field ${token}`) : -1;
    if (at < 0 || c.sentence.indexOf(token, at + 7 + token.length) >= 0) {
      out.push(c);
      continue;
    }
    const template = `${c.sentence.slice(0, at)} field \u0000${c.sentence.slice(at + 7 + token.length)}`;
    const key = `${c.bump}|${c.kind}|${template}`;
    if (!groups.has(key)) {
      const group = { ...c, fields: [], template };
      groups.set(key, group);
      out.push(group);
    }
    groups.get(key).fields.push(token);
  }
  return out.map((g) => {
    if (!g.fields) return g;
    if (g.fields.length === 1) {
      const { fields, template, ...c } = g;
      return c;
    }
    const list = `${g.fields.slice(0, -1).join(", ")} and ${g.fields.at(-1)}`;
    const [head, tail] = g.template.split(" field \u0000");
    // The verb follows the operation (and a variant) in the tail: make it plural.
    const m = /^(?: \(in the `[^`]+` variant\))?(?: of [A-Z]+ \S+)?/.exec(tail) ?? [""];
    let rest = tail.slice(m[0].length);
    const rule = PLURAL.find(([re]) => re.test(rest));
    if (rule) rest = rest.replace(rule[0], rule[1]);
    rest = rest.replace(/\b(sets|reads|sends) it\b/g, "$1 them").replace(/handle it\b/g, "handle them");
    const { fields, template, ...c } = g;
    return { ...c, sentence: `${head} fields ${list}${m[0]}${rest}` };
  });
}
