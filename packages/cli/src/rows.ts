import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import type { Changes } from "./client.js";
import { didYouMean } from "./closest.js";
import { isProvider, PROVIDERS, type Provider } from "./providers.js";
import { clip, quote, type Scrubber } from "./quote.js";
import { UsageError } from "./usage-error.js";

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
}

export interface BadRow extends RowBase {
  ok: false;
  reason: string;
}

export type InputRow = GoodRow | BadRow;

export type Format = "csv" | "jsonl";

export function formatOf(path: string, text: string): Format {
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return text.trimStart().startsWith("{") ? "jsonl" : "csv";
}

/**
 * Reads an input file into rows. A file that cannot be read whole and right (not UTF-8, a CSV
 * whose row boundaries are lost, a bad header) is a usage error: nothing is sent. A row that is
 * wrong by itself is a bad row, and the good rows go (CONTRACT.md, CLI).
 */
export async function readRows(path: string, secrets?: Scrubber): Promise<InputRow[]> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    throw new UsageError(`cannot read ${clip(path)} (${code})`);
  }
  const text = bytes.toString("utf8");
  const invalid = firstInvalidUtf8(bytes, text);
  const format = formatOf(path, text);
  let rows: InputRow[];
  try {
    rows = format === "csv" ? await parseCsv(path, text, secrets) : parseJsonl(text, secrets);
  } catch (error) {
    // Invalid UTF-8 is the first thing to say about a file, whatever else is wrong with it.
    if (invalid === undefined || !(error instanceof UsageError)) throw error;
    rows = [];
  }
  if (invalid !== undefined) throw notUtf8(path, text, bytes, invalid, rows);
  return rows;
}

/**
 * Where decoding `bytes` as UTF-8 first failed: the byte offset, and the index in `text` (their
 * lossy decoding) of the U+FFFD that replaced it. A U+FFFD the file really holds (EF BF BD) is
 * passed over.
 */
function firstInvalidUtf8(bytes: Buffer, text: string): { byte: number; char: number } | undefined {
  if (isUtf8(bytes)) return undefined;
  let char = 0;
  let byte = 0;
  for (;;) {
    const next = text.indexOf("\uFFFD", char);
    if (next < 0) return undefined;
    // Everything before the first failure decoded exactly, so it re-encodes to the same bytes.
    byte += Buffer.byteLength(text.slice(char, next));
    if (bytes[byte] !== 0xef || bytes[byte + 1] !== 0xbf || bytes[byte + 2] !== 0xbd) return { byte, char: next };
    char = next + 1;
    byte += 3;
  }
}

function notUtf8(
  path: string,
  text: string,
  bytes: Buffer,
  at: { byte: number; char: number },
  rows: readonly InputRow[],
): UsageError {
  const line = lineAt(text, at.char);
  // Rows are in file order; the row holding the byte is the first that ends on or after its line.
  const row = rows.find((r) => r.line >= line);
  const where = row ? `row ${row.row} (line ${line})` : line === 1 ? "line 1 (the header)" : `line ${line}`;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return new UsageError(
    `${clip(path)} is not UTF-8: invalid byte at byte offset ${at.byte}, ${where}` +
      `${utf16 ? " (the file looks like UTF-16: save it as UTF-8)" : ""}; nothing sent`,
  );
}

/** 1-based line of the character at `index`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line += 1;
  return line;
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

async function parseCsv(path: string, text: string, secrets: Scrubber | undefined): Promise<InputRow[]> {
  const { parse } = await import("csv-parse/sync");
  const name = clip(path);
  const skipped: Skipped[] = [];
  let lost: UsageError | undefined;
  const records = parse(text, {
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    // A quote inside an unquoted cell spoils that record only: it is a bad row and the others
    // go. Any other CSV error may have moved where rows end, so the file is refused.
    skip_records_with_error: true,
    on_skip: (error, raw = "") => {
      if (error === undefined || lost !== undefined) return undefined;
      const lines = typeof error.lines === "number" ? error.lines : 0;
      if (error.code === "CSV_QUOTE_NOT_CLOSED") {
        // `raw` is the rest of the file from the start of the record whose quote never closes.
        const start = lineAt(text, text.length - raw.length) + newlines(LEADING_BLANK_LINES.exec(raw)?.[0] ?? "");
        lost = new UsageError(
          `${name} is not valid CSV: a quote opened in the row starting at line ${start} is never closed, ` +
            "so where rows end is unknown; nothing sent",
        );
      } else if (error.code !== "INVALID_OPENING_QUOTE" || error.records === 0) {
        lost = new UsageError(
          `${name} is not valid CSV at line ${lines} (${error.code}): where rows end after it is unknown` +
            `${error.records === 0 ? " (the header)" : ""}; nothing sent`,
        );
      } else {
        const start = lines - newlines(raw.replace(LEADING_BLANK_LINES, ""));
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
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (lost !== undefined) throw lost;
  const header = records[0];
  if (header === undefined) throw new UsageError(`${name} is empty: expected a header line (${COLUMNS.join(",")})`);
  const columns = header.record.map((column) => column.trim().toLowerCase());
  const seen = new Set<string>();
  for (const [index, column] of columns.entries()) {
    if (column === "") {
      throw new UsageError(`${name}: column ${index + 1} of the header has no name (columns: ${COLUMNS.join(", ")})`);
    }
    if (!(COLUMNS as readonly string[]).includes(column)) {
      throw new UsageError(
        `${name}: unknown column ${quote(column, secrets)} in the header (columns: ${COLUMNS.join(", ")})` +
          didYouMean(column, COLUMNS),
      );
    }
    if (seen.has(column)) throw new UsageError(`${name}: the column "${column}" appears twice in the header`);
    seen.add(column);
  }
  for (const required of ["provider", "id"]) {
    if (!seen.has(required)) throw new UsageError(`${name}: the header has no "${required}" column`);
  }

  const rows: InputRow[] = [];
  let next = 0;
  const addSkipped = (upTo: number) => {
    while (next < skipped.length && (skipped[next] as Skipped).after <= upTo) {
      const skip = skipped[next++] as Skipped;
      const cell =
        skip.column === undefined ? "a cell" : `the ${columns[skip.column] ?? `column ${skip.column + 1}`} cell`;
      rows.push({
        ok: false,
        row: rows.length + 1,
        line: skip.start,
        provider: undefined,
        id: undefined,
        reason: `${cell} holds a quote but does not start with one: quote the whole cell and double the quotes inside`,
      });
    }
  };
  records.slice(1).forEach(({ record, info }, index) => {
    addSkipped(index + 1);
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
    rows.push(toRow(rows.length + 1, info.lines, values, problems, secrets));
  });
  addSkipped(Number.POSITIVE_INFINITY);
  return rows;
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

function parseJsonl(text: string, secrets: Scrubber | undefined): InputRow[] {
  const rows: InputRow[] = [];
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  let row = 0;
  lines.forEach((raw, index) => {
    const source = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (source.trim() === "") return;
    row += 1;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      rows.push({ ok: false, row, line, provider: undefined, id: undefined, reason: "the line is not valid JSON" });
      return;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      rows.push({ ok: false, row, line, provider: undefined, id: undefined, reason: "the line is not a JSON object" });
      return;
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
    rows.push(result);
  });
  return rows;
}
