/**
 * The transport of a client outside Node: always the `fetch` it sends with (the one given, else
 * the global one). In Node, `#default-send` is default-send-node.ts instead (package.json
 * `imports`), so a bundle for a browser or an edge runtime holds no node:http.
 */
import { fetchSend, type Send } from "./transport.js";

export const defaultSend: (fetchImpl: typeof globalThis.fetch, given?: typeof globalThis.fetch) => Send = fetchSend;
