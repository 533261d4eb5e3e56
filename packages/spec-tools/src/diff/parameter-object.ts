// Parameters (path item's and operation's, header names case-insensitive). A required header
// removed only stops the client sending it; any other parameter removed breaks callers that set
// it. Parameters added, required or no longer, and their schemas are on the request side.
import { arrayOr, type JsonObject } from "../json.js";
import { deref } from "../openapi/ref.js";
import type { Differ } from "./differ.js";
import { changedKeys, compareDocKeys, isDocKey, unclassified } from "./docs.js";
import type { OperationPair } from "./paths-object.js";
import { compareSchema } from "./schema-object/index.js";
import { view } from "./schema-object/view.js";

type Parameter = JsonObject & { in: unknown; name: unknown };

const keyOf = (p: Parameter): string => `${p.in} ${p.in === "header" ? (p.name as string).toLowerCase() : p.name}`;

function parametersOf(doc: unknown, side: OperationPair["a"]): Map<string, Parameter> {
  const map = new Map<string, Parameter>();
  for (const raw of [...arrayOr(side.item.parameters), ...arrayOr(side.op.parameters)]) {
    const p = deref(doc, raw) as Parameter | undefined;
    if (!p?.name) continue;
    map.set(keyOf(p), p);
  }
  return map;
}

const KNOWN = ["name", "in", "required", "schema"];

export function compareParameters(
  d: Differ,
  pair: OperationPair,
  op: string,
  renamed: Record<string, string | undefined>,
): void {
  const la = parametersOf(d.a, pair.a);
  const lb = parametersOf(d.b, pair.b);
  // A renamed path parameter (paths-object.ts) is compared with its new name.
  const counterpart = (p: Parameter): string => {
    const to = p.in === "path" ? renamed[p.name as string] : undefined;
    return to ? `path ${to}` : keyOf(p);
  };
  const meta = (p: Parameter) => ({ operation: op, field: p.name as string });
  for (const p of la.values()) {
    const q = lb.get(counterpart(p));
    const named = { op, in: String(p.in), name: String(p.name) };
    if (!q) {
      if (p.in === "path") continue; // reported with the path change
      if (p.in === "header" && p.required) {
        d.emit("required-header-removed", "request", { ...named, how: "removed" }, { operation: op });
      } else {
        d.emit("parameter-removed", "request", named, meta(p));
      }
      continue;
    }
    if (Boolean(p.required) !== Boolean(q.required)) {
      const isHeader = p.in === "header";
      if (q.required) {
        if (isHeader) d.emit("required-header-added", "request", { ...named, how: "became-required" }, meta(p));
        else d.emit("parameter-newly-required", "request", named, meta(p));
      } else if (isHeader)
        d.emit("required-header-removed", "request", { ...named, how: "no-longer-required" }, meta(p));
      else d.emit("parameter-no-longer-required", "request", named, meta(p));
    }
    const about = { at: "parameter", ...named } as const;
    compareDocKeys(d, p, q, { side: "request", op }, about);
    compareSchema(d, p.schema, q.schema, {
      op,
      side: "request",
      path: [],
      param: { in: String(p.in), name: String(p.name) },
    });
    const other = changedKeys(p, q, (key) => !KNOWN.includes(key) && !isDocKey(key));
    if (other.length) unclassified(d, { side: "request", op }, about, other);
  }
  const matched = new Set([...la.values()].map(counterpart));
  for (const [key, q] of lb) {
    if (matched.has(key) || q.in === "path") continue;
    const named = { op, in: String(q.in), name: String(q.name) };
    if (!q.required) {
      d.emit("parameter-added-optional", "request", named, meta(q));
      continue;
    }
    const allowed = view(d.b, q.schema).schema.enum;
    const values = Array.isArray(allowed) ? { values: allowed as unknown[] } : {};
    if (q.in === "header") d.emit("required-header-added", "request", { ...named, how: "added", ...values }, meta(q));
    else d.emit("parameter-added-required", "request", { ...named, ...values }, meta(q));
  }
}
