/**
 * A local HTTP server (127.0.0.1, port 0) that answers each request with the next scripted fault:
 * every failure a vendor or the network between can produce (issue 14). `faults` builds the
 * common replies; `script()` queues them.
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

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
  | { stream: number; status?: number };

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
