import { NumberIndex } from "./duplicates.js";
import type { Capabilities } from "./help.js";
import type { InputFile } from "./input-file.js";
import { NumberIds } from "./number-ids.js";
import { isProvider, type Provider } from "./providers.js";
import { clip, type Scrubber } from "./quote.js";
import type { DoneRows } from "./results.js";
import { type InputRow, inputRows } from "./rows.js";
import type { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";

/** What the checking pass keeps of an input file: counts and numbers, never its rows. */
export interface CheckedInput {
  /** Rows in the file. */
  rows: number;
  /** Every known provider any row names, bad rows included (CONTRACT.md, CLI: a key for all). */
  named: Provider[];
  /** Good rows per provider, in the order of each provider's first good row. */
  goodRows: Map<Provider, number>;
  numbers: NumberIndex;
  /** The id cells that hold a number to look up (docs/CONTRACT.md#cli-phonebridge). */
  ids: NumberIds;
}

/**
 * The first pass over an input file: every row read and checked, and the file refused, before
 * anything is sent, when it cannot be read whole and right or names a number twice.
 */
export async function checkInput(
  file: InputFile,
  capabilities: Capabilities,
  secrets?: Scrubber,
): Promise<CheckedInput> {
  const numbers = new NumberIndex();
  const ids = new NumberIds(capabilities);
  const named = new Set<Provider>();
  const goodRows = new Map<Provider, number>();
  let rows = 0;
  for await (const read of inputRows(file.chunks(), { path: file.path, format: file.format, secrets })) {
    const row = ids.mark(read);
    rows = row.row;
    numbers.add(row);
    ids.note(row);
    if (isProvider(row.provider)) named.add(row.provider);
    if (row.ok) goodRows.set(row.provider, (goodRows.get(row.provider) ?? 0) + 1);
  }
  numbers.refuseRepeated(file.path, secrets);
  return { rows, named: [...named], goodRows, numbers, ids };
}

/** The providers that still have good rows to send once `done` rows are skipped. */
export function providersLeft(checked: CheckedInput, done: DoneRows): Provider[] {
  return [...checked.goodRows].filter(([provider, count]) => count > done.goodRowsOf(provider)).map(([p]) => p);
}

/** The input file is not what the checking pass read: its rows are not sent. */
export class InputChanged extends Error {
  constructor(path: string) {
    super(
      `${clip(path)} changed after it was checked (a number moved, or rows were added or removed): ` +
        "no row is sent that the check did not see; check the file, then run again",
    );
    this.name = "InputChanged";
  }
}

/**
 * The second pass: the rows to send, read again from the start, without those already done.
 * Each row must be, by its number, the row the first pass saw at its place, and the file must
 * end where it ended; otherwise the pass stops with {@link InputChanged}. A number in the id
 * column comes out as the id looked up for it, or as a bad row (`checked.ids`).
 */
export async function* rowsToRun(
  file: InputFile,
  checked: CheckedInput,
  done: DoneRows,
  secrets: Secrets,
): AsyncGenerator<InputRow> {
  let last = 0;
  try {
    for await (const read of inputRows(file.chunks(), { path: file.path, format: file.format, secrets })) {
      const row = checked.ids.mark(read);
      if (row.row > checked.rows || !checked.numbers.holds(row)) throw new InputChanged(file.path);
      last = row.row;
      if (!done.has(row.row)) yield checked.ids.resolved(row, secrets);
    }
  } catch (error) {
    // A file the first pass read right cannot be refused by the second unless it changed.
    throw error instanceof UsageError ? new InputChanged(file.path) : error;
  }
  if (last !== checked.rows) throw new InputChanged(file.path);
}

/** Row `number` of the input, read again (for a message). */
export async function rowAt(file: InputFile, number: number, secrets?: Scrubber): Promise<InputRow | undefined> {
  try {
    for await (const row of inputRows(file.chunks(), { path: file.path, format: file.format, secrets })) {
      if (row.row === number) return row;
      if (row.row > number) return undefined;
    }
  } catch {
    // The message is written without it.
  }
  return undefined;
}
