/** A local HTTP server (127.0.0.1, port 0) that answers each request with the next scripted fault. */
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
  /** 200 with a body streamed without Content-Length, `bytes` long. */
  | { stream: number };

export interface Received {
  method: string;
  target: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FaultServer {
  url: string;
  received: Received[];
  /** Queues replies; once used up, the last one repeats. */
  script(...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let replies: Reply[] = [];
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ method: req.method ?? "", target: req.url ?? "", headers: req.headers, body });
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
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = (): void => {
          while (sent < reply.stream) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once("drain", pump);
              return;
            }
          }
          res.end();
        };
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
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
