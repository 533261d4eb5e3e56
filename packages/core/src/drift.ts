// Drift: where a vendor's JSON response deviates from the response schema of its spec, reported
// as data (`{ path, problem }[]`) rather than thrown (docs/CONTRACT.md#vendor-packages-phonebridgevendor).
//
// The schemas come as a table that `pnpm generate` writes from each vendor's spec
// (`@phonebridge/<vendor>/validate`), interpreted here by one small function: a table is compact
// data, shared by every response it checks, and this walk allocates nothing while a body
// conforms (a path is only built for a problem), so checking every response costs little.
//
// What counts as drift is what a client reading the response can trip over: a required field
// missing, a value of another type, an enum value the spec does not list, a null the spec does not
// allow, a union (`oneOf`/`anyOf`) none of whose branches matches, in nested objects and arrays
// alike. Fields the spec does not list are not drift (vendors add fields), and neither are string
// formats, patterns or numeric bounds (they say nothing about the shape a client reads).

/** The JSON types a drift schema names. `integer` is a number with no fraction. */
export type DriftType = "object" | "array" | "string" | "number" | "integer" | "boolean";

/**
 * One schema of a drift table. Other schemas are named by their index in the table, so a table
 * holds each schema once, and recursive schemas are plain indices.
 */
export interface DriftSchema {
  /** The types allowed; absent: any. */
  readonly type?: DriftType | readonly DriftType[];
  /** Whether null is allowed. */
  readonly nullable?: boolean;
  /** The values allowed. */
  readonly enum?: readonly (string | number | boolean)[];
  /** An object's listed properties: name → schema index. */
  readonly properties?: Readonly<Record<string, number>>;
  /** The properties an object must have. */
  readonly required?: readonly string[];
  /** The schema of an object's properties not listed in `properties`. */
  readonly additional?: number;
  /** The schema of an array's items. */
  readonly items?: number;
  /** Branches, at least one of which must match (`oneOf`; drift does not count matches). */
  readonly oneOf?: readonly number[];
  /** Branches, at least one of which must match (`anyOf`). */
  readonly anyOf?: readonly number[];
  /** For a union: the property whose value picks the branch, and each value's branch. */
  readonly discriminator?: { readonly property: string; readonly mapping: Readonly<Record<string, number>> };
}

/** The schemas of a vendor's responses: `[index]` is a schema; the roots are its operations'. */
export type DriftTable = readonly DriftSchema[];

/** One deviation of a response from its schema. */
export interface Drift {
  /** Where, as a JSON path from the body: `inbound_agents[0].weight`; `""` for the body itself. */
  readonly path: string;
  /** What, in words: `required field missing`, `expected string, got number`, … */
  readonly problem: string;
}

/** A validator of one response schema: `[]` when the body conforms. */
export type DriftCheck = (body: unknown) => Drift[];

/**
 * A vendor's validators of the 2xx response bodies of its phone-number operations, as
 * `@phonebridge/<vendor>/validate` exports them: a list page is checked without its items (its
 * `items` field only as an array), and each item on its own, so an item's paths start at the item.
 */
export interface ResponseValidators {
  readonly update: DriftCheck;
  readonly get?: DriftCheck;
  readonly listPage?: DriftCheck;
  readonly listItem?: DriftCheck;
}

/**
 * A problem names what is wrong, never the value: a response can hold a secret in any field, and
 * drift is shown where the body is not (warnings, results files). A path holds property names
 * only, which a caller that knows its secrets scrubs (the facade does).
 */
const UNKNOWN_ENUM = "unknown enum value";
const MISSING = "required field missing";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const NONE: readonly string[] = [];

type Segment = string | number;

