/**
 * The transport of a client in Node: the `fetch` given, else node:http, which costs about 0.6× the
 * CPU of Node's `fetch` per request (README.md#performance). A global `fetch` replaced after
 * this module loaded (a test's stub, an instrumented fetch) is used as the global `fetch` would
 * have been: phonebridge never goes around a fetch somebody put in its way.
 */
import { fetchSend, type Send } from "./transport.js";
import { nodeSend } from "./transport-node.js";

const NODE_FETCH = globalThis.fetch;

/** The transport of a client that sends with `fetchImpl`, which is `given` or the global `fetch`. */
export function defaultSend(fetchImpl: typeof globalThis.fetch, given?: typeof globalThis.fetch): Send {
  return given === undefined && fetchImpl === NODE_FETCH ? nodeSend : fetchSend(fetchImpl);
}
