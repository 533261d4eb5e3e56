import { setMaxListeners } from "node:events";
import type { PhoneNumbers, PlannedRequest } from "./client.js";
import { describeError, errorLine } from "./describe.js";
import type { Capabilities } from "./help.js";
import type { Provider } from "./providers.js";
import { quote } from "./quote.js";
import type { DoneRows } from "./results.js";
import type { GoodRow, InputRow } from "./rows.js";
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

/** Why a number given as an id cannot be sent to: a vendor that documents no list cannot look it up. */
export function cannotLookUp(provider: Provider, number: string): string {
  return (
    `the id ${number} is a phone number, and ${provider} cannot look a number up ` +
    "(it documents no list of numbers): give its id"
  );
}

/** What the lookup made of a number: the vendor's id, or why there is none (a message naming both). */
export type LookedUp = { id: string } | { problem: "unknown" | "ambiguous"; reason: string };

/**
 * What a dry run plans a number to look up with, in place of its id (it looks nothing up): the
 * URL then shows {@link idOfNumber} where the id goes.
 */
export const LOOKUP_PLACEHOLDER = "phonebridge-id-looked-up-at-run-time";

/** Where the id of `number` goes in a dry run's URL: `<id of +14155550001>`. */
const idOfNumber = (number: string): string => `<id of ${number}>`;

