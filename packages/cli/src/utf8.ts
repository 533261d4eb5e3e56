import { isUtf8 } from "node:buffer";

const EMPTY = Buffer.alloc(0);

/** Line feeds (0x0A) in `bytes`. */
export function lineFeeds(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) count += 1;
  return count;
}

/**
 * How many bytes at the end of `bytes` start a UTF-8 sequence that the next chunk may complete:
 * a lead byte within the last three bytes with fewer continuation bytes after it than it needs.
 */
function unfinishedTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}

/**
 * Where decoding `bytes` (known not to be UTF-8) first fails. Node's decoder replaces each invalid
 * sequence with U+FFFD; everything before the first one decoded exactly, so it re-encodes to the
 * same bytes. A U+FFFD the bytes really hold (EF BF BD) is passed over.
 */
function firstInvalid(bytes: Buffer): number {
  const text = bytes.toString("utf8");
  let char = 0;
  let byte = 0;
  for (;;) {
    const next = text.indexOf("\uFFFD", char);
    // Unreachable for bytes that are not UTF-8; the end is the safest answer.
    if (next < 0) return bytes.length;
    byte += Buffer.byteLength(text.slice(char, next));
    if (bytes[byte] !== 0xef || bytes[byte + 1] !== 0xbf || bytes[byte + 2] !== 0xbd) return byte;
    char = next + 1;
    byte += 3;
  }
}

/** The first byte of a stream that is not UTF-8: its offset and its 1-based line. */
export interface InvalidByte {
  byte: number;
  line: number;
}

/**
 * Checks a stream of bytes for UTF-8 chunk by chunk, keeping nothing but the few bytes of a
 * character split between two chunks (CONTRACT.md, CLI: input files are UTF-8).
 */
export class Utf8Scanner {
  /** Bytes checked so far (the unfinished tail excluded). */
  #checked = 0;
  #lineFeeds = 0;
  #tail: Buffer = EMPTY;
  #head: Buffer = EMPTY;
  #invalid: InvalidByte | undefined;

  /** The first invalid byte, once seen. */
  get invalid(): InvalidByte | undefined {
    return this.#invalid;
  }

  /** Line feeds in every byte pushed so far. */
  get lineFeeds(): number {
    return this.#lineFeeds;
  }

  /** True when the stream starts with a UTF-16 byte order mark. */
  get looksUtf16(): boolean {
    const [a, b] = this.#head;
    return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
  }

  push(chunk: Buffer): void {
    if (this.#head.length < 2) this.#head = Buffer.concat([this.#head, chunk.subarray(0, 2 - this.#head.length)]);
    this.#lineFeeds += lineFeeds(chunk);
    if (this.#invalid !== undefined) return;
    const bytes = this.#tail.length === 0 ? chunk : Buffer.concat([this.#tail, chunk]);
    const keep = unfinishedTail(bytes);
    this.#check(bytes.subarray(0, bytes.length - keep));
    // A copy: the chunk itself need not be kept for three bytes of it.
    this.#tail = keep === 0 ? EMPTY : Buffer.from(bytes.subarray(bytes.length - keep));
  }

  /** The stream ended: a character still unfinished is invalid. */
  end(): void {
    if (this.#invalid === undefined && this.#tail.length > 0) this.#check(this.#tail);
    this.#tail = EMPTY;
  }

  #check(bytes: Buffer): void {
    if (this.#invalid !== undefined || isUtf8(bytes)) {
      this.#checked += bytes.length;
      return;
    }
    const at = firstInvalid(bytes);
    // Every line feed pushed so far is in earlier chunks or in `bytes`: an unfinished tail holds
    // none (its bytes are all 0x80 or above). So those before `at` are all but those after it.
    this.#invalid = { byte: this.#checked + at, line: 1 + this.#lineFeeds - lineFeeds(bytes.subarray(at)) };
    this.#checked += bytes.length;
  }
}
