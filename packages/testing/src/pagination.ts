/**
 * A fake paginated list server (node:http on 127.0.0.1) for testing a client's list iteration
 * against each vendor's pagination style, as data: the same shape as `list.pagination` in
 * `specs/<vendor>/vendor.yaml` (specs/README.md#read-operations-and-pagination). It serves a
 * script of pages, each chosen by the cursor the request sends, and records every request, so a
 * test can check which pages were asked for, in which order, and that the client stopped.
 *
 * `paginationScenarios(pagination)` gives the scripts every pagination style must survive: several
 * pages, an empty last page, a missing `hasMore`, a null cursor, and a cursor that repeats (which
 * must stop with an error, never loop), each with the outcome a correct client reaches.
 *
 *   const server = await startPaginatedServer({ pagination, pages: scenario.pages });
 *   try {
 *     // list from `${server.url}/numbers`, then check server.requests
 *   } finally {
 *     await server.stop();
 *   }
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Pagination } from "@phonebridge/core";

/** How a vendor's list pages follow one another: core's, as `list.pagination` of its `specs/<vendor>/vendor.yaml` gives it. */
export type { Pagination } from "@phonebridge/core";

/** One page of a script. An item is an object; `lastItem` pagination reads its cursor field. */
export interface ScriptedPage {
  readonly items: readonly Readonly<Record<string, unknown>>[];
  /**
   * The next cursor the page carries (`response.next`): a string, `null`, or left out of the
   * body when absent from this object. Ignored by `lastItem` pagination.
   */
  readonly next?: string | null;
  /** The `response.hasMore` field: left out of the body when absent from this object. */
  readonly hasMore?: boolean;
  /** Answer the first N requests for this page with 503 before serving it (a transient fault). */
  readonly failFirst?: number;
}

/** One request the server saw. */
export interface PageRequest {
  readonly method: string;
  /** The raw request-target, e.g. `/numbers?cursor=c1`. */
  readonly target: string;
  /** The cursor the request sent in `pagination.request`; undefined when it sent none. */
  readonly cursor: string | undefined;
  /** Header names in lower case, as Node parses them. */
  readonly headers: IncomingHttpHeaders;
  /** The index of the page served, or the status of what was answered instead (503, 404). */
  readonly served: number | { readonly status: number };
}

export interface PaginatedServerOptions {
  readonly pagination: Pagination;
  readonly pages: readonly ScriptedPage[];
  /** The path the list is served at. Default `/`; any other path answers 404. */
  readonly path?: string;
}

export interface PaginatedServer {
  /** The server's origin, e.g. `http://127.0.0.1:40123`: a client's base URL. */
  readonly url: string;
  /** Every request seen so far, oldest first. */
  readonly requests: readonly PageRequest[];
  /** The cursors the requests sent, in order (`undefined` for the first page). */
  cursors(): (string | undefined)[];
  stop(): Promise<void>;
}

/** The cursor that leads from `page` to the next one, by the pagination's style. */
function cursorAfter(pagination: Pagination, page: ScriptedPage): string | undefined {
  if (pagination.next) {
    const value = page.items.at(-1)?.[pagination.next.lastItem];
    return typeof value === "string" ? value : undefined;
  }
  return typeof page.next === "string" ? page.next : undefined;
}

/** The page's JSON body, with only the fields the script gives. */
function pageBody(pagination: Pagination, page: ScriptedPage): Record<string, unknown> {
  const { items, next, hasMore } = pagination.response;
  const body: Record<string, unknown> = { [items]: page.items };
  if (next !== undefined && !pagination.next && "next" in page) body[next] = page.next;
  if (hasMore !== undefined && "hasMore" in page) body[hasMore] = page.hasMore;
  return body;
}

/**
 * Starts the server. A request with no cursor gets page 0; a request with cursor `c` gets the page
 * after the first page whose cursor (by the pagination's style) is `c`; an unknown cursor gets 404.
 */
