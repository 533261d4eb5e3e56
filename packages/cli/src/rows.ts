import { readFileSync } from "node:fs";
import { pipeline, Readable } from "node:stream";
import type { Options } from "csv-parse";
import { byteLines, type Chunks } from "./byte-lines.js";
import type { Changes } from "./client.js";
import { didYouMean } from "./closest.js";
import { isProvider, PROVIDERS, type Provider } from "./providers.js";
import { clip, quote, type Scrubber } from "./quote.js";
import { UsageError } from "./usage-error.js";
import { type InvalidByte, Utf8Scanner } from "./utf8.js";

/** The columns of an input file (CONTRACT.md, CLI). Only `provider` and `id` are required. */
export const COLUMNS = ["provider", "id", "agent", "label", "outbound_agent"] as const;
type Column = (typeof COLUMNS)[number];

const CHANGE_OF: Record<"agent" | "label" | "outbound_agent", keyof Changes> = {
  agent: "agentId",
  label: "label",
  outbound_agent: "outboundAgentId",
};

interface RowBase {
  /** 1-based data row: the header and blank lines are not counted. */
  row: number;
  /** 1-based line of the file where the row ends. */
  line: number;
  provider: string | undefined;
  id: string | undefined;
}

export interface GoodRow extends RowBase {
  ok: true;
  provider: Provider;
  id: string;
  changes: Changes;
  /**
   * The E.164 number the row's id cell held, when `id` is the vendor's id looked up from it
   * (docs/CONTRACT.md#cli-phonebridge); absent when the row gave the id itself.
   */
  fromNumber?: string;
}

export interface BadRow extends RowBase {
  ok: false;
  reason: string;
}

export type InputRow = GoodRow | BadRow;

export type Format = "csv" | "jsonl";

/** The format of an input file: by its extension, else by how its text (`head`, its start) begins. */
export function formatOf(path: string, head: string): Format {
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return head.trimStart().startsWith("{") ? "jsonl" : "csv";
}

/** What the rows of a stream of bytes are read as. */
export interface RowSource {
  /** The file, as messages name it. */
  path: string;
  format: Format;
  secrets?: Scrubber | undefined;
}

/**
 * The rows of an input file, read as a stream: the memory is a chunk and a few rows, never the
 * file's. A file that cannot be read whole and right (not UTF-8, a CSV whose row boundaries are
 * lost, a bad header) is a usage error, thrown once it is certain, after the rows before it
 * (the file was then read to its end, or to the row holding its first invalid byte); nothing
 * may be sent before the whole file was read once. A row that is wrong by itself is a bad row,
 * and the good rows go (CONTRACT.md, CLI).
 */
export async function* inputRows(chunks: Chunks, source: RowSource): AsyncGenerator<InputRow> {
  const utf8 = new Utf8Scanner();
  async function* scanned(): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      utf8.push(chunk);
      yield chunk;
    }
    utf8.end();
  }
  const rows = source.format === "csv" ? csvRows(scanned(), source) : jsonlRows(scanned(), source.secrets);
  let holding: InputRow | undefined;
  try {
    for await (const row of rows) {
      const invalid = utf8.invalid;
      if (invalid === undefined) yield row;
      else if (row.line >= invalid.line) {
        // Rows are in file order: the row holding the byte is the first that ends on or after its line.
        holding = row;
        break;
      }
    }
  } catch (error) {
    // Invalid UTF-8 is the first thing to say about a file, whatever else is wrong with it.
    if (utf8.invalid === undefined || !(error instanceof UsageError)) throw error;
  }
  if (utf8.invalid !== undefined) throw notUtf8(source.path, utf8, holding);
}

/**
 * Reads a whole input file into rows, with the checks of {@link inputRows}. For files that fit in
 * memory; `apply` reads its input with {@link inputRows}.
 */
export async function readRows(path: string, secrets?: Scrubber): Promise<InputRow[]> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    throw new UsageError(`cannot read ${clip(path)} (${code})`);
  }
  const rows: InputRow[] = [];
  const format = formatOf(path, bytes.subarray(0, HEAD_BYTES).toString("utf8"));
  for await (const row of inputRows([bytes], { path, format, secrets })) rows.push(row);
  return rows;
}

/** How much of a file's start decides its format when its name does not. */
export const HEAD_BYTES = 64 * 1024;

function notUtf8(path: string, utf8: Utf8Scanner, row: InputRow | undefined): UsageError {
  const { byte, line } = utf8.invalid as InvalidByte;
  const where = row ? `row ${row.row} (line ${line})` : line === 1 ? "line 1 (the header)" : `line ${line}`;
  return new UsageError(
    `${clip(path)} is not UTF-8: invalid byte at byte offset ${byte}, ${where}` +
      `${utf8.looksUtf16 ? " (the file looks like UTF-16: save it as UTF-8)" : ""}; nothing sent`,
  );
}

