/**
 * A vendor's list read page by page, driven by the data of `list.pagination` in its
 * `specs/<vendor>/vendor.yaml` (docs/CONTRACT.md#reading-phone-numbers): the one loop every list
 * iteration of phonebridge runs, each page a call of the request pipeline (retried on its own).
 */
import { inputError } from "./config.js";
import { PhoneBridgeError, type Provider } from "./errors.js";
import type { CallOptions, Operation } from "./pipeline.js";
import type { Secrets } from "./secrets.js";
import { isRecord } from "./vendor-message.js";

/** How a vendor's list pages follow one another: `list.pagination` of its vendor.yaml. */
export interface Pagination {
  /** The query parameter that sends the cursor. */
  readonly request: string;
  /** When the page carries no cursor: the field of its last item that is the next cursor. */
  readonly next?: { readonly lastItem: string };
  readonly response: {
    /** The page's field holding its items. */
    readonly items: string;
    /** The page's field holding the next cursor (null or absent: no more). */
    readonly next?: string;
    /** The page's field saying whether more follow (false or absent: no more). */
    readonly hasMore?: string;
  };
}

/** Every item of every page (`for await`), or page by page with `.pages()`; each iteration starts anew. */
export interface PageList<Page, Item> extends AsyncIterable<Item> {
  pages(): AsyncIterableIterator<Page>;
}

/** The query of a list: the vendor's filters and page size; `undefined` values are left out. */
export type ListQuery = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * The list of `operation` from `query` (its cursor parameter, when given, is where it starts),
 * each page sent with `options` (read once; `withResponse` does not apply) and `secrets` (the
 * client's, or a call's). A cursor that repeats one already sent is an `invalid_response`, never a loop.
 * `readPage`, when given, makes what `pages()` gives of each page and its text as received.
 */
export function paginate<Page, Item>(
  operation: Operation,
  provider: Provider,
  pagination: Pagination,
  query: ListQuery | undefined,
  options: CallOptions | undefined,
  secrets: Secrets,
  readPage?: (page: Record<string, unknown[]>, text: string) => Page,
): PageList<Page, Item> {
  const { request, next: fromItem, response } = pagination;
  const { items, hasMore } = response;
  const first: Record<string, string> = {};
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (!["string", "number", "boolean"].includes(typeof value)) {
      throw inputError(provider, `query.${name}`, `query.${name} must be a string, a number or a boolean`);
    }
    first[name] = String(value);
  }
  // Without options, the pipeline's own defaults (no copy to read again on every page).
  const call: CallOptions | undefined = options && { ...options, withResponse: false };
  const field = fromItem ? `last item's ${fromItem.lastItem}` : (response.next as string);
  const stop = (detail: string) => new PhoneBridgeError({ code: "invalid_response", provider, detail });

  async function* walk(readPage?: (page: Record<string, unknown[]>, text: string) => Page) {
    // The text of the page just read, for `readPage` (one per iteration: iterations may overlap).
    let text = "";
    const read = (data: unknown, body: string) => {
      if (!isRecord(data) || !Array.isArray(data[items])) return `is not a page of the list (no ${items} array)`;
      text = body;
      return data;
    };
    const params = { ...first };
    // No query at all sends the bare path (no trailing "?").
    let query = Object.keys(params).length ? params : undefined;
    const sent = new Set([params[request]]);
    for (;;) {
      const page = (await operation([], undefined, call, read, secrets, query)) as Record<string, unknown[]>;
      yield readPage ? readPage(page, text) : page;
      const list = page[items] as unknown[];
      // The vendor says there is no more: an empty page, `hasMore` not true, or no next cursor.
      if (!list.length || (hasMore !== undefined && (page[hasMore] as unknown) !== true)) return;
      const cursor: unknown = fromItem
        ? (list.at(-1) as Record<string, unknown> | null)?.[fromItem.lastItem]
        : page[field];
      if (cursor == null) return;
      if (typeof cursor !== "string" || sent.has(cursor)) {
        throw stop(
          `the page's ${field} ${secrets.quote(cursor)} is ${typeof cursor === "string" ? `a cursor already sent in ${request}: stopped rather than loop` : "not a string"}`,
        );
      }
      sent.add(cursor);
      params[request] = cursor;
      query = params;
    }
  }

  return {
    pages: () => walk(readPage) as AsyncIterableIterator<Page>,
    async *[Symbol.asyncIterator]() {
      for await (const page of walk()) yield* (page as Record<string, unknown[]>)[items] as Item[];
    },
  };
}
