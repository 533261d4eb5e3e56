import {
  closeSync,
  createReadStream,
  fstatSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { byteLines } from "./byte-lines.js";
import type { NumberIndex } from "./duplicates.js";
import { clip } from "./quote.js";
import type { InputRow } from "./rows.js";
import { UsageError } from "./usage-error.js";

/** One line of a results file (CONTRACT.md, CLI). */
export interface ResultLine {
  row: number;
  provider: string | null;
  /** The id cell as the row wrote it (a number, when the id was looked up from it). */
  id: string | null;
  /** The vendor's id looked up from the number in `id`, when it was. */
  resolvedId?: string;
  ok: boolean;
  /** `"unchanged"`: the number was already in the desired state (`--skip-unchanged`), nothing sent. */
  skipped?: "unchanged";
  result?: unknown;
  error?: unknown;
}

/** Every results line starts so (`row` is the first key written). */
const LINE_START = '{"row":';

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? "error";
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = codeOf(error);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new UsageError(`cannot use the results file ${clip(path)} (${code})`);
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Where a run's results go, checked: never the input, always a regular file in a folder that exists. */
export interface ResultsTarget {
  /** The path as the user gave it (or the default beside the input). */
  path: string;
  /** The path with every symbolic link resolved: the same file under any name. */
  canonical: string;
  /** `<canonical>.lock`. */
  lockPath: string;
  /** True when the file exists and holds anything. */
  hasContent: boolean;
}

/**
 * Checks `--results` before anything else happens: a folder, a FIFO or device, a link to nothing,
 * a folder that does not exist, and the input file under any name (symbolic links, hard links, a
 * linked folder: compared by real path and by device and inode) are usage errors.
 */
export function resultsTarget(path: string, input: string): ResultsTarget {
  const shown = clip(path);
  const stat = statOrUndefined(path);
  let canonical: string;
  if (stat === undefined) {
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch {}
    if (link) throw new UsageError(`the results file ${shown} is a symbolic link to nothing: give a file`);
    const folder = dirname(resolve(path));
    if (!statOrUndefined(folder)?.isDirectory()) {
      throw new UsageError(`the folder of the results file ${shown} does not exist: create it first`);
    }
    canonical = join(realOrResolved(folder), basename(resolve(path)));
  } else {
    if (stat.isDirectory()) throw new UsageError(`the results file ${shown} is a folder: give a file`);
    if (!stat.isFile()) {
      throw new UsageError(
        `the results file ${shown} is not a regular file (a FIFO, a socket or a device): give a file`,
      );
    }
    canonical = realOrResolved(path);
  }
  const lockPath = `${canonical}.lock`;
  const inputStat = statOrUndefined(input);
  const inputReal = realOrResolved(input);
  const same = (other: Stats | undefined, real: string) =>
    real === inputReal ||
    (other !== undefined && inputStat !== undefined && other.dev === inputStat.dev && other.ino === inputStat.ino);
  if (same(stat, canonical)) {
    throw new UsageError(`--results ${shown} is the input file itself (under this name or another): give another file`);
  }
  if (same(statOrUndefined(lockPath), lockPath)) {
    throw new UsageError(`the lock of the results file ${shown} would be the input file: give another --results`);
  }
  return { path, canonical, lockPath, hasContent: stat !== undefined && stat.size > 0 };
}

/**
 * Reads an existing results file line by line, refusing it unless it holds phonebridge results
 * lines only: `--resume` never appends to, and `--overwrite` never replaces, anything else. A
 * line cut short by a crash (it starts as a results line and is not JSON) is allowed anywhere.
 * `each` sees every other line, parsed; nothing else is kept.
 */
export async function scanResults(
  path: string,
  flag: "--resume" | "--overwrite",
  shown = path,
  each?: (line: Partial<ResultLine>) => void,
): Promise<void> {
  let index = 0;
  try {
    for await (const line of byteLines(createReadStream(path))) {
      index += 1;
      if (line.trim() === "") continue;
      let wrong = !line.startsWith(LINE_START);
      let parsed: Partial<ResultLine> | undefined;
      if (!wrong) {
        try {
          parsed = JSON.parse(line) as Partial<ResultLine>;
          wrong = !Number.isInteger(parsed.row) || typeof parsed.ok !== "boolean";
        } catch {
          // A line cut short: allowed.
        }
      }
      if (wrong) {
        throw new UsageError(
          `${flag} refused: ${clip(shown)} is not a phonebridge results file (line ${index}); it is left untouched`,
        );
      }
      if (parsed !== undefined) each?.(parsed);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (codeOf(error) === "ENOENT") return;
    throw new UsageError(`cannot read the results file ${clip(shown)} (${codeOf(error)})`);
  }
}

/** The rows of an input that have an `ok: true` line: one bit per row of the input. */
export class DoneRows {
  readonly #bits: Uint8Array;
  readonly #goodRows = new Map<string, number>();
  #size = 0;

  constructor(rows: number) {
    this.#bits = new Uint8Array((rows >> 3) + 1);
  }

  get size(): number {
    return this.#size;
  }

  has(row: number): boolean {
    return ((this.#bits[row >> 3] ?? 0) & (1 << (row & 7))) !== 0;
  }

  /** Marks `row` done; `provider` when it is a good row of the input. */
  add(row: number, provider: string | undefined): void {
    if (this.has(row)) return;
    this.#bits[row >> 3] = (this.#bits[row >> 3] ?? 0) | (1 << (row & 7));
    this.#size += 1;
    if (provider !== undefined) this.#goodRows.set(provider, (this.#goodRows.get(provider) ?? 0) + 1);
  }

  /** Good rows of `provider` that are done. */
  goodRowsOf(provider: string): number {
    return this.#goodRows.get(provider) ?? 0;
  }
}

/** What `--resume` needs of the input to read its results file against it. */
export interface ResumedInput {
  /** Rows in the input. */
  rows: number;
  numbers: NumberIndex;
  /** Row `number` of the input, read again for a message. */
  rowAt(number: number): Promise<InputRow | undefined>;
}

/**
 * Rows that already have an `ok: true` line in the results file (`--resume`), read as a stream.
 * A line that is not JSON (cut short by a crash) is ignored. A done row whose provider or id
 * differs from the input's: the file belongs to another input, a usage error.
 */
export async function doneRows(target: ResultsTarget, input: ResumedInput): Promise<DoneRows> {
  const done = new DoneRows(input.rows);
  let stranger: Partial<ResultLine> | undefined;
  await scanResults(target.canonical, "--resume", target.path, (line) => {
    if (line.ok !== true || typeof line.row !== "number" || stranger !== undefined) return;
    const at = input.numbers.rowOf(line.provider, line.id);
    if (at === undefined || Math.abs(at) !== line.row || line.row > input.rows) {
      stranger = line;
      return;
    }
    done.add(line.row, at > 0 ? String(line.provider).trim().toLowerCase() : undefined);
  });
  if (stranger !== undefined) {
    const row = stranger.row as number;
    const mine = row >= 1 && row <= input.rows ? await input.rowAt(row) : undefined;
    const theirs = `${clip(String(stranger.provider))} ${clip(String(stranger.id))}`;
    throw new UsageError(
      `the results file ${clip(target.path)} does not belong to this input: its row ${row} is ` +
        `${theirs}, the input's is ${mine ? `${mine.provider} ${clip(mine.id ?? "")}` : "absent"}`,
    );
  }
  return done;
}

/**
 * An append-only results file (opened with O_APPEND). Each line is written whole with
 * synchronous writes as soon as its row finishes, so a line that was written survives the process
 * being killed and lines never interleave.
 */
export class ResultsFile {
  readonly #fd: number;

  constructor(
    readonly path: string,
    mode: "append" | "truncate",
  ) {
    try {
      this.#fd = openSync(path, "a+");
    } catch (error) {
      throw new UsageError(`cannot open the results file ${clip(path)} (${codeOf(error)})`);
    }
    // Emptied only now, under the lock, after the file was checked to hold results lines.
    if (mode === "truncate") ftruncateSync(this.#fd, 0);
    // A run killed in the middle of a write can leave a last line without its newline.
    const size = fstatSync(this.#fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(this.#fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) this.#writeAll(Buffer.from("\n"));
    }
  }

  #writeAll(data: Buffer): void {
    let offset = 0;
    while (offset < data.length) offset += writeSync(this.#fd, data, offset);
  }

  write(line: ResultLine): void {
    this.#writeAll(Buffer.from(`${JSON.stringify(line)}\n`));
  }

  close(): void {
    closeSync(this.#fd);
  }
}
