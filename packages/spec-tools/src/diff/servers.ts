// Servers: only the first is the default base URL. Its removal makes `baseUrl` required; its
// addition or change moves where clients without `baseUrl` call. The others only document.
import { isDeepStrictEqual } from "node:util";
import { arrayOr, objectOr } from "../json.js";
import type { Differ } from "./differ.js";

const url = (server: unknown): string | undefined => {
  const value = objectOr(server).url;
  return value ? String(value).replace(/\/+$/, "") : undefined;
};

/** `whose`: "the default" for the document's servers, "<operation>'s own" for an operation's. */
export function compareServers(d: Differ, sa: unknown, sb: unknown, whose = "the default"): void {
  const a = url(arrayOr(sa)[0]);
  const b = url(arrayOr(sb)[0]);
  if (a === b) {
    if (!isDeepStrictEqual(arrayOr(sa).map(url), arrayOr(sb).map(url))) {
      d.emit("other-servers-changed", "document", { whose, url: b });
    } else if (!isDeepStrictEqual(sa, sb)) {
      d.emit("documentation", "document", { what: "server-descriptions" });
    }
    return;
  }
  if (!a) d.emit("server-added", "document", { whose, to: String(b) });
  else if (!b) d.emit("server-removed", "document", { whose, from: a });
  else d.emit("server-changed", "document", { whose, from: a, to: b });
}
