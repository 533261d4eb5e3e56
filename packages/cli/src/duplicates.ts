import { encodePathSegment } from "@phonebridge/core";
import { isProvider, type Provider } from "./providers.js";
import { clip, quote, type Scrubber } from "./quote.js";
import type { InputRow } from "./rows.js";
import { UsageError } from "./usage-error.js";

/**
 * A phone number as it would be sent: the provider as rows are read (trimmed, lower case) and the
 * id as its path segment. Undefined for a row that names no known provider or no usable id.
 */
function numberOf(provider: unknown, id: unknown): { provider: Provider; segment: string } | undefined {
  if (typeof provider !== "string" || typeof id !== "string") return undefined;
  const name = provider.trim().toLowerCase();
  if (!isProvider(name)) return undefined;
  const segment = encodePathSegment(id);
  return segment === undefined ? undefined : { provider: name, segment };
}

/** A number's key in {@link NumberIndex}'s list of repeats. */
const keyOf = ({ provider, segment }: { provider: Provider; segment: string }) => `${provider}/${segment}`;

/** Where a number appears more than once. */
interface Repeated {
  id: string;
  rows: number[];
  /** The number as a message shows it, when it is not its id quoted (a number and the id looked up). */
  shown?: string;
}

/**
 * Every phone number of an input file and the row that names it, built by the pass that checks
 * the file (one entry per number: the memory grows with the numbers, nothing else of a row is
 * kept). It refuses a file that names a number in more than one row: rows run concurrently and
 * retry on their own, so an older row could land after a newer one and leave the number on the
 * wrong agent with both rows ok (CONTRACT.md, CLI). The sending pass checks each row against it,
 * so that nothing goes that the check did not see at that place.
 */
export class NumberIndex {
  /**
   * Per provider: the number's path segment → its row; negative for a bad row. Keyed by provider
   * first so that each key is the row's own id text, not a joined copy: with 100,000 rows this
   * index is most of what a run keeps (docs/CONTRACT.md#cli-phonebridge, the memory).
   */
  readonly #rows = new Map<Provider, Map<string, number>>();
  readonly #repeated = new Map<string, Repeated>();

  #rowsOf(provider: Provider): Map<string, number> {
    let rows = this.#rows.get(provider);
    if (rows === undefined) {
      rows = new Map();
      this.#rows.set(provider, rows);
    }
    return rows;
  }

  add(row: InputRow): void {
    const number = numberOf(row.provider, row.id);
    if (number === undefined) return;
    const rows = this.#rowsOf(number.provider);
    const first = rows.get(number.segment);
    if (first === undefined) {
      rows.set(number.segment, row.ok ? row.row : -row.row);
      return;
    }
    const key = keyOf(number);
    const repeated = this.#repeated.get(key);
    if (repeated) repeated.rows.push(row.row);
    else this.#repeated.set(key, { id: row.id ?? "", rows: [Math.abs(first), row.row] });
  }

  /** Refuses the file when a number appears in more than one row, naming every row of each. */
  refuseRepeated(path: string, secrets?: Scrubber): void {
    if (this.#repeated.size === 0) return;
    // In the order of each number's first row.
    const groups = [...this.#repeated].sort(([, a], [, b]) => (a.rows[0] as number) - (b.rows[0] as number));
    const lines = groups.map(([key, { id, rows, shown }]) => {
      const provider = key.slice(0, key.indexOf("/"));
      return `  rows ${rows.join(", ")}: ${provider} ${shown ?? quote(id, secrets)}`;
    });
    const count = this.#repeated.size;
    throw new UsageError(
      `${clip(path)}: ${count === 1 ? "a phone number appears" : `${count} phone numbers appear`} ` +
        "in more than one row; keep one row per number (rows run at once and retry on their own, " +
        `so an older row could land last). Nothing sent.\n${lines.join("\n")}`,
    );
  }

  /**
   * Refuses the file, as {@link refuseRepeated}, when a number given in the id column and looked
   * up is also named by its id in another row, or two numbers turn out to have one id: the
   * duplicate rule holds for what is sent, the ids (CONTRACT.md, CLI).
   */
  refuseResolved(
    resolved: Iterable<readonly [provider: string, number: string, id: string]>,
    path: string,
    secrets?: Scrubber,
  ): void {
    // Per provider: the id's path segment → the row whose number was looked up as that id.
    const seen = new Map<Provider, Map<string, number>>();
    for (const [provider, number, id] of resolved) {
      const looked = numberOf(provider, id);
      const at = this.rowOf(provider, number);
      if (looked === undefined || at === undefined) continue;
      const row = Math.abs(at);
      let seenOf = seen.get(looked.provider);
      if (seenOf === undefined) {
        seenOf = new Map();
        seen.set(looked.provider, seenOf);
      }
      const other = this.#rows.get(looked.provider)?.get(looked.segment) ?? seenOf.get(looked.segment);
      seenOf.set(looked.segment, row);
      if (other === undefined || Math.abs(other) === row) continue;
      // The file had no number twice as written (refuseRepeated ran): every group here is new.
      const key = keyOf(looked);
      const repeated = this.#repeated.get(key);
      if (repeated) repeated.rows.push(row);
      else {
        const shown = `${quote(id, secrets)} (given as ${number} in row ${row})`;
        this.#repeated.set(key, { id, rows: [Math.abs(other), row], shown });
      }
    }
    for (const repeated of this.#repeated.values()) repeated.rows.sort((a, b) => a - b);
    this.refuseRepeated(path, secrets);
  }

  /** The row that names this provider and id, if any; negative for a bad row. */
  rowOf(provider: unknown, id: unknown): number | undefined {
    const number = numberOf(provider, id);
    return number === undefined ? undefined : this.#rows.get(number.provider)?.get(number.segment);
  }

  /**
   * True when `row` names no number, or names the one that the row at its place named, as good
   * or bad as it was then.
   */
  holds(row: InputRow): boolean {
    const number = numberOf(row.provider, row.id);
    return (
      number === undefined || this.#rows.get(number.provider)?.get(number.segment) === (row.ok ? row.row : -row.row)
    );
  }
}
