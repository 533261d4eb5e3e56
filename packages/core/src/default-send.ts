/**
 * The transport of a client given no `fetch`, outside Node: the global `fetch`, read when the
 * client is created. In Node, `#default-send` is default-send-node.ts instead (package.json
 * `imports`), so a bundle for a browser or an edge runtime holds no node:http.
 */
import { fetchSend, type Send } from "./transport.js";

export function defaultSend(): Send {
  return fetchSend(globalThis.fetch);
}
