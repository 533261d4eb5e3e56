/**
 * The facade's reads of one vendor (docs/CONTRACT.md#facade-get-list-and-find): `get`, `list` and
 * `find` on the vendor's read operations, core's pipeline and pagination, read into the result
 * of result.ts with the drift the vendor's validators find. Referenced by the adapters of the
 * vendors that document reading (`readOperations`), so the others' entries leave it out.
 */
import {
  type DriftCheck,
  inputError,
  isPhoneBridgeError,
  ownFields,
  PhoneBridgeError,
  type Pipeline,
  type Provider,
  paginate,
  type RequestOptions,
} from "@phonebridge/core";
import { type Adapter, isRecord } from "./adapter.js";
import { driftOf, readResult } from "./result.js";
import type { PhoneNumberResult, ResultList, ResultOf, ResultPage } from "./types.js";

/** An E.164 number: what `find` takes. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** The id and options of a read, checked as update checks them (input.ts): the call's request options. */
export type CheckRead = (id: unknown, options: unknown) => RequestOptions | undefined;

export interface ReadOperations<P extends Provider> {
  get(id: string, options?: unknown): Promise<unknown>;
  list(filter?: unknown, options?: unknown): ResultList<P>;
  find(number: string, options?: unknown): Promise<PhoneNumberResult<P> | null>;
}

/** The reads of `adapter`'s vendor on `transport`, whose descriptor has `get` and `list`. */
export function readOperations<P extends Provider>(
  adapter: Adapter<P>,
  transport: Pipeline,
  checkRead: CheckRead,
): ReadOperations<P> {
  const { provider } = adapter;
  const { secrets: clientSecrets } = transport;
  const { reads } = adapter.capabilities;
  const { get: getRef, list: listRef } = adapter.descriptor as Required<Adapter["descriptor"]>;
  const getOp = transport.operation("GET", getRef.path);
  const listOp = transport.operation("GET", listRef.path);

  /** `get(id)`: the normalized result of the vendor's read of one number, with its drift. */
  const get = (id: string, getOptions?: unknown) => {
    try {
      const call = checkRead(id, getOptions);
      const read = (data: unknown, text: string) =>
        readResult(adapter, id, data, text, clientSecrets, adapter.validators.get as DriftCheck);
      return getOp([id], undefined, call, read, clientSecrets);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  /**
   * `list(filter?)`: every number of every page, normalized, each item checked on its own; the
   * agent filter sent as the vendor's query parameter, or applied here (capabilities.reads).
   */
  const list = (filter?: unknown, listOptions?: unknown): ResultList<P> => {
    const call = checkRead(undefined, listOptions);
    if (filter !== undefined && !isRecord(filter)) {
      throw inputError(provider, "filter", `filter must be an object, not ${clientSecrets.quote(filter)}`);
    }
    const { agentId, ...rest } = ownFields(filter ?? {}) as { agentId?: unknown };
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) {
      throw inputError(
        provider,
        "filter",
        `unknown filter ${clientSecrets.quote(unknown)}: list filters by agentId only`,
      );
    }
    if (agentId !== undefined && (typeof agentId !== "string" || agentId === "")) {
      throw inputError(
        provider,
        "agentId",
        `filter.agentId must be a non-empty string, not ${clientSecrets.quote(agentId)}`,
      );
    }
    const byVendor = agentId !== undefined && reads.agentFilter !== "client";
    return scan(byVendor ? { [reads.agentFilter as string]: agentId } : undefined, call, agentId);
  };

  /**
   * The list's pages read into results, and each page's own fields checked (its items apart:
   * each result carries its item's drift); `agentId` kept only (checked on every item: a vendor
   * filter may be loose).
   */
  const scan = (
    query: Record<string, string> | undefined,
    call: RequestOptions | undefined,
    agentId: string | undefined,
  ): ResultList<P> => {
    const { pagination } = listRef;
    const { listItem, listPage } = adapter.validators as Required<Adapter["validators"]>;
    const idField = adapter.idField as string;
    // Each page read with its text as received: one search of it for secrets decides for every
    // item (a page holding none has no item that does), instead of one per item.
    const pages = paginate<[page: Record<string, unknown[]>, text: string, clean: boolean], unknown>(
      listOp,
      provider,
      pagination,
      query,
      call,
      clientSecrets,
      (page, text) => [page, text, clientSecrets.redactParsed(text, page) === page],
    );
    async function* resultPages(): AsyncIterableIterator<ResultPage<P>> {
      let number = 0;
      for await (const [page, text, clean] of pages.pages()) {
        const results: ResultOf<P>[] = [];
        for (const item of page[pagination.response.items] as unknown[]) {
          const id = isRecord(item) && typeof item[idField] === "string" ? (item[idField] as string) : "";
          // A page that holds no secret has none in its items; else each item is searched.
          const raw = clean ? (item as Record<string, unknown>) : undefined;
          const result = readResult(adapter, id, item, text, clientSecrets, listItem, raw);
          if (typeof result === "string") {
            throw new PhoneBridgeError({ code: "invalid_response", provider, detail: `a listed number ${result}` });
          }
          if (agentId === undefined || result.agentId === agentId) results.push(result as ResultOf<P>);
        }
        const drift = driftOf(listPage, page, clientSecrets);
        // No drift key when the page conforms, as a result has none (docs/CONTRACT.md#facade-result).
        yield { page: ++number, results, ...(drift[0] && { drift }) };
      }
    }
    return {
      pages: resultPages,
      async *[Symbol.asyncIterator]() {
        for await (const { results } of resultPages()) yield* results;
      },
    };
  };

  /**
   * `find(number)`: the result whose number is exactly `number` (E.164), or null; two are an
   * error, never a guess. Its cost per vendor is capabilities.reads.find.
   */
  const find = async (number: string, findOptions?: unknown): Promise<PhoneNumberResult<P> | null> => {
    if (typeof number !== "string" || !E164.test(number)) {
      throw inputError(
        provider,
        "number",
        `the number ${clientSecrets.quote(number)} is not an E.164 number (like +14157774444)`,
      );
    }
    if (reads.find === "get") {
      try {
        const found = (await get(number, findOptions)) as PhoneNumberResult<P>;
        return found.number === number ? found : null;
      } catch (error) {
        if (isPhoneBridgeError(error) && error.code === "not_found") return null;
        throw error;
      }
    }
    const call = checkRead(undefined, findOptions);
    let found: PhoneNumberResult<P> | null = null;
    for await (const result of scan(
      reads.find === "scan" ? undefined : { [reads.find as string]: number },
      call,
      undefined,
    )) {
      if (result.number !== number) continue;
      if (found) {
        throw inputError(
          provider,
          "number",
          `two numbers match ${number} (ids ${clientSecrets.quote(found.id)} and ${clientSecrets.quote(result.id)}): find does not guess`,
        );
      }
      found = result as PhoneNumberResult<P>;
    }
    return found;
  };

  return { get, list, find };
}