/** Turns the raw values of one row into a good or bad row. */
function toRow(
  row: number,
  line: number,
  values: Partial<Record<Column, string | null | undefined>>,
  problems: string[],
  secrets: Scrubber | undefined,
): InputRow {
  const rawProvider = values.provider;
  const provider = typeof rawProvider === "string" ? rawProvider.trim().toLowerCase() : undefined;
  const id = typeof values.id === "string" ? values.id : undefined;
  const base = { row, line, provider: provider || undefined, id: id || undefined };
  if (!provider && !problems.some((p) => p.startsWith("provider"))) problems.unshift("provider is missing");
  else if (provider && !isProvider(provider)) {
    problems.unshift(
      `unknown provider ${quote(provider, secrets)} (one of ${PROVIDERS.join(", ")})${didYouMean(provider, PROVIDERS)}`,
    );
  }
  if (!id && !problems.some((p) => p.startsWith("id "))) problems.push("id is missing");
  const changes: Changes = {};
  for (const column of ["agent", "label", "outbound_agent"] as const) {
    const value = values[column];
    if (value !== undefined) changes[CHANGE_OF[column]] = value;
  }
  if (problems.length === 0 && Object.keys(changes).length === 0) {
    problems.push("the row changes nothing: give agent, label or outbound_agent (null removes or clears)");
  }
  if (problems.length > 0) return { ok: false, ...base, reason: problems.join("; ") };
  return { ok: true, ...base, provider: provider as Provider, id: id as string, changes };
}

/** A record csv-parse skipped, as `on_skip` reports it. */
interface Skipped {
  code: string;
  /** Good records (the header included) before it. */
  after: number;
  /** 1-based line where its record starts. */
  start: number;
  column: number | undefined;
}

/** Record delimiters csv-parse recognises (it detects which one a file uses). */
const NEWLINES = /\r\n|\r|\n/g;
const LEADING_BLANK_LINES = /^(?:[ \t]*(?:\r\n|\r|\n))*/;

function newlines(text: string): number {
  return text.match(NEWLINES)?.length ?? 0;
}

/** A record and the 1-based line of the file where it ends. */
interface LinedRecord {
  record: string[];
  line: number;
}

/** The longest row read, in characters: far above any real row, which is five short cells. */
const MAX_RECORD_CHARACTERS = 1024 * 1024;

/** Characters csv-parse counts a line for each of, once a character follows. */
const BREAK_CHARACTERS = /[\r\n]/g;

function crlfsIn(text: string): number {
  return text.match(/\r\n/g)?.length ?? 0;
}

/**
 * Line numbers of rows, from csv-parse's count corrected. csv-parse counts a CRLF inside a quoted
 * cell as two lines, so every row after one would be named a line too far
 * (docs/CONTRACT.md#cli-phonebridge: errors name the row and its line). In a record's raw text
 * (csv-parse's `raw`), a CRLF that delimits a record or an empty line shows as its CR only, so
 * each CRLF left in it is one csv-parse counted twice.
 *
 * Called in file order: for each record as csv-parse reads it, and for each error in a record it
 * skips. Of a skipped record csv-parse gives the raw text up to its error only: a CRLF in a quoted
 * cell after that is not seen, and lines after such a row stay one too far.
 */
class LineCounter {
  /** CRLFs counted twice in the records before. */
  #doubled = 0;
  /** The skipped record being read: where it starts by csv-parse's count, and its CRLFs so far. */
  #skipped: { csvStart: number; crlfs: number } | undefined;

  /** The 1-based line where a record ends, from csv-parse's count (`info.lines`) and its raw text. */
  recordEnd(csvLines: number, raw: string): number {
    this.#settle();
    const crlfs = crlfsIn(raw);
    const line = csvLines - this.#doubled - crlfs;
    this.#doubled += crlfs;
    return line;
  }

  /** The 1-based line where a skipped record starts, from an error in it and its raw text so far. */
  skippedStart(csvLines: number, raw: string): number {
    // A break is counted once the character after it is read: the last one may not be yet.
    const csvStart = csvLines - (raw.slice(0, -1).match(BREAK_CHARACTERS)?.length ?? 0);
    if (this.#skipped?.csvStart !== csvStart) this.#settle();
    this.#skipped = { csvStart, crlfs: crlfsIn(raw) };
    return csvStart - this.#doubled + newlines(LEADING_BLANK_LINES.exec(raw)?.[0] ?? "");
  }

  #settle(): void {
    this.#doubled += this.#skipped?.crlfs ?? 0;
    this.#skipped = undefined;
  }
}

