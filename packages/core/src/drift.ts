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
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

type Segment = string | number;

function pathText(path: readonly Segment[], last?: Segment): string {
  let text = "";
  const all = last === undefined ? path : [...path, last];
  for (const segment of all) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function hasType(value: unknown, type: DriftType): boolean {
  switch (type) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    default:
      return typeof value === type;
  }
}

function typesOf(table: DriftTable, index: number, seen = new Set<number>()): string[] {
  const schema = table[index];
  if (!schema || seen.has(index)) return [];
  seen.add(index);
  if (schema.type !== undefined) return typeof schema.type === "string" ? [schema.type] : [...schema.type];
  const branches = schema.oneOf ?? schema.anyOf ?? [];
  return [...new Set(branches.flatMap((branch) => typesOf(table, branch, seen)))];
}

/**
 * Checks `value` against `table[index]`, pushing every problem to `out` with its path; with no
 * `out`, stops at the first problem. Returns whether it conforms.
 */
function check(table: DriftTable, index: number, value: unknown, path: Segment[], out: Drift[] | undefined): boolean {
  const schema = table[index];
  if (schema === undefined) return true;
  const report = (problem: string, at?: Segment): false => {
    out?.push({ path: pathText(path, at), problem });
    return false;
  };
  if (value === null) {
    if (schema.nullable) return true;
    const any =
      schema.type === undefined &&
      schema.enum === undefined &&
      schema.oneOf === undefined &&
      schema.anyOf === undefined;
    return any || report("null, which the spec does not allow here");
  }
  const { type } = schema;
  if (type !== undefined) {
    const ok = typeof type === "string" ? hasType(value, type) : type.some((t) => hasType(value, t));
    if (!ok) {
      const wanted = typeof type === "string" ? type : type.join(" or ");
      return report(`expected ${wanted}, got ${jsonType(value)}`);
    }
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) {
    return report(UNKNOWN_ENUM);
  }
  const union = schema.oneOf ?? schema.anyOf;
  if (union !== undefined && !checkUnion(table, schema, union, value, path, out)) return false;
  let ok = true;
  if (typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    if (schema.required !== undefined) {
      for (const name of schema.required) {
        if (!Object.hasOwn(object, name)) {
          ok = report("required field missing", name);
          if (!out) return false;
        }
      }
    }
    const { properties, additional } = schema;
    if (properties !== undefined) {
      for (const name in properties) {
        if (!Object.hasOwn(object, name)) continue;
        path.push(name);
        const fine = check(table, properties[name] as number, object[name], path, out);
        path.pop();
        if (!fine) {
          ok = false;
          if (!out) return false;
        }
      }
    }
    if (additional !== undefined) {
      for (const name of Object.keys(object)) {
        if (properties !== undefined && Object.hasOwn(properties, name)) continue;
        path.push(name);
        const fine = check(table, additional, object[name], path, out);
        path.pop();
        if (!fine) {
          ok = false;
          if (!out) return false;
        }
      }
    }
  } else if (Array.isArray(value) && schema.items !== undefined) {
    for (let i = 0; i < value.length; i += 1) {
      path.push(i);
      const fine = check(table, schema.items, value[i], path, out);
      path.pop();
      if (!fine) {
        ok = false;
        if (!out) return false;
      }
    }
  }
  return ok;
}

/** How many of an object's fields a branch does not list: of two branches as far off, the one that lists more is closer. */
function unlistedFields(schema: DriftSchema | undefined, value: unknown): number {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return 0;
  const properties = schema?.properties;
  let count = 0;
  for (const name of Object.keys(value)) if (properties === undefined || !Object.hasOwn(properties, name)) count += 1;
  return count;
}

/**
 * A union: the branch its discriminator names, else any branch that matches. When none does, the
 * problems of the closest branch (the fewest problems, then the fewest of the value's fields it
 * does not list) if the value has that branch's shape here, else one problem saying which types
 * the branches take.
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
  if (discriminator !== undefined && typeof value === "object" && value !== null && !Array.isArray(value)) {
    const tag = (value as Record<string, unknown>)[discriminator.property];
    if (typeof tag === "string" && Object.hasOwn(discriminator.mapping, tag)) {
      return check(table, discriminator.mapping[tag] as number, value, path, out);
    }
    if (tag === undefined || !Object.hasOwn(value, discriminator.property)) {
      out?.push({ path: pathText(path, discriminator.property), problem: "required field missing" });
    } else {
      out?.push({ path: pathText(path, discriminator.property), problem: UNKNOWN_ENUM });
    }
    return false;
  }
  for (const branch of union) if (check(table, branch, value, path, undefined)) return true;
  if (!out) return false;
  let best: Drift[] | undefined;
  let bestUnlisted = 0;
  for (const branch of union) {
    const found: Drift[] = [];
    check(table, branch, value, path, found);
    const unlisted = unlistedFields(table[branch], value);
    if (best === undefined || found.length < best.length || (found.length === best.length && unlisted < bestUnlisted)) {
      best = found;
      bestUnlisted = unlisted;
    }
  }
  const here = pathText(path);
  if (best === undefined || best.some((drift) => drift.path === here)) {
    const kind = schema.oneOf !== undefined ? "oneOf" : "anyOf";
    const wanted = [...new Set(union.flatMap((branch) => typesOf(table, branch)))];
    out.push({
      path: here,
      problem: `matches no branch of its ${kind}${wanted.length ? ` (expected ${wanted.join(" or ")}, got ${jsonType(value)})` : ""}`,
    });
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
