import { encodePathSegment } from "@phonebridge/core";
import { isProvider } from "./providers.js";
import { clip, quote, type Scrubber } from "./quote.js";
import type { InputRow } from "./rows.js";
import { UsageError } from "./usage-error.js";

/**
 * A phone number as it would be sent: the provider as rows are read (trimmed, lower case), the id
 * as its path segment. Undefined for a row that names no known provider or no usable id.
 */
export function numberKey(provider: unknown, id: unknown): string | undefined {
  if (typeof provider !== "string" || typeof id !== "string") return undefined;
  const name = provider.trim().toLowerCase();
  if (!isProvider(name)) return undefined;
  const segment = encodePathSegment(id);
  return segment === undefined ? undefined : `${name}/${segment}`;
}

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
  /** Number → its row; negative for a bad row. */
  readonly #rows = new Map<string, number>();
  readonly #repeated = new Map<string, Repeated>();

  add(row: InputRow): void {
    const key = numberKey(row.provider, row.id);
    if (key === undefined) return;
    const first = this.#rows.get(key);
    if (first === undefined) {
      this.#rows.set(key, row.ok ? row.row : -row.row);
      return;
    }
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
    const seen = new Map<string, number>();
    for (const [provider, number, id] of resolved) {
      const key = numberKey(provider, id);
      const at = this.rowOf(provider, number);
      if (key === undefined || at === undefined) continue;
      const row = Math.abs(at);
      const other = this.#rows.get(key) ?? seen.get(key);
      seen.set(key, row);
      if (other === undefined || Math.abs(other) === row) continue;
      // The file had no number twice as written (refuseRepeated ran): every group here is new.
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
    const key = numberKey(provider, id);
    return key === undefined ? undefined : this.#rows.get(key);
  }

  /**
   * True when `row` names no number, or names the one that the row at its place named, as good
   * or bad as it was then.
   */
  holds(row: InputRow): boolean {
    const key = numberKey(row.provider, row.id);
    return key === undefined || this.#rows.get(key) === (row.ok ? row.row : -row.row);
  }
}
