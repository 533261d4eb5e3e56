/**
 * Attempts on node:http and node:https (the global agents, which keep connections alive), for a
 * client given no `fetch` in Node (default-send-node.ts). Per request it costs about 0.6× the
 * CPU of Node's `fetch` (README.md#performance): no WHATWG streams, no `Request`, `Response` or
 * `Headers` objects, no signal plumbing unless the caller brings a signal. What the pipeline
 * sees is what `fetchSend` would give it from Node's fetch (docs/CONTRACT.md#errors): a 301,
 * 302, 303, 307 or 308 rejects with "unexpected redirect"; a body is decoded as fetch decodes it
 * and read up to `MAX_BODY_BYTES`; a response that arrived whole stands, whatever the connection
 * does next; an unasked 100 Continue or 101 Switching Protocols fails; a status past 599 is
 * handed over. The wire-fault tests (test/transports.test.ts) hold both transports to the same
 * codes.
 */
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import { MAX_BODY_BYTES } from "./body.js";
import { type Answer, type HeaderReader, type Send, TIMED_OUT } from "./transport.js";

/** Statuses whose response has no body (the Fetch standard's null body statuses). */
const NULL_BODY = new Set([101, 204, 205, 304]);
/** The redirect statuses of the Fetch standard: under `redirect: "error"`, a network error. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** More content codings than this: an error, as Node's fetch has it. */
const MAX_CODINGS = 5;

type Decoder = zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress;

/** How `fetch` fails a request: a TypeError whose cause says why. */
function networkError(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

/** The error Node's fetch (undici) gives for a response it refuses, so that both report it alike. */
function socketError(message: string): Error {
  return Object.assign(new Error(message), { code: "UND_ERR_SOCKET" });
}

/** The headers as received (`rawHeaders`: name, value, name, value…), read the way `Headers` reads them. */
function headerReader(raw: readonly string[]): HeaderReader {
  const get = (name: string): string | null => {
    const wanted = name.toLowerCase();
    let value: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if ((raw[i] as string).toLowerCase() === wanted)
        value = value === null ? (raw[i + 1] as string) : `${value}, ${raw[i + 1]}`;
    }
    return value;
  };
  return {
    get,
    forEach(callback) {
      const names = new Set<string>();
      for (let i = 0; i < raw.length; i += 2) names.add((raw[i] as string).toLowerCase());
      for (const name of [...names].sort()) callback(get(name) as string, name);
    },
  };
}

/**
 * A decoder for one content coding, as Node's fetch decodes it: gzip and x-gzip, deflate (zlib
 * or raw, told by the first byte), br; flushing what it has at the end, so a truncated body
 * yields what decodes rather than an error. Undefined for a coding it does not know.
 */
function decoderFor(coding: string, data: Buffer): Decoder | undefined {
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (coding === "gzip" || coding === "x-gzip") return zlib.createGunzip(flush);
  if (coding === "deflate") {
    return ((data[0] ?? 0) & 0x0f) === 0x08 ? zlib.createInflate(flush) : zlib.createInflateRaw(flush);
  }
  if (coding === "br") {
    const operation = zlib.constants.BROTLI_OPERATION_FLUSH;
    return zlib.createBrotliDecompress({ flush: operation, finishFlush: operation });
  }
  return undefined;
}

/** `data` decoded, or undefined as soon as the decoded bytes pass the limit (a small gzip can decode to any size). */
function decodeCapped(decoder: Decoder, data: Buffer): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    decoder.on("data", (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > MAX_BODY_BYTES) {
        decoder.destroy();
        resolve(undefined);
      }
    });
    decoder.on("end", () => resolve(Buffer.concat(chunks)));
    decoder.on("error", reject);
    decoder.end(data);
  });
}

/**
 * The body as Node's fetch hands it over: decoded by each coding of Content-Encoding (the last
 * applied first); not decoded at all when one of them is unknown; an error for more than five
 * codings or data that does not decode; undefined past the limit.
 */
async function decodedBody(header: string | null, data: Buffer): Promise<Buffer | undefined> {
  if (header === null || data.length === 0) return data;
  const codings = header.toLowerCase().split(",");
  if (codings.length > MAX_CODINGS) throw new Error(`too many content-encodings in response: ${codings.length}`);
  const order = codings.reverse().map((coding) => coding.trim());
  // As undici: one coding it does not know (identity included) and nothing is decoded.
  if (order.some((coding) => decoderFor(coding, data) === undefined)) return data;
  let out: Buffer | undefined = data;
  for (const coding of order) if (out !== undefined) out = await decodeCapped(decoderFor(coding, out) as Decoder, out);
  return out;
}

