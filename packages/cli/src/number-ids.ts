import { setMaxListeners } from "node:events";
import type { PhoneNumbers } from "./client.js";
import { describeError, errorLine } from "./describe.js";
import type { Capabilities } from "./help.js";
import type { Provider } from "./providers.js";
import { quote } from "./quote.js";
import type { DoneRows } from "./results.js";
import type { InputRow } from "./rows.js";
import type { Secrets } from "./secrets.js";

/** An E.164 number, as the facade's `find` takes it: what an `id` cell may hold instead of an id. */
export const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * How a provider's number is turned into its id, from the capability matrix's `reads.find`
 * (docs/CONTRACT.md#cli-phonebridge, ids given as numbers):
 * - `is-id`: the vendor's id is the number (`find` is a `get`); nothing is looked up.
 * - `search`: the vendor's own filter (`find` is a query parameter): one `find` per number, or
 *   one read of the whole list when more than {@link SEARCH_LIMIT} numbers are to be looked up.
 * - `list`: the vendor has no filter by number (`find` is a scan): its list is read once.
 * - `none`: the vendor documents no list: an id given as a number is a bad row.
 */
export type LookupWay = "is-id" | "search" | "list" | "none";

/**
 * Numbers of one provider looked up one `find` each at most; more, and the list is read once
 * instead: a `find` costs a request or more per number, a list read a request per page.
 */
export const SEARCH_LIMIT = 20;

export function lookupWay(capabilities: Capabilities, provider: Provider): LookupWay {
  const reads = capabilities[provider].reads;
  if (reads === undefined || reads.list === "unsupported" || reads.find === undefined) return "none";
  if (reads.find === "get") return "is-id";
  return reads.find === "scan" ? "list" : "search";
}

/** A number the lookup found more than once: the ids listed, or the facade's `find` saying so. */
interface Ambiguous {
  ids: string[];
  said?: string;
}

/** A lookup that failed (a vendor or network error): the run stops, nothing sent, never "unknown". */
export class LookupFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "LookupFailed";
  }
}

export interface LookupRun {
  /** Rows already done (`--resume`): their numbers are not looked up. */
  done?: DoneRows;
  /** Requests at once, for `find` one number at a time. */
  concurrency: number;
  signal?: AbortSignal;
  secrets: Secrets;
  /** A line for people (stderr). */
  say(line: string): void;
  /**
   * Called once every number is looked up, with those found once (provider, number, id): the
   * duplicate check on ids (duplicates.ts), which may throw.
   */
  check(resolved: Iterable<readonly [Provider, string, string]>): void;
}

/** What the lookup found for a number: its id, or the ids found for it. */
type Found = string | Ambiguous;

/**
 * The `id` cells that hold an E.164 number instead of the vendor's id (docs/CONTRACT.md#cli-phonebridge):
 * each pass over the input marks them ({@link mark}); the first pass notes every number to look up
 * ({@link note}), one entry per number; {@link resolve} looks them up once keys are known, before
 * anything is sent; the sending pass gives each row its id ({@link resolved}). What is kept
 * while rows are sent is an id per row, by row number (the numbers' texts are let go), and each
 * row's entry goes once the row is read: the memory held shrinks as the rows go.
 */
export class NumberIds {
  readonly #ways = new Map<Provider, LookupWay>();
  /** Per provider: number → its row (1-based), until the lookup is done. */
  readonly #numbers = new Map<Provider, Map<string, number>>();
  /** Per provider: number → what the lookup found; absent: the vendor does not hold it. */
  readonly #found = new Map<Provider, Map<string, Found>>();
  /** Once looked up: row → what was found for its number (absent: unknown). */
  readonly #byRow = new Map<number, Found>();
  /** Providers whose numbers were looked up, and how: in the list read once, or by a search each. */
  readonly #looked = new Map<Provider, "in its list" | "by its search">();

  constructor(private readonly capabilities: Capabilities) {}

  way(provider: Provider): LookupWay {
    let way = this.#ways.get(provider);
    if (way === undefined) {
      way = lookupWay(this.capabilities, provider);
      this.#ways.set(provider, way);
    }
    return way;
  }

  /** True when this good row's id is a number that must be looked up. */
  needsLookup(row: InputRow): boolean {
    return row.ok && E164.test(row.id) && this.way(row.provider) !== "is-id" && this.way(row.provider) !== "none";
  }

  /**
   * The row as both passes see it: a number given for a vendor that cannot look one up is a bad
   * row, decided from the capability matrix alone, before any request.
   */
  mark(row: InputRow): InputRow {
    if (!row.ok || !E164.test(row.id) || this.way(row.provider) !== "none") return row;
    const { changes: _, ok: __, ...base } = row;
    return {
      ...base,
      ok: false,
      reason:
        `the id ${row.id} is a phone number, and ${row.provider} cannot look a number up ` +
        "(it documents no list of numbers): give its id",
    };
  }

  /** Notes a row of the first pass whose number must be looked up. */
  note(row: InputRow): void {
    if (!row.ok || !this.needsLookup(row)) return;
    let numbers = this.#numbers.get(row.provider);
    if (numbers === undefined) {
      numbers = new Map();
      this.#numbers.set(row.provider, numbers);
    }
    numbers.set(row.id, row.row);
  }

