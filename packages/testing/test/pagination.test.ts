// The fake paginated server (src/pagination.ts): it serves each scripted page for the cursor that
// leads to it, in every pagination style, with only the fields the script gives; and each of its
// scenarios ends as it says for a client that follows the rules of docs/CONTRACT.md (stop on
// hasMore false or absent, a null or absent cursor, an empty page; a repeated cursor is an error).
import { afterEach, describe, expect, it } from "vitest";
import {
  type PaginatedServer,
  type Pagination,
  paginationScenarios,
  type ScriptedPage,
  startPaginatedServer,
} from "../src/pagination.js";

const STYLES: Record<string, Pagination> = {
  "a cursor in the page and hasMore": {
    request: "pagination_key",
    response: { items: "items", next: "pagination_key", hasMore: "has_more" },
  },
  "a cursor in the page, null at the end": { request: "cursor", response: { items: "data", next: "cursor" } },
  "the last item's id and hasMore": {
    request: "starting_after",
    next: { lastItem: "id" },
    response: { items: "data", hasMore: "has_more" },
  },
};

let server: PaginatedServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** A client that follows the rules, with a bound so that a wrong scenario fails instead of hanging. */
async function listAll(base: string, pagination: Pagination): Promise<{ ids: string[]; error?: string }> {
  const ids: string[] = [];
  const sent = new Set<string>();
  let cursor: string | undefined;
  for (let requests = 0; requests < 20; requests += 1) {
    const url = new URL("/", base);
    if (cursor !== undefined) url.searchParams.set(pagination.request, cursor);
    const page = (await (await fetch(url)).json()) as Record<string, unknown>;
    const items = page[pagination.response.items] as Record<string, unknown>[];
    ids.push(...items.map((item) => String(item.id)));
    if (items.length === 0) return { ids };
    const { hasMore, next } = pagination.response;
    if (hasMore !== undefined && page[hasMore] !== true) return { ids };
    const found = pagination.next ? items.at(-1)?.[pagination.next.lastItem] : next ? page[next] : undefined;
    if (typeof found !== "string") return { ids };
    if (sent.has(found)) return { ids, error: `repeated ${found}` };
    if (cursor !== undefined) sent.add(cursor);
    sent.add(found);
    cursor = found;
  }
  throw new Error("the client did not stop");
}

describe("paginationScenarios on the fake server", () => {
  for (const [style, pagination] of Object.entries(STYLES)) {
    const scenarios = paginationScenarios(pagination);

    it(`${style}: has several pages, an empty last page and a repeating cursor${pagination.response.hasMore ? ", a missing hasMore" : ""}${pagination.response.next ? ", a null cursor" : ""}`, () => {
      const names = scenarios.map((scenario) => scenario.name);
      expect(names.some((name) => name.startsWith("several pages"))).toBe(true);
      expect(names.some((name) => name.startsWith("an empty last page"))).toBe(true);
      expect(names.some((name) => name.includes("repeats"))).toBe(true);
      expect(names.some((name) => name.startsWith("a missing"))).toBe(pagination.response.hasMore !== undefined);
      expect(names.some((name) => name.startsWith("a null"))).toBe(pagination.response.next !== undefined);
    });

    for (const scenario of scenarios) {
      it(`${style}: ${scenario.name} ends as its outcome says, and the server saw those cursors`, async () => {
        server = await startPaginatedServer({ pagination, pages: scenario.pages });
        const result = await listAll(server.url, pagination);
        if (scenario.outcome.kind === "items") {
          expect(result).toEqual({ ids: scenario.outcome.ids });
          expect(server.cursors()).toEqual(scenario.outcome.cursors);
        } else {
          expect(result).toEqual({ ids: scenario.outcome.ids, error: `repeated ${scenario.outcome.cursor}` });
          expect(server.cursors()).toEqual([undefined, scenario.outcome.cursor]);
        }
        expect(
          server.requests.every((request) => request.served !== undefined && typeof request.served === "number"),
        ).toBe(true);
      });
    }
  }
});

describe("startPaginatedServer", () => {
  const pagination = STYLES["a cursor in the page and hasMore"] as Pagination;
  const get = async (path: string) => {
    const response = await fetch(new URL(path, server?.url));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("writes only the fields the script gives: an absent hasMore is left out, a null cursor is null", async () => {
    const pages: ScriptedPage[] = [
      { items: [{ id: "a" }], next: "k1" },
      { items: [], next: null, hasMore: false },
    ];
    server = await startPaginatedServer({ pagination, pages });
    expect(await get("/")).toEqual({ status: 200, body: { items: [{ id: "a" }], pagination_key: "k1" } });
    expect(await get("/?pagination_key=k1")).toEqual({
      status: 200,
      body: { items: [], pagination_key: null, has_more: false },
    });
  });

  it("answers 404 for a cursor no page gave and for another path, and records them", async () => {
    server = await startPaginatedServer({ pagination, pages: [{ items: [], next: "k1" }], path: "/numbers" });
    expect((await get("/numbers?pagination_key=nope")).status).toBe(404);
    expect((await get("/other")).status).toBe(404);
    expect(server.requests.map((request) => request.served)).toEqual([{ status: 404 }, { status: 404 }]);
    expect(server.requests[0]).toMatchObject({ method: "GET", target: "/numbers?pagination_key=nope", cursor: "nope" });
  });

  it("fails a page's first requests with 503 when told to, then serves it (a retried page)", async () => {
    server = await startPaginatedServer({
      pagination,
      pages: [
        { items: [{ id: "a" }], next: "k1", hasMore: true },
        { items: [{ id: "b" }], hasMore: false, failFirst: 2 },
      ],
    });
    expect((await get("/")).status).toBe(200);
    expect((await get("/?pagination_key=k1")).status).toBe(503);
    expect((await get("/?pagination_key=k1")).status).toBe(503);
    expect(await get("/?pagination_key=k1")).toEqual({ status: 200, body: { items: [{ id: "b" }], has_more: false } });
    expect(server.requests.map((request) => request.served)).toEqual([0, { status: 503 }, { status: 503 }, 1]);
  });

  it("takes a lastItem cursor from the page's last item", async () => {
    const byItem = STYLES["the last item's id and hasMore"] as Pagination;
    server = await startPaginatedServer({
      pagination: byItem,
      pages: [
        { items: [{ id: "pn_1" }, { id: "pn_2" }], hasMore: true },
        { items: [{ id: "pn_3" }], hasMore: false },
      ],
    });
    expect(await get("/?starting_after=pn_2")).toEqual({
      status: 200,
      body: { data: [{ id: "pn_3" }], has_more: false },
    });
    expect((await get("/?starting_after=pn_1")).status).toBe(404);
  });
});
