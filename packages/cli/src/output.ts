import type { Drift, PlannedRequest, UpdateResult } from "./client.js";
import { PROVIDER_TITLES } from "./providers.js";
import { bare, type Scrubber } from "./quote.js";
import type { ResultLine } from "./results.js";
import type { InputRow } from "./rows.js";

/**
 * The id of a row as its output lines write it: `id` as the row wrote it, and `resolvedId`, the
 * vendor's id looked up, when the row gave a number (docs/CONTRACT.md#cli-phonebridge).
 */
export function idFields(row: InputRow): { id: string | null; resolvedId?: string } {
  if (row.ok && row.fromNumber !== undefined) return { id: row.fromNumber, resolvedId: row.id };
  return { id: row.id ?? null };
}

/** `row 3 <provider> <id>` for messages, with `(id <resolved>)` after a number looked up. */
export function rowLabel(row: InputRow, secrets: Scrubber): string {
  const { id, resolvedId } = idFields(row);
  const provider = row.provider ? ` ${bare(row.provider, secrets)}` : "";
  const resolved = resolvedId === undefined ? "" : ` (id ${bare(resolvedId, secrets)})`;
  return `row ${row.row}${provider}${id ? ` ${bare(id, secrets)}` : ""}${resolved}`;
}

/** The normalized result without `raw`, as the results file and the table show it: `drift` only when there is some. */
export function normalized(result: UpdateResult) {
  return {
    provider: result.provider,
    id: result.id,
    number: result.number,
    label: result.label,
    agentId: result.agentId,
    outboundAgentId: result.outboundAgentId,
    ...(result.drift === undefined ? {} : { drift: result.drift }),
  };
}

/**
 * The warning for a response that drifts from the vendor's spec: the vendor and each path with
 * its problem, never a value (the facade's drift quotes none), and what the drift did not stop:
 * the update, or the read of a number (`plan`).
 */
export function driftWarning(
  provider: string,
  drift: readonly Drift[],
  done: "the update was done" | "the number was read" = "the update was done",
): string {
  const title = PROVIDER_TITLES[provider as keyof typeof PROVIDER_TITLES] ?? provider;
  const each = drift.map(({ path, problem }) => `${path === "" ? "(the body)" : path}: ${problem}`);
  return `warning: ${title}'s response drifts from its spec (${done}): ${each.join("; ")}`;
}

/** A two-column table for people. */
export function table(rows: readonly (readonly [string, string | null | undefined])[]): string {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value ?? "-"}`).join("\n");
}

export function resultTable(result: UpdateResult): string {
  return table([
    ["provider", result.provider],
    ["id", result.id],
    ["number", result.number],
    ["label", result.label],
    ["agent", result.agentId],
    ["outbound agent", result.outboundAgentId],
  ]);
}

/** A request as `--dry-run` shows it to people: the request line, headers, body. */
export function requestText(request: PlannedRequest): string {
  const lines = [`${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  if (request.body !== undefined) lines.push("", JSON.stringify(request.body));
  return lines.join("\n");
}

/**
 * Control characters are shown escaped so they cannot move the cursor, and so are the invisible
 * marks that reorder or break a line (bidirectional overrides and isolates, line separators), so
 * that input and vendor text cannot pass for something else on a terminal.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Finished rows as a table: one line each, the result's fields or the error. */
export function rowsTable(lines: readonly ResultLine[]): string {
  const header = ["row", "provider", "id", "ok", "number", "label", "agent", "outbound agent / error"];
  const cells = lines.map((line) => {
    const result = (line.result ?? {}) as Record<string, string | null | undefined> & { drift?: unknown };
    const error = line.error as { code?: string; message?: string } | undefined;
    return [
      String(line.row),
      line.provider ?? "-",
      `${line.id ?? "-"}${line.resolvedId === undefined ? "" : ` (id ${line.resolvedId})`}`,
      line.ok ? (result.drift ? "ok, drift" : "ok") : "FAILED",
      line.ok ? (result.number ?? "-") : "",
      line.ok ? (result.label ?? "-") : "",
      line.ok ? (result.agentId ?? "-") : "",
      line.ok ? (result.outboundAgentId ?? "-") : `${error?.code ?? "error"}: ${error?.message ?? ""}`,
    ];
  });
  const widths = header.map((name, i) =>
    Math.max(name.length, ...cells.map((row) => (i < header.length - 1 ? (row[i] ?? "").length : 0))),
  );
  const format = (row: readonly string[]) =>
    row
      .map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell))
      .join("  ")
      .trimEnd();
  return [format(header), ...cells.map(format)].join("\n");
}