async function* csvRows(chunks: Chunks, source: RowSource): AsyncGenerator<InputRow> {
  const { parse } = await import("csv-parse");
  const { secrets } = source;
  const name = clip(source.path);
  // Records csv-parse skipped, not yet placed among the rows (those read ahead of the consumer).
  const skipped: Skipped[] = [];
  let lost: UsageError | undefined;
  const lines = new LineCounter();
  const parser = parse({
    bom: true,
    info: true,
    raw: true,
    // Called as each record is read, in file order with on_skip: where the record ends. With
    // `raw` and `info`, csv-parse passes `{ record, raw, info }`, which its types do not describe.
    on_record: (({ record, raw, info }: { record: string[]; raw: string; info: { lines: number } }): LinedRecord => ({
      record,
      line: lines.recordEnd(info.lines, raw),
    })) as unknown as Options["on_record"],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    // A quote inside an unquoted cell spoils that record only: it is a bad row and the others
    // go. Any other CSV error may have moved where rows end, so the file is refused.
    skip_records_with_error: true,
    // A row is a few short cells; without a bound, a quote that never closes would hold the rest
    // of the file in memory before it is found at the end (docs/CONTRACT.md#cli-phonebridge:
    // input is streamed).
    max_record_size: MAX_RECORD_CHARACTERS,
    on_skip: (error, raw = "") => {
      if (error === undefined || lost !== undefined) return undefined;
      // Also keeps the count of the rows after it right.
      const start = lines.skippedStart(typeof error.lines === "number" ? error.lines : 1, raw);
      if (error.code === "CSV_QUOTE_NOT_CLOSED") {
        // Found at the end: `raw` is the rest of the file from the start of the record whose
        // quote never closes.
        lost = new UsageError(
          `${name} is not valid CSV: a quote opened in the row starting at line ${start} is never closed, ` +
            "so where rows end is unknown; nothing sent",
        );
      } else if (error.code === "CSV_MAX_RECORD_SIZE") {
        lost = new UsageError(
          `${name} is not valid CSV: the row starting at line ${start} is over ${MAX_RECORD_CHARACTERS / 1024 / 1024} MiB, ` +
            "most likely from a quote that is never closed, so where rows end is unknown; nothing sent",
        );
      } else if (error.code !== "INVALID_OPENING_QUOTE" || error.records === 0) {
        lost = new UsageError(
          `${name} is not valid CSV in the row starting at line ${start} (${error.code}): ` +
            "where rows end after it is unknown" +
            `${error.records === 0 ? " (the header)" : ""}; nothing sent`,
        );
      } else {
        const after = typeof error.records === "number" ? error.records : 0;
        const previous = skipped.at(-1);
        // csv-parse reports each stray quote of a record: one bad row per record.
        if (previous?.after !== after || previous.start !== start) {
          skipped.push({
            code: error.code,
            after,
            start,
            column: typeof error.column === "number" ? error.column : undefined,
          });
        }
      }
      return undefined;
    },
  });
  // Read errors reach the loop below through the parser, which the pipeline destroys with them;
  // a loop that stops early destroys the parser, and the pipeline the file's stream.
  pipeline(Readable.from(chunks, { objectMode: false }), parser, () => undefined);

  let columns: string[] | undefined;
  let badHeader: UsageError | undefined;
  let records = 0;
  let row = 0;
  /** The skipped records that come before data record number `upTo` (1-based). */
  function* skippedBefore(upTo: number): Generator<InputRow> {
    while (skipped.length > 0 && (skipped[0] as Skipped).after <= upTo) {
      const skip = skipped.shift() as Skipped;
      const cell =
        skip.column === undefined ? "a cell" : `the ${columns?.[skip.column] ?? `column ${skip.column + 1}`} cell`;
      yield {
        ok: false,
        row: ++row,
        line: skip.start,
        provider: undefined,
        id: undefined,
        reason: `${cell} holds a quote but does not start with one: quote the whole cell and double the quotes inside`,
      };
    }
  }
  for await (const { record, line } of parser as AsyncIterable<LinedRecord>) {
    // After an error that refuses the file, the rest is read only to be checked for UTF-8.
    if (lost !== undefined || badHeader !== undefined) continue;
    if (columns === undefined) {
      columns = record.map((column) => column.trim().toLowerCase());
      badHeader = headerProblem(name, columns, secrets);
      continue;
    }
    records += 1;
    // The header counts as the first record csv-parse reads.
    yield* skippedBefore(records);
    const problems: string[] = [];
    if (record.length !== columns.length) {
      problems.push(`expected ${columns.length} fields, found ${record.length}`);
    }
    const values: Partial<Record<Column, string | null | undefined>> = {};
    columns.forEach((column, i) => {
      const cell = record[i];
      // An empty cell leaves the field unchanged; the cell `null` removes or clears it.
      values[column as Column] = cell === undefined || cell === "" ? undefined : cell === "null" ? null : cell;
    });
    if (values.provider === null) values.provider = "null";
    if (values.id === null) values.id = "null";
    yield toRow(++row, line, values, problems, secrets);
  }
  if (lost !== undefined) throw lost;
  if (columns === undefined) throw new UsageError(`${name} is empty: expected a header line (${COLUMNS.join(",")})`);
  if (badHeader !== undefined) throw badHeader;
  yield* skippedBefore(Number.POSITIVE_INFINITY);
}