export async function startPaginatedServer(options: PaginatedServerOptions): Promise<PaginatedServer> {
  const { pagination, pages } = options;
  const path = options.path ?? "/";
  const requests: PageRequest[] = [];
  const failures = pages.map((page) => page.failFirst ?? 0);
  const server: Server = createServer((incoming, outgoing) => {
    incoming.resume();
    const target = incoming.url ?? "";
    const url = new URL(target, "http://127.0.0.1");
    const cursor = url.searchParams.get(pagination.request) ?? undefined;
    const answer = (status: number, body: unknown, served: PageRequest["served"]) => {
      requests.push({ method: incoming.method ?? "", target, cursor, headers: incoming.headers, served });
      outgoing.writeHead(status, { "content-type": "application/json", connection: "close" }).end(JSON.stringify(body));
    };
    if (url.pathname !== path) return answer(404, { error: "not found" }, { status: 404 });
    const index = cursor === undefined ? 0 : pages.findIndex((page) => cursorAfter(pagination, page) === cursor) + 1;
    const page = index > 0 || cursor === undefined ? pages[index] : undefined;
    if (page === undefined)
      return answer(404, { error: `no page after cursor ${JSON.stringify(cursor)}` }, { status: 404 });
    if ((failures[index] ?? 0) > 0) {
      failures[index] = (failures[index] ?? 0) - 1;
      return answer(503, { error: "try again" }, { status: 503 });
    }
    answer(200, pageBody(pagination, page), index);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    cursors: () => requests.map((request) => request.cursor),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a correct client reaches on a scenario: every item, or a stop with an error on a repeated cursor. */
export type ScenarioOutcome =
  | { readonly kind: "items"; readonly ids: readonly string[]; readonly cursors: readonly (string | undefined)[] }
  | { readonly kind: "repeated-cursor"; readonly cursor: string; readonly ids: readonly string[] };

export interface PaginationScenario {
  readonly name: string;
  readonly pages: readonly ScriptedPage[];
  readonly outcome: ScenarioOutcome;
}

/**
 * The scripts every pagination style must survive (those that apply to it): several pages; an
 * empty last page; a missing `hasMore` (where the style has one); a null cursor (where the page
 * carries one); and a cursor that repeats one already sent. Items are `{ id }` objects, plus
 * `pagination.next.lastItem` when it names another field.
 */
export function paginationScenarios(pagination: Pagination): PaginationScenario[] {
  const field = pagination.next?.lastItem ?? "id";
  const item = (id: string) => ({ id, ...(field === "id" ? {} : { [field]: `key-${id}` }) });
  const fromItems = !!pagination.next;
  const { hasMore, next } = pagination.response;
  // A page that says more follow, by every signal the style has; `cursor` is its next cursor.
  const more = (ids: string[], cursor: string): ScriptedPage => ({
    items: ids.map(item),
    ...(hasMore !== undefined ? { hasMore: true } : {}),
    ...(!fromItems && next !== undefined ? { next: cursor } : {}),
  });
  // A page that says there is no more, by every signal the style has.
  const last = (ids: string[]): ScriptedPage => ({
    items: ids.map(item),
    ...(hasMore !== undefined ? { hasMore: false } : {}),
    ...(!fromItems && next !== undefined ? { next: null } : {}),
  });
  const cursorOf = (page: ScriptedPage) => cursorAfter(pagination, page);
  const sent = (scripted: ScriptedPage[], count: number) => [
    undefined,
    ...scripted.slice(0, count - 1).map((page) => cursorOf(page)),
  ];
  const ids = (scripted: ScriptedPage[]) => scripted.flatMap((page) => page.items.map((entry) => String(entry.id)));

  const scenarios: PaginationScenario[] = [];
  const several = [more(["a1", "a2"], "c1"), more(["b1", "b2"], "c2"), last(["c1"])];
  scenarios.push({
    name: "several pages",
    pages: several,
    outcome: { kind: "items", ids: ids(several), cursors: sent(several, 3) },
  });
  const emptyLast = [more(["a1", "a2"], "c1"), more([], "c2")];
  scenarios.push({
    name: "an empty last page (it still says more follow)",
    pages: emptyLast,
    outcome: { kind: "items", ids: ids(emptyLast), cursors: sent(emptyLast, 2) },
  });
  if (hasMore !== undefined) {
    // The second page leaves the field out of its body (not null: absent), whatever else it says.
    const { hasMore: _absent, ...withoutHasMore } = more(["b1"], "c2");
    const missing: ScriptedPage[] = [more(["a1"], "c1"), withoutHasMore];
    scenarios.push({
      name: `a missing ${hasMore} (no more)`,
      pages: missing,
      outcome: { kind: "items", ids: ids(missing), cursors: sent(missing, 2) },
    });
  }
  if (!fromItems && next !== undefined) {
    const nullCursor: ScriptedPage[] = [
      more(["a1"], "c1"),
      { items: [item("b1")], ...(hasMore !== undefined ? { hasMore: true } : {}), next: null },
    ];
    scenarios.push({
      name: `a null ${next} (no more, whatever else the page says)`,
      pages: nullCursor,
      outcome: { kind: "items", ids: ids(nullCursor), cursors: sent(nullCursor, 2) },
    });
  }
  // The second page gives the cursor the first gave: a client that follows it loops.
  const repeating = fromItems
    ? [more(["a1", "a2"], ""), more(["b1", "a2"], ""), last(["c1"])]
    : [more(["a1"], "c1"), more(["b1"], "c1"), last(["c1"])];
  const repeated = cursorOf(repeating[0] as ScriptedPage) as string;
  scenarios.push({
    name: `a ${fromItems ? `last item's ${field}` : (next ?? "cursor")} that repeats one already sent`,
    pages: repeating,
    outcome: { kind: "repeated-cursor", cursor: repeated, ids: ids(repeating.slice(0, 2)) },
  });
  return scenarios;
}
