import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request exactly as it reached the proxy: the request-target is not decoded or normalized. */
export interface RecordedRequest {
  readonly method: string;
  /** The raw request-target, e.g. `/update-phone-number/+14157774444`. */
  readonly target: string;
  /** Header names in lower case, as Node parses them. */
  readonly headers: IncomingHttpHeaders;
  /** The body as text; `""` when there was none. */
  readonly body: string;
  /** Status the upstream mock answered with. */
  status?: number;
}

export interface RecordingProxy {
  /** Base URL to give a client instead of the mock's: a bare origin on 127.0.0.1. */
  readonly url: string;
  /** Every request seen so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The newest request; throws when there was none. */
  last(): RecordedRequest;
  /** Forgets the requests seen so far. */
  clear(): void;
  stop(): Promise<void>;
}

/**
 * Starts an HTTP proxy on 127.0.0.1 that records every request (method, raw request-target,
 * headers, body) and forwards it to `target` (a mock's base URL), so a test can assert exactly
 * what went on the wire, and that the mock accepted it.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  if (upstream.protocol !== "http:") throw new TypeError(`startRecordingProxy: target must be http, got ${target}`);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: incoming.method ?? "",
        target: incoming.url ?? "",
        headers: incoming.headers,
        body: body.toString("utf8"),
      };
      requests.push(recorded);
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, host: upstream.host },
        },
        (answer) => {
          recorded.status = answer.statusCode;
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on("error", (error) => {
        outgoing.writeHead(502, { "content-type": "text/plain" });
        outgoing.end(`recording proxy: upstream failed: ${error.message}`);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    last() {
      const newest = requests.at(-1);
      if (!newest) throw new Error("recording proxy: no request was received");
      return newest;
    },
    clear() {
      requests.length = 0;
    },
    stop() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
