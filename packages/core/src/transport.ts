/**
 * How one attempt goes on the wire (docs/ARCHITECTURE.md#the-request-pipeline). The pipeline
 * decides what to send and reads what came back; a `Send` only carries the request and brings
 * back the status, the headers and the body, under the attempt's timeout and the caller's signal.
 * Two exist: `fetchSend` on any `fetch` (the caller's, or the global one outside Node) and
 * `nodeSend` on node:http, which `#default-send` picks in Node (transport-node.ts).
 */
import { readBodyCapped } from "./body.js";

/** The headers of an answer, as much of `Headers` as the pipeline reads. */
export interface HeaderReader {
  /** Every value sent under `name` (any case), joined with ", "; null when none was. */
  get(name: string): string | null;
  /** Each header once, its name in lower case, in name order. */
  forEach(callback: (value: string, name: string) => void): void;
}

/** What one attempt brought back. */
export interface Answer {
  readonly status: number;
  readonly headers: HeaderReader;
  /** The body as text, or undefined when it is over `MAX_BODY_BYTES` (it was not read whole). */
  readonly text: string | undefined;
}

/** One attempt: never follows a redirect (a 3xx of the Fetch standard's five rejects, as `fetch` does under `redirect: "error"`). */
export interface Attempt {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** Rejects with `TIMED_OUT` once this many milliseconds have passed, the body read included. */
  readonly timeoutMs: number;
  /** Aborting it ends the attempt at once (the rejection then does not matter: the caller checks the signal). */
  readonly signal: AbortSignal | undefined;
}

/**
 * Sends one attempt. Rejects as `fetch` rejects: with `TIMED_OUT` on timeout, otherwise an
 * error whose `cause` holds the system error code where there is one, or whose `cause.message`
 * is "unexpected redirect" for a refused redirect.
 */
export type Send = (url: string, attempt: Attempt) => Promise<Answer>;

/**
 * The reason an attempt timed out: the kind `AbortSignal.timeout` gives, so a caller's `fetch` may
 * give it too. One for every attempt: it holds nothing of any.
 */
export const TIMED_OUT = new DOMException("", "TimeoutError");

/**
 * Attempts through `fetch`, with `redirect: "error"`, one AbortController and one timer each:
 * the cheapest way a fetch can be cancelled (a shared signal piles up undici's listeners).
 */
export function fetchSend(fetchImpl: typeof globalThis.fetch): Send {
  return async (url, attempt) => {
    const { signal } = attempt;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), attempt.timeoutMs);
    const onAbort = signal && (() => controller.abort(signal.reason));
    if (onAbort) signal.addEventListener("abort", onAbort);
    try {
      // `timeoutMs` goes along: fetch ignores what it does not know.
      const response = await fetchImpl(url, { ...attempt, redirect: "error", signal: controller.signal });
      // A body that cannot be read (the connection reset after the status line) rejects here.
      return { status: response.status, headers: response.headers, text: await readBodyCapped(response) };
    } finally {
      clearTimeout(timer);
      if (onAbort) signal.removeEventListener("abort", onAbort);
    }
  };
}
