import http from "node:http";
import https from "node:https";
import { MAX_BODY_BYTES } from "@phonebridge/core";

/** Statuses whose response may not have a body (the Fetch standard's null body statuses). */
const NULL_BODY = new Set([204, 205, 304]);

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

/**
 * A `fetch` for the facade on top of node:http and node:https with keep-alive agents: the same
 * contract as the global `fetch` for what the facade sends (a string body, headers, a method,
 * an abort signal, no redirects followed) at about half the CPU per request, which is what
 * bounds `apply` at high concurrency. The body is read whole, capped just above the facade's
 * 10 MiB limit so the facade still sees (and reports) an over-large body. Rejections are those
 * of `fetch`: the signal's reason when aborted, else a `TypeError` whose `cause` has the system
 * error code.
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
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(signal?.aborted ? signal.reason : networkError(error));
      };
      const request = (protocol === "https:" ? https : http).request(
        url,
        { method: init.method ?? "GET", headers, agent: agents[protocol], signal },
        (response) => {
          const status = response.statusCode ?? 0;
          const chunks: Buffer[] = [];
          let size = 0;
          let capped = false;
          const finish = () => {
            if (settled) return;
            try {
              const responseHeaders = new Headers();
              const raw = response.rawHeaders;
              for (let i = 0; i + 1 < raw.length; i += 2)
                responseHeaders.append(raw[i] as string, raw[i + 1] as string);
              const content = NULL_BODY.has(status) ? null : Buffer.concat(chunks);
              const result = new Response(content, { status, headers: responseHeaders });
              settled = true;
              resolve(result);
            } catch (error) {
              fail(error);
            }
          };
          response.on("data", (chunk: Buffer) => {
            if (capped) return;
            size += chunk.length;
            chunks.push(chunk);
            if (size > MAX_BODY_BYTES) {
              capped = true;
              finish();
              response.destroy();
            }
          });
          response.on("end", finish);
          response.on("error", fail);
          response.on("close", () => {
            if (!response.complete && !capped)
              fail(Object.assign(new Error("the connection closed mid-response"), { code: "ECONNRESET" }));
          });
        },
      );
      request.on("error", fail);
      request.end(body ?? undefined);
    });
  return fetchImpl as typeof globalThis.fetch;
}
