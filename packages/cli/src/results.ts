import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync, writeSync } from "node:fs";
import { clip } from "./quote.js";
import type { InputRow } from "./rows.js";
import { UsageError } from "./usage-error.js";

/** One line of a results file (CONTRACT.md, CLI). */
export interface ResultLine {
  row: number;
  provider: string | null;
  id: string | null;
  ok: boolean;
  result?: unknown;
  error?: unknown;
}

/**
 * Rows that already have an `ok: true` line in an existing results file. A line that is not JSON
 * (the last one, cut short by a crash) is ignored. A done row whose provider or id differs from
 * the input's: the file belongs to another input, a usage error.
 */
export function doneRows(path: string, rows: readonly InputRow[]): Set<number> {
  const done = new Set<number>();
  if (!existsSync(path)) return done;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the results file ${clip(path)} (${(error as { code?: string }).code ?? "error"})`,
    );
  }
  const byRow = new Map(rows.map((row) => [row.row, row]));
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let parsed: Partial<ResultLine>;
    try {
      parsed = JSON.parse(line) as Partial<ResultLine>;
    } catch {
      continue;
    }
    if (parsed?.ok !== true || typeof parsed.row !== "number") continue;
    const input = byRow.get(parsed.row);
    if (input === undefined || input.provider !== parsed.provider || input.id !== parsed.id) {
      const theirs = `${clip(String(parsed.provider))} ${clip(String(parsed.id))}`;
      throw new UsageError(
        `the results file ${clip(path)} does not belong to this input: its row ${parsed.row} is ` +
          `${theirs}, the input's is ${input ? `${input.provider} ${clip(input.id ?? "")}` : "absent"}`,
      );
    }
    done.add(parsed.row);
  }
  return done;
}

/** True when the file exists and holds anything. */
export function hasContent(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/**
 * An append-only results file. Each line is written with one synchronous `write(2)` as soon as
 * its row finishes, so a line that was written survives the process being killed.
 */
export class ResultsFile {
  readonly #fd: number;

  constructor(
    readonly path: string,
    mode: "append" | "truncate",
  ) {
    try {
      this.#fd = openSync(path, mode === "append" ? "a+" : "w");
    } catch (error) {
      throw new UsageError(
        `cannot open the results file ${clip(path)} (${(error as { code?: string }).code ?? "error"})`,
      );
    }
    // A run killed in the middle of a write can leave a last line without its newline.
    const size = fstatSync(this.#fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(this.#fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) writeSync(this.#fd, "\n");
    }
  }

  write(line: ResultLine): void {
    writeSync(this.#fd, `${JSON.stringify(line)}\n`);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