function pathText(path: readonly Segment[], last?: Segment): string {
  let text = "";
  for (const segment of last === undefined ? path : [...path, last]) {
    text +=
      typeof segment === "number"
        ? `[${segment}]`
        : IDENTIFIER.test(segment)
          ? (text && ".") + segment
          : `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function jsonType(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

const hasType = (value: unknown, type: DriftType): boolean =>
  type === "integer" ? Number.isInteger(value) : jsonType(value) === type;

/** Pushes a problem at `path` (then `at`) to `out`, when there is one; false, for `return fail(…)`. */
function fail(out: Drift[] | undefined, path: readonly Segment[], problem: string, at?: Segment): false {
  out?.push({ path: pathText(path, at), problem });
  return false;
}

/** The types a schema's values take, for a message. */
function typesOf(table: DriftTable, index: number, seen = new Set<number>()): string[] {
  const schema = table[index];
  if (!schema || seen.has(index)) return [];
  seen.add(index);
  const { type } = schema;
  if (type !== undefined) return typeof type === "string" ? [type] : [...type];
  return (schema.oneOf ?? schema.anyOf ?? []).flatMap((branch) => typesOf(table, branch, seen));
}

/** Checks `value` at `path` and `segment` against `table[index]` (see {@link check}). */
function descend(
  table: DriftTable,
  index: number,
  value: unknown,
  path: Segment[],
  segment: Segment,
  out: Drift[] | undefined,
): boolean {
  path.push(segment);
  const ok = check(table, index, value, path, out);
  path.pop();
  return ok;
}

/**
 * Checks `value` against `table[index]`, pushing every problem to `out` with its path; with no
 * `out`, stops at the first problem. Returns whether it conforms.
 */
function check(table: DriftTable, index: number, value: unknown, path: Segment[], out: Drift[] | undefined): boolean {
  const schema = table[index];
  if (schema === undefined) return true;
  const { type } = schema;
  if (value === null) {
    const any = (type ?? schema.enum ?? schema.oneOf ?? schema.anyOf) === undefined;
    return schema.nullable === true || any || fail(out, path, "null, which the spec does not allow here");
  }
  if (type !== undefined && !(typeof type === "string" ? hasType(value, type) : type.some((t) => hasType(value, t)))) {
    return fail(out, path, `expected ${typeof type === "string" ? type : type.join(" or ")}, got ${jsonType(value)}`);
  }
  if (schema.enum?.includes(value as string) === false) return fail(out, path, UNKNOWN_ENUM);
  const union = schema.oneOf ?? schema.anyOf;
  if (union !== undefined && !checkUnion(table, schema, union, value, path, out)) return false;
  let ok = true;
  if (Array.isArray(value)) {
    const { items } = schema;
    if (items !== undefined) {
      for (let i = 0; i < value.length; i += 1) {
        if (!descend(table, items, value[i], path, i, out)) {
          if (!out) return false;
          ok = false;
        }
      }
    }
  } else if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? NONE) {
      if (!Object.hasOwn(object, name)) {
        if (!out) return false;
        ok = fail(out, path, MISSING, name);
      }
    }
    const { properties, additional } = schema;
    for (const name in properties) {
      if (Object.hasOwn(object, name) && !descend(table, properties[name] as number, object[name], path, name, out)) {
        if (!out) return false;
        ok = false;
      }
    }
    if (additional !== undefined) {
      for (const name of Object.keys(object)) {
        if (properties !== undefined && Object.hasOwn(properties, name)) continue;
        if (!descend(table, additional, object[name], path, name, out)) {
          if (!out) return false;
          ok = false;
        }
      }
    }
  }
  return ok;
}

/**
 * A union: the branch its discriminator names, else any branch that matches. When none does, the
 * problems of the closest branch (the fewest problems, then the fewest of the value's fields it
 * does not list: of two branches as far off, the one that lists more is closer) if the value has
 * that branch's shape here, else one problem saying which types the branches take.
 */
function checkUnion(
  table: DriftTable,
  schema: DriftSchema,
  union: readonly number[],
  value: unknown,
  path: Segment[],
  out: Drift[] | undefined,
): boolean {
  const { discriminator } = schema;
  const object = jsonType(value) === "object";
  if (discriminator !== undefined && object) {
    const { property, mapping } = discriminator;
    const tag = (value as Record<string, unknown>)[property];
    if (typeof tag === "string" && Object.hasOwn(mapping, tag)) {
      return check(table, mapping[tag] as number, value, path, out);
    }
    const present = tag !== undefined && Object.hasOwn(value as object, property);
    return fail(out, path, present ? UNKNOWN_ENUM : MISSING, property);
  }
  for (const branch of union) if (check(table, branch, value, path, undefined)) return true;
  if (!out) return false;
  let best: Drift[] | undefined;
  let bestUnlisted = 0;
  for (const branch of union) {
    const found: Drift[] = [];
    check(table, branch, value, path, found);
    const properties = table[branch]?.properties;
    const unlisted = object
      ? Object.keys(value as object).filter((name) => properties === undefined || !Object.hasOwn(properties, name))
          .length
      : 0;
    if (best === undefined || found.length < best.length || (found.length === best.length && unlisted < bestUnlisted)) {
      best = found;
      bestUnlisted = unlisted;
    }
  }
  const here = pathText(path);
  if (best === undefined || best.some((drift) => drift.path === here)) {
    const wanted = [...new Set(union.flatMap((branch) => typesOf(table, branch)))];
    const got = wanted.length ? ` (expected ${wanted.join(" or ")}, got ${jsonType(value)})` : "";
    out.push({ path: here, problem: `matches no branch of its ${schema.oneOf ? "oneOf" : "anyOf"}${got}` });
  } else {
    out.push(...best);
  }
  return false;
}

/** Where `body` deviates from `table[root]`: `[]` when it conforms. */
export function checkDrift(table: DriftTable, root: number, body: unknown): Drift[] {
  const out: Drift[] = [];
  check(table, root, body, [], out);
  return out;
}

/** A validator of `table[root]`, for a generated `@phonebridge/<vendor>/validate` module. */
export function driftCheck(table: DriftTable, root: number): DriftCheck {
  return (body) => checkDrift(table, root, body);
}
