// The document as a whole: OpenAPI version, info (its version label included), the default
// servers, tags and external docs, then every operation.
import { isDeepStrictEqual } from "node:util";
import { objectOr } from "../json.js";
import type { Differ } from "./differ.js";
import { compareOperations } from "./paths-object.js";
import { compareServers } from "./servers.js";

export function compareDocument(d: Differ): void {
  const a = objectOr(d.a);
  const b = objectOr(d.b);
  if (a.openapi !== b.openapi)
    d.emit("documentation", "document", { what: "openapi-version", from: a.openapi, to: b.openapi });
  const infoA = objectOr(a.info);
  const infoB = objectOr(b.info);
  if (infoA.version !== infoB.version) {
    d.emit("documentation", "document", { what: "api-version", from: infoA.version, to: infoB.version });
  }
  if (!isDeepStrictEqual({ ...infoA, version: undefined }, { ...infoB, version: undefined })) {
    d.emit("documentation", "document", { what: "info" });
  }
  compareServers(d, a.servers, b.servers);
  for (const key of ["tags", "externalDocs"]) {
    if (!isDeepStrictEqual(a[key], b[key])) d.emit("documentation", "document", { what: "document-key", key });
  }
  compareOperations(d);
}
