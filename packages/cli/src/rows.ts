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

export async function readRows(path: string, secrets?: Scrubber): Promise<InputRow[]> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    throw new UsageError(`cannot read ${clip(path)} (${code})`);
  }
  return formatOf(path, text) === "csv" ? parseCsv(path, text, secrets) : parseJsonl(text, secrets);
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

async function parseCsv(path: string, text: string, secrets: Scrubber | undefined): Promise<InputRow[]> {
  const { parse } = await import("csv-parse/sync");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    // csv-parse's message quotes the cell: its code and line say enough.
    const { code, lines } = error as { code?: string; lines?: number };
    throw new UsageError(`${clip(path)} is not valid CSV: ${code ?? "error"} at line ${lines ?? "?"}`);
  }
  const header = records.shift();
  const name = clip(path);
  if (header === undefined) throw new UsageError(`${name} is empty: expected a header line (${COLUMNS.join(",")})`);
  const columns = header.record.map((column) => column.trim().toLowerCase());
  const seen = new Set<string>();
  for (const column of columns) {
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
  return records.map(({ record, info }, index) => {
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
    return toRow(index + 1, info.lines, values, problems, secrets);
  });
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
    const problems: string[] = [];
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