/** A dry run's request planned with {@link LOOKUP_PLACEHOLDER}, showing `<id of +1…>` where the id goes. */
export function withIdOfNumber(request: PlannedRequest, number: string): PlannedRequest {
  return { ...request, url: request.url.replace(LOOKUP_PLACEHOLDER, idOfNumber(number)) };
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
  /**
   * How the messages name the numbers looked up: `update` names its one number; by default,
   * their count and "of the id column" (`apply`, `plan`).
   */
  numbers?: string;
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

/** Where `wanted` is in `sorted` (ascending), by binary search; undefined when it is not there. */
function indexIn(sorted: ArrayLike<number>, wanted: number): number | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle] as number;
    if (at === wanted) return middle;
    if (at < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * One provider's numbers to look up, each with its slot. A number is held as its digits in a
 * double (15 digits at most: exact), not as a string, and once noted the numbers are sorted into
 * typed arrays, found by binary search: a tenth of a map from strings.
 */
class NumberSlots {
  #numbers: number[] | Float64Array = [];
  #slots: number[] | Int32Array = [];

  get size(): number {
    return this.#numbers.length;
  }

  /** Notes an E.164 number and its slot. */
  add(number: string, slot: number): void {
    (this.#numbers as number[]).push(Number(number.slice(1)));
    (this.#slots as number[]).push(slot);
  }

  /** Keeps the numbers whose slot `keep` says, sorted; {@link slotOf} works from then on. */
  seal(keep: (slot: number) => boolean): void {
    const numbers = this.#numbers;
    const slots = this.#slots;
    const kept = Int32Array.from({ length: numbers.length }, (_, at) => at).filter((at) => keep(slots[at] as number));
    kept.sort((a, b) => (numbers[a] as number) - (numbers[b] as number));
    this.#numbers = Float64Array.from(kept, (at) => numbers[at] as number);
    this.#slots = Int32Array.from(kept, (at) => slots[at] as number);
  }

  /** The slot of `number`, once sealed; undefined when it is not one of these (or not E.164). */
  slotOf(number: string): number | undefined {
    if (!E164.test(number)) return undefined;
    const at = indexIn(this.#numbers, Number(number.slice(1)));
    return at === undefined ? undefined : this.#slots[at];
  }

  /** Every number (as E.164 again) and its slot. */
  *entries(): Generator<[string, number]> {
    for (let at = 0; at < this.#numbers.length; at += 1) {
      yield [`+${this.#numbers[at] as number}`, this.#slots[at] as number];
    }
  }
}

/**
 * The `id` cells that hold an E.164 number instead of the vendor's id (docs/CONTRACT.md#cli-phonebridge):
 * each pass over the input marks them ({@link mark}); the first pass notes every number to look up
 * ({@link note}), one slot per number; {@link resolve} looks them up once keys are known, before
 * anything is sent; the sending pass gives each row its id ({@link resolved}).
 *
 * Memory: whatever a run holds while its rows are sent, V8 lets several times as much garbage
 * pile up before it collects, so what is held is kept small. A slot is a row number (in a typed
 * array, in file order) and what was found for it; the numbers' texts are held only until the
 * lookup is done, and the ids found are then held end to end in one text.
 */
export class NumberIds {
  readonly #ways = new Map<Provider, LookupWay>();
  /** Per provider: its numbers and their slots, until the lookup is done. */
  readonly #slots = new Map<Provider, NumberSlots>();
  /** Per slot, in file order: its row (1-based); a typed array once the lookup is done. */
  #rows: number[] | Int32Array = [];
  /** Once looked up: every id found once (but the empty one), end to end in slot order. */
  #ids = "";
  /** Per slot, once looked up: where its id starts in {@link #ids} (it ends where the next starts). */
  #starts = new Int32Array(1);
  /** Slots whose number was found more than once, or as an empty id: few, kept as they are. */
  readonly #odd = new Map<number, Found>();
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
    return { ...base, ok: false, reason: cannotLookUp(row.provider, row.id) };
  }

  /** Notes a row of the first pass whose number must be looked up. */
  note(row: InputRow): void {
    if (!row.ok || !this.needsLookup(row)) return;
    let slots = this.#slots.get(row.provider);
    if (slots === undefined) {
      slots = new NumberSlots();
      this.#slots.set(row.provider, slots);
    }
    // A number noted twice is a file the duplicate check refuses before any lookup.
    slots.add(row.id, this.#rows.length);
    (this.#rows as number[]).push(row.row);
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
    const rows = this.#rows;
    // Per slot: what the lookup found for its number; undefined: the vendor does not hold it.
    // Filled up front: an array written at scattered indexes would turn into a dictionary.
    const found: (Found | undefined)[] = new Array(rows.length).fill(undefined);
    const jobs: Promise<void>[] = [];
    for (const [provider, slots] of this.#slots) {
      const { done } = run;
      slots.seal((slot) => done === undefined || !done.has(rows[slot] as number));
      const byList = this.way(provider) === "list" || slots.size > SEARCH_LIMIT;
      this.#looked.set(provider, byList ? "in its list" : "by its search");
      if (slots.size === 0) continue;
      const client = clients.get(provider) as PhoneNumbers;
      const count = run.numbers ?? `${slots.size} number${slots.size === 1 ? "" : "s"} of the id column`;
      run.say(
        byList
          ? `looking up ${count} on ${provider}: its list, read once`
          : `looking up ${count} on ${provider}: one search each`,
      );
      const job = byList
        ? listed(client, slots, found, signal)
        : searched(client, slots, found, signal, run.concurrency, run.secrets);
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
      run.check(this.#resolvedIds(found));
      // The numbers' texts go: the sending pass finds a row's slot by its row number.
      this.#slots.clear();
      this.#rows = Int32Array.from(rows);
      this.#pack(found);
      return;
    }
    const error: unknown = failed.reason;
    // Ctrl-C: the caller's signal, not a lookup that failed.
    if (run.signal?.aborted) throw error;
    const info = describeError(error, run.secrets);
    throw new LookupFailed(
      info.code,
      `cannot look up ${run.numbers ?? "the numbers of the id column"} (${errorLine(info)}); ` +
        "a number that was not looked up is never taken as unknown: nothing sent, run again",
    );
  }

  /** Every number looked up and found once: provider, number and its id (the duplicate check). */
  *#resolvedIds(found: readonly (Found | undefined)[]): Generator<[Provider, string, string]> {
    for (const [provider, slots] of this.#slots) {
      for (const [number, slot] of slots.entries()) {
        const entry = found[slot];
        if (typeof entry === "string") yield [provider, number, entry];
      }
    }
  }

  /** Keeps what was found per slot: the ids in one text (one string each would take half as much again). */
  #pack(found: readonly (Found | undefined)[]): void {
    const starts = new Int32Array(found.length + 1);
    const ids: string[] = [];
    let at = 0;
    for (let slot = 0; slot < found.length; slot += 1) {
      starts[slot] = at;
      const entry = found[slot];
      if (typeof entry === "string" && entry !== "") {
        ids.push(entry);
        at += entry.length;
      } else if (entry !== undefined) this.#odd.set(slot, entry);
    }
    starts[found.length] = at;
    this.#ids = ids.join("");
    this.#starts = starts;
  }

  /** What was found for the number of this slot; undefined: the vendor does not hold it. */
  #foundAt(slot: number): Found | undefined {
    const odd = this.#odd.get(slot);
    if (odd !== undefined) return odd;
    const start = this.#starts[slot] as number;
    const end = this.#starts[slot + 1] as number;
    return start === end ? undefined : this.#ids.slice(start, end);
  }

  /** The slot of row `row`, if its number was noted: the rows are in file order. */
  #slotOf(row: number): number | undefined {
    return indexIn(this.#rows, row);
  }

  /**
   * The row as the sending pass runs it: a number looked up becomes its id (`fromNumber` keeps
   * what the row wrote), and a number unknown or found twice a bad row naming the number and the
   * provider. Rows are left as they are when nothing was looked up (`--dry-run`).
   */
  resolved(row: InputRow, secrets: Secrets): InputRow {
    if (!row.ok) return row;
    const outcome = this.lookedUp(row, secrets);
    if (outcome === undefined) return row;
    if ("id" in outcome) return { ...row, id: outcome.id, fromNumber: row.id };
    const { changes: _, ok: __, ...base } = row;
    return { ...base, ok: false, reason: outcome.reason };
  }

  /**
   * What the lookup made of this good row's number: its id, or why it has none (the vendor does
   * not hold it, or holds it more than once); undefined when it was not looked up (an id, a
   * vendor whose id is the number, `--dry-run`).
   */
  lookedUp(row: GoodRow, secrets: Secrets): LookedUp | undefined {
    if (!this.#looked.has(row.provider) || !this.needsLookup(row)) return undefined;
    const slot = this.#slotOf(row.row);
    const entry = slot === undefined ? undefined : this.#foundAt(slot);
    if (typeof entry === "string") return { id: entry };
    if (typeof entry === "object") {
      const ids = entry.said ?? `ids ${entry.ids.map((each) => quote(each, secrets)).join(", ")}`;
      return {
        problem: "ambiguous",
        reason: `${row.provider} has more than one number ${row.id} (${ids}): which one is meant is unknown; give its id`,
      };
    }
    const how = this.#looked.get(row.provider);
    return {
      problem: "unknown",
      reason: `${row.provider} has no number ${row.id} (looked up ${how}): check the number, or give its id`,
    };
  }
}

/** The list read once: each number noted gets the id of the listed number it is, or every id listed for it. */
async function listed(
  client: PhoneNumbers,
  slots: NumberSlots,
  found: (Found | undefined)[],
  signal: AbortSignal,
): Promise<void> {
  for await (const result of client.list(undefined, { signal })) {
    const { number, id } = result;
    const slot = number === null ? undefined : slots.slotOf(number);
    if (slot === undefined) continue;
    const before = found[slot];
    if (before === undefined) found[slot] = id;
    else if (typeof before === "string") {
      if (before !== id) found[slot] = { ids: [before, id] };
    } else if (!before.ids.includes(id)) before.ids.push(id);
  }
}

/** One `find` per number, `concurrency` at once. Two matches are the facade's `invalid_input` on `number`. */
async function searched(
  client: PhoneNumbers,
  slots: NumberSlots,
  found: (Found | undefined)[],
  signal: AbortSignal,
  concurrency: number,
  secrets: Secrets,
): Promise<void> {
  const queue = [...slots.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [number, slot] = next;
      signal.throwIfAborted();
      try {
        const result = await client.find(number, { signal });
        if (result !== null) found[slot] = result.id;
      } catch (error) {
        const info = describeError(error, secrets);
        // The number was checked as E.164 already: the facade's only other refusal of it is two matches.
        if (info.code !== "invalid_input" || info.field !== "number") throw error;
        found[slot] = { ids: [], said: info.message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}