/** What is wrong with a header, if anything: an unnamed, unknown or repeated column, or a required one missing. */
function headerProblem(
  name: string,
  columns: readonly string[],
  secrets: Scrubber | undefined,
): UsageError | undefined {
  const seen = new Set<string>();
  for (const [index, column] of columns.entries()) {
    if (column === "") {
      return new UsageError(`${name}: column ${index + 1} of the header has no name (columns: ${COLUMNS.join(", ")})`);
    }
    if (!(COLUMNS as readonly string[]).includes(column)) {
      return new UsageError(
        `${name}: unknown column ${quote(column, secrets)} in the header (columns: ${COLUMNS.join(", ")})` +
          didYouMean(column, COLUMNS),
      );
    }
    if (seen.has(column)) return new UsageError(`${name}: the column "${column}" appears twice in the header`);
    seen.add(column);
  }
  for (const required of ["provider", "id"]) {
    if (!seen.has(required)) return new UsageError(`${name}: the header has no "${required}" column`);
  }
  return undefined;
}

/** Top-level keys of a JSON object text that appear more than once (`JSON.parse` keeps the last). */
function repeatedKeys(source: string): string[] {
  const keys = new Set<string>();
  const repeated = new Set<string>();
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "{" || c === "[") depth += 1;
    else if (c === "}" || c === "]") depth -= 1;
    else if (c === '"') {
      let end = i + 1;
      while (end < source.length && source[end] !== '"') end += source[end] === "\\" ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(source.slice(end + 1, end + 40))) {
        const key = JSON.parse(source.slice(i, end + 1)) as string;
        if (keys.has(key)) repeated.add(key);
        keys.add(key);
      }
      i = end;
    }
  }
  return [...repeated];
}

async function* jsonlRows(chunks: Chunks, secrets: Scrubber | undefined): AsyncGenerator<InputRow> {
  let line = 0;
  let row = 0;
  for await (const text of byteLines(chunks)) {
    line += 1;
    const raw = line === 1 && text.startsWith("\uFEFF") ? text.slice(1) : text;
    const source = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (source.trim() === "") continue;
    row += 1;
    yield jsonlRow(row, line, source, secrets);
  }
}

function jsonlRow(row: number, line: number, source: string, secrets: Scrubber | undefined): InputRow {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return { ok: false, row, line, provider: undefined, id: undefined, reason: "the line is not valid JSON" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, row, line, provider: undefined, id: undefined, reason: "the line is not a JSON object" };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = repeatedKeys(source).map(
    (key) => `the key ${quote(key, secrets)} appears twice: which value is meant is unknown`,
  );
  const values: Partial<Record<Column, string | null | undefined>> = {};
  for (const [key, item] of Object.entries(record)) {
    if (!(COLUMNS as readonly string[]).includes(key)) {
      problems.push(`unknown key ${quote(key, secrets)} (keys: ${COLUMNS.join(", ")})${didYouMean(key, COLUMNS)}`);
      continue;
    }
    const column = key as Column;
    if (item === null) {
      if (column === "provider" || column === "id") problems.push(`${column} must be a string`);
      else values[column] = null;
    } else if (typeof item !== "string") {
      problems.push(`${column} must be a string${column === "provider" || column === "id" ? "" : " or null"}`);
    } else if (item === "" && column !== "provider" && column !== "id") {
      problems.push(`${column} is "": leave the key out to keep the field, or use null to remove or clear it`);
    } else {
      values[column] = item;
    }
  }
  const keptProvider = typeof record.provider === "string" ? record.provider : undefined;
  const keptId = typeof record.id === "string" ? record.id : undefined;
  const result = toRow(row, line, values, problems, secrets);
  if (!result.ok) {
    result.provider ??= keptProvider || undefined;
    result.id ??= keptId || undefined;
  }
  return result;
}
