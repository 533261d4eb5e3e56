import { Readable } from "node:stream";

/**
 * Calls `each` on the items of `source`, up to `concurrency` at once, and yields what it returns
 * in the source's order: a result that comes before an earlier item's waits for it
 * (docs/CONTRACT.md#cli-phonebridge, `plan`). Node's `Readable.map` does the ordering, and keeps
 * at most `2 × concurrency − 1` items started and not yet passed on (its default
 * `highWaterMark`): behind a slow item, the later ones wait in that window, whatever the length
 * of the source.
 */
export function inOrder<T, R>(
  source: AsyncIterable<T>,
  each: (item: T) => Promise<R>,
  concurrency: number,
): AsyncIterable<R> {
  // One argument only: `map` passes its own options (a signal) as the second.
  return Readable.from(source).map((item: T) => each(item), { concurrency });
}
