import type { Stats } from "node:fs";
import { type FileHandle, open, stat } from "node:fs/promises";
import type { Chunks } from "./byte-lines.js";
import { clip } from "./quote.js";
import { type Format, formatOf, HEAD_BYTES } from "./rows.js";
import { UsageError } from "./usage-error.js";

/** Bytes read at a time: what a pass over the input holds of it, besides a few rows. */
const CHUNK_BYTES = 64 * 1024;

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? "error";
}

function unreadable(path: string, error: unknown): never {
  throw new UsageError(`cannot read ${clip(path)} (${codeOf(error)})`);
}

function refuseIrregular(path: string, stat: Stats): void {
  if (stat.isDirectory()) throw new UsageError(`cannot read ${clip(path)} (EISDIR)`);
  if (!stat.isFile()) {
    throw new UsageError(
      `${clip(path)} is not a regular file (a FIFO, a socket or a device): apply reads its input twice, ` +
        "to check it whole before anything is sent, then to send: give a file",
    );
  }
}

/**
 * An input file of `apply`, opened once and read from its start once per pass: a pass that checks
 * the whole file before anything is sent, then a pass that sends (CONTRACT.md, CLI). Both read the
 * same file even if its name is given to another meanwhile; a FIFO or a device, which can be
 * read only once, is refused.
 */
export class InputFile {
  readonly #handle: FileHandle;
  readonly #stat: Stats;

  private constructor(
    readonly path: string,
    readonly format: Format,
    handle: FileHandle,
    stat: Stats,
  ) {
    this.#handle = handle;
    this.#stat = stat;
  }

  static async open(path: string): Promise<InputFile> {
    // Checked before opening too: opening a FIFO waits for a writer.
    refuseIrregular(path, await stat(path).catch((error: unknown) => unreadable(path, error)));
    let handle: FileHandle;
    try {
      handle = await open(path, "r");
    } catch (error) {
      unreadable(path, error);
    }
    try {
      const stat = await handle.stat();
      refuseIrregular(path, stat);
      const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
      await handle.read(head, 0, head.length, 0);
      return new InputFile(path, formatOf(path, head.toString("utf8")), handle, stat);
    } catch (error) {
      await handle.close();
      if (error instanceof UsageError) throw error;
      unreadable(path, error);
    }
  }

  /** The file from its start, a chunk at a time (`chunkBytes` only in tests). */
  chunks(chunkBytes = CHUNK_BYTES): Chunks {
    return this.#handle.createReadStream({ start: 0, autoClose: false, highWaterMark: chunkBytes });
  }

  /** True while the file's size and modification time are those it had when it was opened. */
  async unchanged(): Promise<boolean> {
    const now = await this.#handle.stat();
    return now.size === this.#stat.size && now.mtimeMs === this.#stat.mtimeMs;
  }

  async close(): Promise<void> {
    await this.#handle.close();
  }
}
