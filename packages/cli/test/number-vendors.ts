/**
 * Fake vendors for numbers given as ids (docs/CONTRACT.md#cli-phonebridge, ids given as numbers):
 * local servers that serve the list, get and update shapes of a vendor whose find is a scan of
 * its list (Vogent) and of one with a fuzzy search (Cartesia). Each test file closes them with
 * `afterEach(closeFakes)`.
 */

import type { ServerResponse } from "node:http";
import { FAKE_KEY, localServer, type SeenRequest } from "./helpers.js";

const fakes: (() => Promise<void>)[] = [];

/** Closes every fake started since the last call. */
export async function closeFakes(): Promise<void> {
  await Promise.all(fakes.splice(0).map((close) => close()));
}

/** Closes `close` with the fakes. */
export function closeLater(close: () => Promise<void>): void {
  fakes.push(close);
}

export interface Held {
  id: string;
  number: string;
  agentId: string | null;
}

/** A vendor without a filter by number (its find is a scan of the list), two numbers a page. */
export const VOGENT: Held[] = [
  { id: "pn_v1", number: "+14155550001", agentId: "agent_old" },
  { id: "pn_v2", number: "+14155550002", agentId: "agent_1" },
  { id: "pn_v3a", number: "+14155550003", agentId: null },
  { id: "pn_v3b", number: "+14155550003", agentId: null },
  { id: "pn_v4", number: "+14155550004", agentId: null },
];

export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

const vogentItem = (held: Held) => ({ ...held, type: "PSTN" });

/**
 * The fake vendor without a filter by number: its list in pages of two (`cursor`), its get and
 * its update. `fail`: the list's answer instead (a status), to see a lookup fail.
 */
export async function vogent(options: { failList?: number; failUpdate?: string } = {}) {
  const s = await localServer((request: SeenRequest, response) => {
    const url = new URL(request.url, "http://x");
    if (request.method === "GET" && url.pathname === "/phone_numbers") {
      if (options.failList !== undefined) {
        json(response, options.failList, { message: `denied ${FAKE_KEY}` });
        return;
      }
      const start = Number(url.searchParams.get("cursor") ?? "0");
      const data = VOGENT.slice(start, start + 2).map(vogentItem);
      json(response, 200, { data, cursor: start + 2 < VOGENT.length ? String(start + 2) : null });
      return;
    }
    const id = decodeURIComponent(url.pathname.replace(/^\/phone_numbers\//, ""));
    const held = VOGENT.find((each) => each.id === id);
    if (held === undefined) {
      json(response, 404, { message: "not found" });
      return;
    }
    if (request.method === "PUT") {
      if (id === options.failUpdate) {
        json(response, 500, { message: "try again" });
        return;
      }
      json(response, 200, vogentItem({ ...held, agentId: (request.body as { agentId: string }).agentId }));
      return;
    }
    json(response, 200, vogentItem(held));
  });
  fakes.push(s.close);
  return s;
}

/** The fake vendor with a fuzzy search `q`: +14155550009 is held twice (the search gives both). */
export const CARTESIA: Held[] = [
  { id: "pn_c1", number: "+14155550001", agentId: "agent_old" },
  { id: "pn_c19", number: "+141555500019", agentId: null },
  { id: "pn_c9a", number: "+14155550009", agentId: null },
  { id: "pn_c9b", number: "+14155550009", agentId: null },
  ...Array.from({ length: 25 }, (_, i) => ({
    id: `pn_c${100 + i}`,
    number: `+1415555${String(100 + i).padStart(4, "0")}`,
    agentId: null,
  })),
];

const cartesiaItem = (held: Held) => ({
  id: held.id,
  number: held.number,
  label: null,
  agent: held.agentId === null ? null : { id: held.agentId, name: "Agent" },
  created_at: "2026-01-01T00:00:00Z",
  provider: { type: "cartesia", id: "prov_1" },
});

export async function cartesia() {
  const s = await localServer((request: SeenRequest, response) => {
    const url = new URL(request.url, "http://x");
    if (request.method === "GET" && url.pathname === "/agents/phone-numbers") {
      // A fuzzy search: every number that holds the text (the CLI checks each for the exact number).
      const q = url.searchParams.get("q");
      const after = url.searchParams.get("starting_after");
      const matching = CARTESIA.filter((held) => q === null || held.number.includes(q));
      const start = after === null ? 0 : matching.findIndex((held) => held.id === after) + 1;
      const data = matching.slice(start, start + 10);
      json(response, 200, { data: data.map(cartesiaItem), has_more: start + 10 < matching.length });
      return;
    }
    const id = decodeURIComponent(url.pathname.replace(/^\/agents\/phone-numbers\//, ""));
    const held = CARTESIA.find((each) => each.id === id);
    if (held === undefined) {
      json(response, 404, { message: "not found" });
      return;
    }
    const agentId = (request.body as { agent_id?: string } | undefined)?.agent_id;
    json(response, 200, cartesiaItem(request.method === "PATCH" && agentId ? { ...held, agentId } : held));
  });
  fakes.push(s.close);
  return s;
}

export const keyed = (provider: string, url: string) => [
  "--api-key",
  `${provider}=${FAKE_KEY}`,
  "--base-url",
  `${provider}=${url}`,
  "--max-retries",
  "0",
];

export const listReads = (s: { requests: SeenRequest[] }) =>
  s.requests.filter((r) => r.method === "GET" && /^\/phone_numbers(\?|$)/.test(r.url));
export const writes = (s: { requests: SeenRequest[] }) => s.requests.filter((r) => r.method !== "GET");
