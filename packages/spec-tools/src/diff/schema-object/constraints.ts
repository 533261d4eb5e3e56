// Constraints: a larger lower bound or a smaller upper bound narrows, the reverse widens;
// `pattern`, `format` and `multipleOf` added narrow, removed widen, changed are unrelated;
// `uniqueItems` added narrows; `readOnly`/`writeOnly` toggled changes the type on its side.
import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "../../json.js";
import type { Location } from "../change.js";
import type { Differ } from "../differ.js";

const LOWER_BOUNDS = ["minimum", "minLength", "minItems", "minProperties"];
const UPPER_BOUNDS = ["maximum", "maxLength", "maxItems", "maxProperties"];
const EXACT = ["pattern", "multipleOf", "format"];

/** 3.0's boolean `exclusiveMinimum: true` makes `minimum` exclusive; 3.1's is the number itself. */
function exclusive(schema: JsonObject, key: string, bound: string): unknown {
  return schema[key] === true ? schema[bound] : typeof schema[key] === "number" ? schema[key] : undefined;
}

// Numbers in practice; compared as JavaScript compares whatever a document holds.
const greater = (x: unknown, y: unknown): boolean => (x as number) > (y as number);

export function compareConstraints(
  d: Differ,
  a: JsonObject,
  b: JsonObject,
  at: Location,
  field: string | undefined,
): void {
  const meta = { operation: at.op, field };
  const checks: [string, unknown, unknown, "lower" | "upper"][] = [
    ...LOWER_BOUNDS.map((key): [string, unknown, unknown, "lower"] => [key, a[key], b[key], "lower"]),
    ...UPPER_BOUNDS.map((key): [string, unknown, unknown, "upper"] => [key, a[key], b[key], "upper"]),
    [
      "exclusiveMinimum",
      exclusive(a, "exclusiveMinimum", "minimum"),
      exclusive(b, "exclusiveMinimum", "minimum"),
      "lower",
    ],
    [
      "exclusiveMaximum",
      exclusive(a, "exclusiveMaximum", "maximum"),
      exclusive(b, "exclusiveMaximum", "maximum"),
      "upper",
    ],
  ];
  for (const [keyword, from, to, bound] of checks) {
    // A 3.0 boolean exclusiveMinimum/Maximum that did not change: the bound's own check reports it.
    if (from === to || (keyword.startsWith("exclusive") && isDeepStrictEqual(a[keyword], b[keyword]))) continue;
    const narrowed = from === undefined || (to !== undefined && (bound === "lower") === greater(to, from));
    const constraint = {
      style: "bound" as const,
      keyword,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    };
    d.emit(narrowed ? "constraint-narrowed" : "constraint-widened", at.side, { at, constraint }, meta);
  }
  for (const keyword of EXACT) {
    const from = a[keyword];
    const to = b[keyword];
    if (isDeepStrictEqual(from, to)) continue;
    const constraint = {
      style: "exact" as const,
      keyword,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    };
    const kind =
      from === undefined ? "constraint-narrowed" : to === undefined ? "constraint-widened" : "constraint-changed";
    d.emit(kind, at.side, { at, constraint }, meta);
  }
  if (Boolean(a.uniqueItems) !== Boolean(b.uniqueItems)) {
    const now = Boolean(b.uniqueItems);
    d.emit(
      now ? "constraint-narrowed" : "constraint-widened",
      at.side,
      { at, constraint: { style: "unique", now } },
      meta,
    );
  }
  for (const keyword of ["readOnly", "writeOnly"]) {
    if (Boolean(a[keyword]) !== Boolean(b[keyword])) {
      d.emit("access-changed", at.side, { at, keyword, now: Boolean(b[keyword]) }, meta);
    }
  }
}
