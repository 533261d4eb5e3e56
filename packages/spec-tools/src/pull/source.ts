// Reads what a vendor publishes: a page or document from an http(s) URL or a file path.
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { errorMessage } from "../json.js";

/** A pull refused: nothing is written, the message says why. */
export class PullRefused extends Error {
  override name = "PullRefused";
}

const MAX_BYTES = 20 * 1024 * 1024;

export interface Source {
  text: string;
  where: string;
  contentType: string;
}

export interface ReadOptions {
  fetchImpl?: typeof fetch | undefined;
  cwd?: string | undefined;
  timeoutMs?: number;
}

function causeOf(error: unknown): { code?: unknown; message?: unknown } {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === "object" && cause !== null ? (cause as { code?: unknown; message?: unknown }) : {};
}

export async function readSource(from: string, options: ReadOptions = {}): Promise<Source> {
  const { fetchImpl = globalThis.fetch, cwd = process.cwd(), timeoutMs = 30_000 } = options;
  if (/^https?:\/\//i.test(from)) {
    let response: Response | undefined;
    for (let attempt = 1; !response; attempt += 1) {
      try {
        response = await fetchImpl(from, {
          redirect: "follow",
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            accept: "text/markdown, application/yaml, application/json, text/plain, text/html;q=0.9, */*;q=0.5",
          },
        });
      } catch (error) {
        const cause = causeOf(error);
        // One more try on a dropped connection; then give up.
        if (attempt < 2 && /ECONNRESET|socket|other side closed/i.test(`${cause.code} ${cause.message}`)) continue;
        throw new PullRefused(`could not fetch ${from}: ${cause.message ?? errorMessage(error)}`);
      }
    }
    if (!response.ok) throw new PullRefused(`could not fetch ${from}: HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_BYTES) throw new PullRefused(`${from} is larger than ${MAX_BYTES} bytes`);
    return { text, where: from, contentType: response.headers.get("content-type") ?? "" };
  }
  const path = isAbsolute(from) ? from : resolve(cwd, from.replace(/^file:\/\//, ""));
  if (!existsSync(path)) throw new PullRefused(`no such file: ${path}`);
  return { text: readFileSync(path, "utf8"), where: path, contentType: "" };
}
