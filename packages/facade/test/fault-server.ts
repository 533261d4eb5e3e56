/**
 * A local HTTP server (127.0.0.1, port 0) that answers each request with the next scripted fault:
 * every failure a vendor or the network between can produce. `faults` builds the common replies;
 * `script()` queues them. A `raw` reply writes bytes straight to the TCP socket (a node:net
 * Socket), past the HTTP server: broken framing, cut bodies, resets at any byte.
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gzipSync } from "node:zlib";

/** One step of a raw reply: bytes to write, a wait in ms, or how the connection ends. */
export type RawStep = string | Buffer | number | "end" | "reset";

export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string | Buffer }
  /** Destroys the socket before any response. */
  | "reset"
  /** Sends the status line and part of the body, then destroys the socket. */
  | "reset-after-status"
  /** Never answers (until the server closes). */
  | "hang"
  /** Sends the status line and part of the body, then stalls. */
  | "stall-body"
  /** A body streamed without Content-Length, `bytes` long (status 200 unless given). */
  | { stream: number; status?: number }
  /** Bytes written to the socket as they are, then the connection ended or reset (never reused). */
  | { raw: RawStep[] };

const MiB = 1024 * 1024;

/** The head of a raw response: status line and headers, CRLF-terminated. */
function head(status: string, headers: Record<string, string | number>): string {
  return `HTTP/1.1 ${status}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;
}

/** Builders for the replies the fault tests use. */
export const faults = {
  /** 429 with `Retry-After` in seconds. */
  retryAfterSeconds: (seconds: number | string): Reply => ({
    status: 429,
    headers: { "retry-after": String(seconds) },
    body: JSON.stringify({ message: "slow down" }),
  }),
  /** 429 with `Retry-After` as an HTTP date. */
  retryAfterDate: (date: Date): Reply => ({
    status: 429,
    headers: { "retry-after": date.toUTCString() },
    body: JSON.stringify({ message: "slow down" }),
  }),
  /** 429 with `retry-after-ms`. */
  retryAfterMs: (ms: number | string): Reply => ({
    status: 429,
    headers: { "retry-after-ms": String(ms) },
    body: JSON.stringify({ message: "slow down" }),
  }),
  /** A status with a small JSON error body. */
  status: (status: number, body: unknown = { message: `status ${status}` }): Reply => ({
    status,
    body: typeof body === "string" ? body : JSON.stringify(body),
  }),
  /** An HTML error page, as a load balancer or CDN in front of the vendor sends it. */
  html: (status: number): Reply => ({
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head><body><h1>${status}</h1><p>nginx</p></body></html>\n`,
  }),
  /** A body that claims to be JSON and is cut short. */
  malformedJson: (status = 200): Reply => ({ status, body: '{"phone_number": "+1415' }),
  /** A 2xx with any JSON value. */
  json: (body: unknown, status = 200): Reply => ({ status, body: JSON.stringify(body) }),
  /** A body of `bytes` spaces streamed in 64 KiB chunks without Content-Length. */
  huge: (bytes: number, status = 200): Reply => ({ stream: bytes, status }),
  /** A body that declares a Content-Length of `bytes` and sends nothing. */
  declaredHuge: (bytes: number, status = 200): Reply => ({
    status,
    headers: { "content-length": String(bytes) },
    body: "",
  }),
  /** A redirect to `location`. */
  redirect: (location: string, status = 302): Reply => ({ status, headers: { location }, body: "" }),
  /** A body cut by a reset (RST) after `sent` of its declared bytes. */
  resetMidBody: (status: number, body = '{"message":"try later, the serv'): Reply => ({
    raw: [head(`${status} X`, { "content-type": "application/json", "content-length": 1000 }), body, 10, "reset"],
  }),
  /** A body the server ends (FIN) before its declared Content-Length. */
  shortBody: (status: number): Reply => ({
    raw: [head(`${status} X`, { "content-type": "application/json", "content-length": 100 }), '{"message":', "end"],
  }),
  /** A body longer than its Content-Length: the bytes past it are not part of the response. */
  longBody: (status: number, body: string): Reply => ({
    raw: [
      head(`${status} X`, { "content-type": "application/json", "content-length": body.length }),
      `${body}garbage`,
      10,
      "end",
    ],
  }),
  /** A chunked body cut inside a chunk. */
  chunkedCut: (status: number): Reply => ({
    raw: [
      head(`${status} X`, { "content-type": "application/json", "transfer-encoding": "chunked" }),
      '40\r\n{"message":',
      10,
      "end",
    ],
  }),
  /** A gzip'd body, whether the client asked for it or not. */
  gzip: (status: number, body: string): Reply => {
    const zipped = gzipSync(body);
    return {
      raw: [
        head(`${status} X`, {
          "content-type": "application/json",
          "content-encoding": "gzip",
          "content-length": zipped.length,
        }),
        zipped,
        "end",
      ],
    };
  },
  /** A gzip'd body that is not gzip. */
  corruptGzip: (status: number): Reply => ({
    raw: [head(`${status} X`, { "content-encoding": "gzip", "content-length": 8 }), "not gzip", "end"],
  }),
  /** A status line with any status (600, say), and a small JSON body. */
  rawStatus: (line: string, body = "{}"): Reply => ({
    raw: [head(line, { "content-type": "application/json", "content-length": body.length }), body, "end"],
  }),
  /** An interim response (100 Continue, 103 Early Hints) before `then`. */
  interim: (line: string, then: string, body = "{}"): Reply => ({
    raw: [
      `HTTP/1.1 ${line}\r\n\r\n`,
      head(then, { "content-type": "application/json", "content-length": body.length }),
      body,
      "end",
    ],
  }),
  /** Something that is not HTTP at all. */
  garbage: (): Reply => ({ raw: ["HELLO THERE\r\n\r\n", "end"] }),
  /** A JSON body of more than 10 MiB once decoded, gzip'd to a few kB with a small Content-Length. */
  gzipBomb: (fields: Record<string, unknown>): Reply => {
    const body = JSON.stringify({ ...fields, padding: " ".repeat(11 * MiB) });
    const zipped = gzipSync(body);
    return {
      raw: [
        head("200 OK", {
          "content-type": "application/json",
          "content-encoding": "gzip",
          "content-length": zipped.length,
        }),
        zipped,
        "end",
      ],
    };
  },
} as const;