/** UTF-8 text as `Response.text()` gives it: a leading byte order mark dropped. */
function utf8(data: Buffer): string {
  const text = data.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Runs `callback` two turns of the event loop later, once the answer is in: a server that closes
 * the connection with its answer (no "Connection: close") has that close read in between, and
 * Node's agent drops the connection before the caller's next request could be given it (it would
 * fail there, though the server never saw it; Node's fetch, slower to hand over an answer, gives
 * the close the same time).
 */
function afterCloseIsRead(callback: () => void): void {
  setImmediate(setImmediate, callback);
}

export const nodeSend: Send = (url, { method, headers, body, timeoutMs, signal }) =>
  new Promise<Answer>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const secure = url.startsWith("https:");
    if (!secure && !url.startsWith("http:"))
      return reject(networkError(new Error("only http: and https: URLs are sent")));
    let settled = false;
    /** The response, once its status line is in: `complete` once its whole body is. */
    let current: http.IncomingMessage | undefined;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    };
    const fail = (error: unknown) => {
      if (settled) return;
      // A response that arrived whole stands, whatever the connection does next (bytes past its
      // Content-Length, a reset): its "end" resolves it.
      if (current?.complete) return;
      settle();
      reject(networkError(error));
    };
    const end = (reason: unknown) => {
      if (settled) return;
      settle();
      reject(reason);
      request?.destroy();
    };
    const timer = setTimeout(() => end(TIMED_OUT), timeoutMs);
    const onAbort = signal && (() => end(signal.reason));
    if (onAbort) signal?.addEventListener("abort", onAbort);
    let request: http.ClientRequest | undefined;
    let sent: http.ClientRequest;
    try {
      sent = (secure ? https : http).request(
        url,
        // Node sets Content-Length from the one chunk `end` is given.
        { method, headers },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status < 100) {
            // Node's fetch cannot make a Response of it (status 099): a network error.
            fail(new RangeError(`status ${status} is not an HTTP status`));
            response.destroy();
            return;
          }
          if (REDIRECTS.has(status)) {
            // Node's fetch gives this reason, and closes the connection: the body is never read.
            fail(new Error("unexpected redirect"));
            response.destroy();
            return;
          }
          current = response;
          const headers = headerReader(response.rawHeaders);
          // NaN without a Content-Length: never over the limit.
          const declared = Number(response.headers["content-length"]);
          const chunks: Buffer[] = [];
          let size = 0;
          const answer = (text: string | undefined) => {
            if (settled) return;
            settle();
            afterCloseIsRead(() => resolve({ status, headers, text }));
          };
          if (declared > MAX_BODY_BYTES) {
            answer(undefined);
            response.destroy();
            return;
          }
          response.on("data", (chunk: Buffer) => {
            size += chunk.length;
            chunks.push(chunk);
            if (size > MAX_BODY_BYTES) {
              answer(undefined);
              response.destroy();
            }
          });
          response.on("end", () => {
            if (settled) return;
            if (NULL_BODY.has(status)) return answer("");
            const encoding = headers.get("content-encoding");
            if (encoding === null)
              return answer(utf8(size === chunks[0]?.length ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
            decodedBody(encoding, Buffer.concat(chunks, size)).then(
              (data) => answer(data === undefined ? undefined : utf8(data)),
              (error: unknown) =>
                afterCloseIsRead(() => {
                  current = undefined;
                  fail(error);
                }),
            );
          });
          response.on("error", fail);
          response.on("close", () => {
            if (!response.complete)
              fail(Object.assign(new Error("the connection closed mid-response"), { code: "ECONNRESET" }));
          });
        },
      );
    } catch (error) {
      // A header Node refuses (ERR_INVALID_CHAR), for one: fetch refuses it with a TypeError too.
      settle();
      return reject(networkError(error));
    }
    request = sent;
    // phonebridge never sends Expect: 100-continue nor asks to upgrade: Node's fetch refuses both answers.
    sent.on("information", (info: http.InformationEvent) => {
      if (info.statusCode === 100) {
        fail(socketError("bad response"));
        sent.destroy();
      }
    });
    sent.on("upgrade", (_response, socket) => {
      socket.destroy();
      fail(socketError("bad upgrade"));
    });
    sent.on("error", fail);
    sent.end(body);
  });
