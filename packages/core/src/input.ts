/**
 * Reading what a caller passes in (docs/CONTRACT.md, facade rules): only the caller's own
 * enumerable properties count, each read once. Everything is checked and built from the
 * snapshot, never from the caller's object again, so neither a polluted `Object.prototype` nor a
 * getter that answers differently the second time can change what is sent after it was checked.
 */

import { PhoneBridgeError, type Provider } from "./errors.js";

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

/**
 * A snapshot of `value` as JSON data, read once: strings, booleans, null, finite numbers, arrays
 * and objects (without a prototype) of own enumerable properties. A `Date` (or anything with a
 * `toJSON`) becomes what its `toJSON` returns, a boxed primitive its value, and a
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
  // As JSON.stringify does (a Date); a toJSON on a polluted prototype makes the request refused at send.
  const toJson: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === "function") return snapshotJson(toJson.call(value, path), path, inner);
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
 * The JSON text of a request body. A `toJSON` on `Object.prototype` or `Array.prototype` (a
 * polluted prototype) would make `JSON.stringify` send something else than the body that was
 * checked: then this returns undefined, and nothing is sent.
 */
export function bodyText(body: unknown): string | undefined {
  return toJsonPolluted() ? undefined : JSON.stringify(body);
}

/** True when `Object.prototype` or `Array.prototype` holds a `toJSON`. */
export function toJsonPolluted(): boolean {
  return "toJSON" in Object.prototype || "toJSON" in Array.prototype;
}

/** The error for a body `bodyText` refuses to write. */
export function pollutedError(provider: Provider): PhoneBridgeError {
  return new PhoneBridgeError({
    code: "invalid_input",
    provider,
    field: "body",
    detail: "Object.prototype or Array.prototype holds a toJSON: nothing is sent",
  });
}
