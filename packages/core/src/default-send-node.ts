/**
 * The transport of a client given no `fetch`, in Node: node:http, which costs about 0.6× the
 * CPU of Node's `fetch` per request (README.md#performance). A global `fetch` replaced after
 * this module loaded (a test's stub, an instrumented fetch) is used as the global `fetch` would
 * have been: phonebridge never goes around a fetch somebody put in its way.
 */
import { fetchSend, type Send } from "./transport.js";
import { nodeSend } from "./transport-node.js";

const NODE_FETCH = globalThis.fetch;

export function defaultSend(): Send {
  return globalThis.fetch === NODE_FETCH ? nodeSend : fetchSend(globalThis.fetch);
}
