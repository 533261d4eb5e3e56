/** Chunks of bytes, as a file stream gives them (or a list, in tests). */
export type Chunks = AsyncIterable<Buffer> | Iterable<Buffer>;

/**
 * The lines of a stream of bytes, split at every line feed (0x0A) and decoded as UTF-8 once
 * whole, so a character split between two chunks decodes right. Holds one line at a time: the
 * memory is the longest line's, never the stream's. A last line without a line feed is given
 * too; the line feed itself is not part of a line (a `\r` before it is).
 */
export async function* byteLines(chunks: Chunks): AsyncGenerator<string> {
  // The start of a line whose end is in a later chunk.
  let parts: Buffer[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, end);
      if (parts.length === 0) yield piece.toString("utf8");
      else {
        parts.push(piece);
        yield Buffer.concat(parts).toString("utf8");
        parts = [];
      }
      start = end + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length > 0) yield Buffer.concat(parts).toString("utf8");
}
