// One operation present on both sides: its documentation, operationId, auth, servers,
// parameters, request body and responses. Keys the classifier does not know are unclassified.
import { isDeepStrictEqual } from "node:util";
import { arrayOr, objectOr } from "../json.js";
import type { Differ } from "./differ.js";
import { changedKeys, compareDocKeys, isDocKey, unclassified } from "./docs.js";
import { compareParameters } from "./parameter-object.js";
import type { OperationPair } from "./paths-object.js";
import { compareRequestBody } from "./request-body-object.js";
import { compareResponses } from "./responses-object.js";
import { compareSecurity } from "./security.js";
import { compareServers } from "./servers.js";

/** An operation's or path's `servers`, when it lists any (an empty list overrides nothing). */
const ownServers = (servers: unknown): unknown[] | undefined =>
  arrayOr(servers).length ? arrayOr(servers) : undefined;

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
  // Servers of its own (or its path's) replace the document's; without them the operation is
  // called on the document's, whose own changes document.ts reports once.
  const sa = ownServers(A.servers) ?? ownServers(pair.a.item.servers);
  const sb = ownServers(B.servers) ?? ownServers(pair.b.item.servers);
  if ((sa || sb) && !isDeepStrictEqual(sa, sb)) {
    compareServers(d, sa ?? objectOr(d.a).servers, sb ?? objectOr(d.b).servers, `${op}'s own`);
  }
  compareParameters(d, pair, op, renamed);
  compareRequestBody(d, A.requestBody, B.requestBody, op);
  compareResponses(d, A.responses ?? {}, B.responses ?? {}, op);
  const other = changedKeys(A, B, (key) => !KNOWN.has(key) && !isDocKey(key));
  if (other.length) unclassified(d, { side: "operation", op }, about, other);
}
