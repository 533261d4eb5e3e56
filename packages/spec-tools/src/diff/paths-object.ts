// The operations of the two documents, matched: the same method and path; else the same method
// and path shape (a path parameter renamed); else the same operationId elsewhere (the method or
// the path changed). What is left is removed or added.
import { type JsonObject, objectOr } from "../json.js";
import { HTTP_METHODS } from "../openapi/methods.js";
import { deref } from "../openapi/ref.js";
import type { Differ } from "./differ.js";
import { compareOperation } from "./operation-object.js";

interface OperationRef {
  method: string;
  path: string;
  item: JsonObject;
  op: JsonObject;
}

export interface OperationPair {
  a: OperationRef;
  b: OperationRef;
}

function operationsOf(doc: unknown): Map<string, OperationRef> {
  const operations = new Map<string, OperationRef>();
  for (const [path, rawItem] of Object.entries(objectOr(objectOr(doc).paths))) {
    const item = objectOr(deref(doc, rawItem) ?? {});
    for (const method of HTTP_METHODS) {
      if (!item[method]) continue;
      operations.set(`${method.toUpperCase()} ${path}`, { method, path, item, op: item[method] as JsonObject });
    }
  }
  return operations;
}

const shape = (path: string): string => path.replace(/\{[^}]+\}/g, "{}");
const pathParameters = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");

export function compareOperations(d: Differ): void {
  const oa = operationsOf(d.a);
  const ob = operationsOf(d.b);
  const unmatched = new Set([...ob.keys()].filter((key) => !oa.has(key)));
  for (const [key, a] of oa) {
    const same = ob.get(key);
    if (same) {
      compareOperation(d, { a, b: same }, key);
      continue;
    }
    // Same method and path shape: a path parameter was renamed.
    let match = [...unmatched].find(
      (k) => ob.get(k)?.method === a.method && shape(ob.get(k)?.path ?? "") === shape(a.path),
    );
    const moved = match === undefined ? undefined : ob.get(match);
    if (match !== undefined && moved) {
      unmatched.delete(match);
      const pa = pathParameters(a.path);
      const pb = pathParameters(moved.path);
      const renamed = pa.map((name, i): [string, string | undefined] => [name, pb[i]]).filter(([x, y]) => x !== y);
      d.emit("path-parameter-renamed", "operation", { op: key, renamed }, { operation: key, renamedTo: match });
      compareOperation(d, { a, b: moved }, match, Object.fromEntries(renamed));
      continue;
    }
    // Same operationId elsewhere: the method or the path changed.
    const operationId = a.op.operationId;
    match = operationId ? [...unmatched].find((k) => ob.get(k)?.op.operationId === operationId) : undefined;
    const elsewhere = match === undefined ? undefined : ob.get(match);
    if (match !== undefined && elsewhere) {
      unmatched.delete(match);
      const what =
        a.method !== elsewhere.method && a.path !== elsewhere.path
          ? "method and path"
          : a.method !== elsewhere.method
            ? "method"
            : "path";
      d.emit(
        "operation-moved",
        "operation",
        { op: key, to: match, operationId: String(operationId), what },
        { operation: key, renamedTo: match },
      );
      const pa = pathParameters(a.path);
      const pb = pathParameters(elsewhere.path);
      compareOperation(
        d,
        { a, b: elsewhere },
        match,
        pa.length === pb.length ? Object.fromEntries(pa.map((name, i) => [name, pb[i]])) : {},
      );
      continue;
    }
    d.emit("operation-removed", "operation", { op: key }, { operation: key });
  }
  for (const key of unmatched) d.emit("operation-added", "operation", { op: key }, { operation: key });
}
