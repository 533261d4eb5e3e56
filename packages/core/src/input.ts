/**
 * Reading what a caller passes in (docs/CONTRACT.md, facade rules): only the caller's own
 * enumerable properties count, each read once. Everything is checked and built from the
 * snapshot, never from the caller's object again, so neither a polluted `Object.prototype` nor a
 * getter that answers differently the second time can change what is sent after it was checked.
 */

/** Deeper than this, a passthrough value is refused: no vendor field nests so deep. */
export const MAX_INPUT_DEPTH = 64;

/**
 * The own enumerable string-keyed properties of `value`, each read once, in an object without a
 * prototype (so an absent key reads as undefined, whatever `Object.prototype` holds). Empty for
 * anything that is not an object.
 */
export function ownFields(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return out;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) out[key] = record[key];
  return out;
}

/** What is wrong with a value that is not JSON data, and where (`inbound_agents[0].weight`). */
export class NotJsonError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
  }
}

/** A `toJSON` of the value's own, or of a class of its own (Date), never one `Object.prototype` or `Array.prototype` holds. */
function ownToJson(value: object): ((key: string) => unknown) | undefined {
  for (
    let proto: object | null = value;
    proto !== null && proto !== Object.prototype && proto !== Array.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, "toJSON");
    if (descriptor !== undefined) {
      const method: unknown = "value" in descriptor ? descriptor.value : descriptor.get?.call(value);
      return typeof method === "function" ? (key) => method.call(value, key) : undefined;
    }
  }
  return undefined;
}

/**
 * A snapshot of `value` as JSON data, read once: strings, booleans, null, finite numbers, arrays
 * and objects (without a prototype) of own enumerable properties. A `Date` (or anything with a
 * `toJSON` of its own) becomes what its `toJSON` returns, a boxed primitive its value, and a
 * property whose value is `undefined` is absent. Throws a NotJsonError for what JSON cannot hold
 * or would change silently: `NaN` and infinities, bigints, functions, symbols, `undefined` in an
 * array, a cycle, nesting deeper than 64 levels.
 */
export function snapshotJson(value: unknown, path: string, ancestors: object[] = []): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new NotJsonError(path, `is ${value}, not a finite number`);
      return value;
    case "undefined":
      throw new NotJsonError(path, "is undefined (a list cannot hold it: use null)");
    case "object":
      break;
    default:
      throw new NotJsonError(path, `is a ${typeof value}, not JSON data`);
  }
  if (value === null) return null;
  if (ancestors.includes(value)) throw new NotJsonError(path, "holds itself (a cycle)");
  if (ancestors.length >= MAX_INPUT_DEPTH)
    throw new NotJsonError(path, `is nested deeper than ${MAX_INPUT_DEPTH} levels`);
  if (value instanceof String || value instanceof Number || value instanceof Boolean) {
    return snapshotJson(value.valueOf(), path, ancestors);
  }
  const inner = [...ancestors, value];
  const toJson = ownToJson(value);
  if (toJson !== undefined) return snapshotJson(toJson(path.slice(path.lastIndexOf(".") + 1)), path, inner);
  if (Array.isArray(value)) {
    const { length } = value;
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) out.push(snapshotJson(value[i], `${path}[${i}]`, inner));
    return out;
  }
  const out: Record<string, unknown> = Object.create(null);
  const fields = ownFields(value);
  for (const key in fields) {
    const item = fields[key];
    if (item !== undefined) out[key] = snapshotJson(item, `${path}.${key}`, inner);
  }
  return out;
}

/**
 * `JSON.stringify(value)`, except that a `toJSON` put on `Object.prototype` or `Array.prototype`
 * (a polluted prototype) is not called: it would replace the whole body. While neither holds one
 * (always, in a sound program) this is `JSON.stringify` itself.
 */
export function jsonText(value: unknown): string {
  if (!("toJSON" in Object.prototype) && !("toJSON" in Array.prototype)) return JSON.stringify(value);
  return ownJsonText(value) ?? "null";
}

/** JSON text of `value` from its own enumerable properties only, no `toJSON` consulted. */
function ownJsonText(value: unknown): string | undefined {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => ownJsonText(item) ?? "null").join(",")}]`;
  const parts: string[] = [];
  const fields = ownFields(value);
  for (const key in fields) {
    const text = ownJsonText(fields[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}
