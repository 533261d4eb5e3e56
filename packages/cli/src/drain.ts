import { once } from "node:events";

/**
 * Resolves when `stream` has room again. Output to a pipe is asynchronous: whoever writes a line
 * per row waits here for a slow reader, so that lines never pile up in memory.
 */
export async function drained(stream: NodeJS.WritableStream & { writableNeedDrain?: boolean }): Promise<void> {
  if (stream.writableNeedDrain) await once(stream, "drain");
}