  /**
   * Looks up every number noted whose row is not done, per provider at once: a `find` each, or
   * the list read once (see {@link LookupWay}). A failed lookup rejects with {@link LookupFailed}
   * (and stops the others): a number that could not be looked up is never taken as unknown.
   */
  async resolve(clients: ReadonlyMap<Provider, PhoneNumbers>, run: LookupRun): Promise<void> {
    const stop = new AbortController();
    const signal = run.signal ? AbortSignal.any([run.signal, stop.signal]) : stop.signal;
    // Every lookup in flight listens on it (the facade adds a listener per attempt).
    setMaxListeners(run.concurrency * 2 + 16, signal);
    const jobs: Promise<void>[] = [];
    for (const [provider, numbers] of this.#numbers) {
      if (run.done !== undefined) {
        for (const [number, row] of numbers) if (run.done.has(row)) numbers.delete(number);
      }
      const byList = this.way(provider) === "list" || numbers.size > SEARCH_LIMIT;
      this.#looked.set(provider, byList ? "in its list" : "by its search");
      const found = new Map<string, Found>();
      this.#found.set(provider, found);
      if (numbers.size === 0) continue;
      const client = clients.get(provider) as PhoneNumbers;
      const count = `${numbers.size} number${numbers.size === 1 ? "" : "s"}`;
      run.say(
        byList
          ? `looking up ${count} of the id column on ${provider}: its list, read once`
          : `looking up ${count} of the id column on ${provider}: one search each`,
      );
      const job = byList
        ? listed(client, numbers, found, signal)
        : searched(client, numbers, found, signal, run.concurrency, run.secrets);
      jobs.push(
        job.catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      );
    }
    const outcomes = await Promise.allSettled(jobs);
    const failed = outcomes.find((outcome) => outcome.status === "rejected");
    if (failed === undefined) {
      run.check(this.#resolvedIds());
      this.#settle();
      return;
    }
    const error: unknown = failed.reason;
    // Ctrl-C: the caller's signal, not a lookup that failed.
    if (run.signal?.aborted) throw error;
    const info = describeError(error, run.secrets);
    throw new LookupFailed(
      info.code,
      `cannot look up the numbers of the id column (${errorLine(info)}); ` +
        "a number that was not looked up is never taken as unknown: nothing sent, run again",
    );
  }

  /** Every number looked up and found once: provider, number and its id (the duplicate check). */
  *#resolvedIds(): Generator<[Provider, string, string]> {
    for (const [provider, found] of this.#found) {
      for (const [number, entry] of found) if (typeof entry === "string") yield [provider, number, entry];
    }
  }

  /** Keeps what was found by row, and lets go of the numbers' maps. */
  #settle(): void {
    for (const [provider, numbers] of this.#numbers) {
      const found = this.#found.get(provider);
      for (const [number, row] of numbers) {
        const entry = found?.get(number);
        if (entry !== undefined) this.#byRow.set(row, entry);
      }
    }
    this.#numbers.clear();
    this.#found.clear();
  }

  /**
   * The row as the sending pass runs it: a number looked up becomes its id (`fromNumber` keeps
   * what the row wrote), and a number unknown or found twice a bad row naming the number and the
   * provider. Rows are left as they are when nothing was looked up (`--dry-run`).
   */
  resolved(row: InputRow, secrets: Secrets): InputRow {
    if (!row.ok || !this.#looked.has(row.provider) || !this.needsLookup(row)) return row;
    const entry = this.#byRow.get(row.row);
    // The sending pass reads each row once: its entry is not needed again.
    this.#byRow.delete(row.row);
    if (typeof entry === "string") return { ...row, id: entry, fromNumber: row.id };
    const { changes: _, ok: __, ...base } = row;
    const how = this.#looked.get(row.provider);
    const reason =
      typeof entry === "object"
        ? `${row.provider} has more than one number ${row.id} (${entry.said ?? `ids ${entry.ids.map((each) => quote(each, secrets)).join(", ")}`}): ` +
          "which one is meant is unknown; give its id"
        : `${row.provider} has no number ${row.id} (looked up ${how}): check the number, or give its id`;
    return { ...base, ok: false, reason };
  }
}

/** The list read once: each number noted gets the id of the listed number it is, or every id listed for it. */
async function listed(
  client: PhoneNumbers,
  numbers: ReadonlyMap<string, number>,
  found: Map<string, Found>,
  signal: AbortSignal,
): Promise<void> {
  for await (const result of client.list(undefined, { signal })) {
    const { number, id } = result;
    if (number === null || !numbers.has(number)) continue;
    const before = found.get(number);
    if (before === undefined) found.set(number, id);
    else if (typeof before === "string") {
      if (before !== id) found.set(number, { ids: [before, id] });
    } else if (!before.ids.includes(id)) before.ids.push(id);
  }
}

/** One `find` per number, `concurrency` at once. Two matches are the facade's `invalid_input` on `number`. */
async function searched(
  client: PhoneNumbers,
  numbers: ReadonlyMap<string, number>,
  found: Map<string, Found>,
  signal: AbortSignal,
  concurrency: number,
  secrets: Secrets,
): Promise<void> {
  const queue = [...numbers.keys()];
  const worker = async () => {
    for (let number = queue.shift(); number !== undefined; number = queue.shift()) {
      signal.throwIfAborted();
      try {
        const result = await client.find(number, { signal });
        if (result !== null) found.set(number, result.id);
      } catch (error) {
        const info = describeError(error, secrets);
        // The number was checked as E.164 already: the facade's only other refusal of it is two matches.
        if (info.code !== "invalid_input" || info.field !== "number") throw error;
        found.set(number, { ids: [], said: info.message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}