export interface Received {
  method: string;
  target: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FaultServer {
  url: string;
  received: Received[];
  /** Queues replies; once used up, the last one repeats. Forgets the requests received so far. */
  script(...replies: Reply[]): void;
  /** Resolves once `count` requests (since the last `script()`) have arrived in full. */
  requests(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Writes `steps` to the socket, past the HTTP server. */
async function playRaw(socket: Socket, steps: readonly RawStep[]): Promise<void> {
  for (const step of steps) {
    if (socket.destroyed) return;
    if (step === "reset") {
      socket.resetAndDestroy();
      return;
    }
    if (step === "end") {
      socket.end();
      return;
    }
    if (typeof step === "number") await new Promise((resolve) => setTimeout(resolve, step));
    else socket.write(step);
  }
}

export async function startFaultServer(): Promise<FaultServer> {
  let replies: Reply[] = [];
  const received: Received[] = [];
  let waiters: Array<{ count: number; resolve: () => void }> = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ method: req.method ?? "", target: req.url ?? "", headers: req.headers, body });
      waiters = waiters.filter((waiter) => {
        if (received.length < waiter.count) return true;
        waiter.resolve();
        return false;
      });
      const reply = (replies.length > 1 ? replies.shift() : replies[0]) ?? { status: 200, body: "{}" };
      if (reply === "hang") return;
      if (typeof reply === "object" && "raw" in reply) {
        void playRaw(req.socket, reply.raw);
        return;
      }
      if (reply === "stall-body") {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        res.write('{"phone_number":');
        return;
      }
      if (reply === "reset") {
        req.socket.destroy();
        return;
      }
      if (reply === "reset-after-status") {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        res.write('{"phone_number":');
        setTimeout(() => req.socket.destroy(), 5);
        return;
      }
      if ("stream" in reply) {
        res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = (): void => {
          while (sent < reply.stream) {
            if (res.destroyed) return;
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once("drain", pump);
              return;
            }
          }
          res.end();
        };
        res.on("close", () => {
          sent = reply.stream;
        });
        pump();
        return;
      }
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body ?? "");
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script(...next) {
      replies = next;
      received.length = 0;
    },
    requests(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
