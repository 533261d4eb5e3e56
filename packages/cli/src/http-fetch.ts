import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import { MAX_BODY_BYTES } from "@phonebridge/core";

/** Statuses whose response has no body (the Fetch standard's null body statuses). */
const NULL_BODY = new Set([101, 204, 205, 304]);
/** The redirect statuses of the Fetch standard: under `redirect: "error"`, a network error. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** More content codings than this: an error, as Node's fetch has it. */
const MAX_CODINGS = 5;

/** A body read whole. */
type Body = Buffer<ArrayBuffer>;

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      out[name] = value;
    });
    return out;
  }
  if (Array.isArray(headers)) {
    for (const [name, value] of headers) out[name as string] = value as string;
    return out;
  }
  return { ...(headers as Record<string, string>) };
}

function networkError(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

/** The error Node's fetch (undici) gives for a response it refuses, so that both report it alike. */
function socketError(message: string): Error {
  return Object.assign(new Error(message), { code: "UND_ERR_SOCKET" });
}

/**
 * A decoder for one content coding, as Node's fetch decodes it: gzip and x-gzip, deflate (zlib
 * or raw, told by the first byte), br; flushing what it has at the end, so a truncated body
 * yields what decodes rather than an error. Undefined for a coding it does not know.
 */
function decoderFor(coding: string, data: Buffer): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
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

/** `data` decoded by `decoder`, stopped just past the facade's 10 MiB limit (a small gzip can decode to any size). */
function decodeCapped(decoder: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress, data: Buffer): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    decoder.on("data", (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > MAX_BODY_BYTES) {
        decoder.destroy();
        resolve(Buffer.concat(chunks));
      }
    });
    decoder.on("end", () => resolve(Buffer.concat(chunks)));
    decoder.on("error", reject);
    decoder.end(data);
  });
}

/**
 * The body as Node's fetch would hand it over: decoded by each coding of Content-Encoding (the
 * last applied first); not decoded at all when one of them is unknown; an error for more than
 * five codings or data that does not decode.
 */
async function decodedBody(header: string | undefined, data: Body): Promise<Body> {
  if (header === undefined || data.length === 0) return data;
  const codings = header.toLowerCase().split(",");
  if (codings.length > MAX_CODINGS) throw new Error(`too many content-encodings in response: ${codings.length}`);
  const decoders = [];
  for (const coding of codings.reverse()) decoders.push(coding.trim());
  if (decoders.some((coding) => decoderFor(coding, data) === undefined)) return data;
  let out = data;
  for (const coding of decoders) out = await decodeCapped(decoderFor(coding, out) as zlib.Gunzip, out);
  return out;
}

/** A Response with any status: the Response constructor refuses one past 599, which fetch hands over as it is. */
function responseOf(status: number, content: Body | null, headers: Headers): Response {
  if (status <= 599) return new Response(content, { status, headers });
  const response = new Response(content, { status: 200, headers });
  return Object.defineProperties(response, { status: { value: status }, ok: { value: false } });
}

/**
 * A `fetch` for the facade on top of node:http and node:https with keep-alive agents: the same
 * contract as the global `fetch` for what the facade sends (a string body, headers, a method,
 * an abort signal, no redirects followed: under `redirect: "error"` a 301, 302, 303, 307 or 308
 * fails the request as Node's fetch fails it) at about half the CPU per request, which is what
 * bounds `apply` at high concurrency. The body is read whole, capped just above the facade's
 * 10 MiB limit so the facade still sees (and reports) an over-large body. Rejections are those
 * of `fetch`: the signal's reason when aborted, else a `TypeError` whose `cause` has the system
 * error code. A fault on the wire ends as it does with Node's fetch (docs/CONTRACT.md#errors,
 * packages/cli/test/http-fetch.test.ts): a response that arrived whole stands even if the
 * connection breaks after it, a compressed body is decoded as fetch decodes it, an unasked
 * 100 Continue or 101 Switching Protocols fails the request, a status past 599 is handed over.
 */
export function createHttpFetch(): typeof globalThis.fetch {
  const agents = {
    "http:": new http.Agent({ keepAlive: true }),
    "https:": new https.Agent({ keepAlive: true }),
  };
  const fetchImpl = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      if (input instanceof Request || (init.body != null && typeof init.body !== "string")) {
        reject(new TypeError("phonebridge's fetch takes a URL and a string body"));
        return;
      }
      const url = new URL(String(input));
      const protocol = url.protocol as "http:" | "https:";
      if (protocol !== "http:" && protocol !== "https:") {
        reject(networkError(new Error(`unsupported protocol ${url.protocol}`)));
        return;
      }
      const headers = headerRecord(init.headers);
      const body = init.body as string | null | undefined;
      if (typeof body === "string") headers["content-length"] = String(Buffer.byteLength(body));
      let settled = false;
      /** The response, once its status line is in; `complete` once its whole body is. */
      let current: http.IncomingMessage | undefined;
      const fail = (error: unknown) => {
        if (settled) return;
        // A response that arrived whole stands, whatever the connection does next (bytes past its
        // Content-Length, a reset): its "end" resolves it.
        if (current?.complete && !(error instanceof Error && error.name === "AbortError")) return;
        settled = true;
        reject(signal?.aborted ? signal.reason : networkError(error));
      };
      const method = init.method ?? "GET";
      const request = (protocol === "https:" ? https : http).request(
        url,
        { method, headers, agent: agents[protocol], signal },
        (response) => {
          const status = response.statusCode ?? 0;
          if (init.redirect === "error" && REDIRECTS.has(status)) {
            // Node's fetch gives this reason, and closes the connection: the body is never read.
            fail(new Error("unexpected redirect"));
            response.destroy();
            return;
          }
          current = response;
          const chunks: Buffer[] = [];
          let size = 0;
          let capped = false;
          const finish = async () => {
            if (settled) return;
            try {
              const responseHeaders = new Headers();
              const raw = response.rawHeaders;
              for (let i = 0; i + 1 < raw.length; i += 2)
                responseHeaders.append(raw[i] as string, raw[i + 1] as string);
              const content = NULL_BODY.has(status)
                ? null
                : method === "HEAD"
                  ? Buffer.concat(chunks)
                  : await decodedBody(responseHeaders.get("content-encoding") ?? undefined, Buffer.concat(chunks));
              const result = responseOf(status, content, responseHeaders);
              if (settled) return;
              settled = true;
              resolve(result);
            } catch (error) {
              current = undefined;
              fail(error);
            }
          };
          response.on("data", (chunk: Buffer) => {
            if (capped) return;
            size += chunk.length;
            chunks.push(chunk);
            if (size > MAX_BODY_BYTES) {
              capped = true;
              void finish();
              response.destroy();
            }
          });
          response.on("end", () => void finish());
          response.on("error", fail);
          response.on("close", () => {
            if (!response.complete && !capped)
              fail(Object.assign(new Error("the connection closed mid-response"), { code: "ECONNRESET" }));
          });
        },
      );
      // phonebridge never sends Expect: 100-continue nor asks to upgrade: Node's fetch refuses both answers.
      request.on("information", (info: http.InformationEvent) => {
        if (info.statusCode === 100) {
          fail(socketError("bad response"));
          request.destroy();
        }
      });
      request.on("upgrade", (_response, socket) => {
        socket.destroy();
        fail(socketError("bad upgrade"));
      });
      request.on("error", fail);
      request.end(body ?? undefined);
    });
  return fetchImpl as typeof globalThis.fetch;
}
