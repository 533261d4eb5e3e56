// One operation present on both sides: its documentation, operationId, auth, servers,
// parameters, request body and responses. Keys the classifier does not know are unclassified.
import { isDeepStrictEqual } from "node:util";
import type { Differ } from "./differ.js";
import { changedKeys, compareDocKeys, isDocKey, unclassified } from "./docs.js";
import { compareParameters } from "./parameter-object.js";
import type { OperationPair } from "./paths-object.js";
import { compareRequestBody } from "./request-body-object.js";
import { compareResponses } from "./responses-object.js";
import { compareSecurity } from "./security.js";
import { compareServers } from "./servers.js";

const KNOWN = new Set(["parameters", "requestBody", "responses", "security", "servers", "operationId", "callbacks"]);

export function compareOperation(
  d: Differ,
  pair: OperationPair,
  op: string,
  renamed: Record<string, string | undefined> = {},
): void {
  const A = pair.a.op;
  const B = pair.b.op;
  const about = { at: "operation", op } as const;
  compareDocKeys(d, A, B, { side: "operation", op }, about);
  if (A.operationId !== B.operationId) {
    const ids = {
      ...(A.operationId == null ? {} : { from: String(A.operationId) }),
      ...(B.operationId == null ? {} : { to: String(B.operationId) }),
    };
    d.emit("operation-id-changed", "operation", { op, ...ids }, { operation: op });
  }
  compareSecurity(d, A, B, op);
  const sa = A.servers ?? pair.a.item.servers;
  const sb = B.servers ?? pair.b.item.servers;
  if (!isDeepStrictEqual(sa, sb)) compareServers(d, sa ?? [], sb ?? [], `${op}'s own`);
  compareParameters(d, pair, op, renamed);
  compareRequestBody(d, A.requestBody, B.requestBody, op);
  compareResponses(d, A.responses ?? {}, B.responses ?? {}, op);
  const other = changedKeys(A, B, (key) => !KNOWN.has(key) && !isDocKey(key));
  if (other.length) unclassified(d, { side: "operation", op }, about, other);
}
