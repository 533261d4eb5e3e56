/**
 * The same fault on the wire gives the same code whichever transport sends the request
 * (docs/CONTRACT.md#errors): Node's global `fetch`, given as the `fetch` option, and the node:http
 * transport a client uses in Node when given none (src/transport-node.ts). Each request goes
 * through the pipeline with the facade's reading of a 2xx: a JSON object, else `invalid_response`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, createServer as createNetServer, type Socket } from "node:net";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { PhoneBridgeError } from "../src/errors.js";
import { createPipeline } from "../src/pipeline.js";
import type { VendorDescriptor } from "../src/vendor.js";

const descriptor: VendorDescriptor = {
  provider: "cald",
  envPrefix: "PBWIRE",
  defaultBaseUrl: undefined,
  auth: { header: "Authorization", scheme: "raw", declared: true },
  headers: {},
  update: { method: "PATCH", path: "/phonenumbers/{id}", param: "id" },
  secrets: { request: [], response: [] },
};

/** The facade's reading of a 2xx body: a JSON object (docs/CONTRACT.md#facade-result). */
const anObject = (data: unknown) =>
  typeof data === "object" && data !== null && !Array.isArray(data) ? data : "is not a JSON object";

/** An update of `pn_1` through a client with these options, the way the facade sends one. */
function update(options: Parameters<typeof createPipeline>[1]): Promise<unknown> {
  const send = createPipeline(descriptor, { apiKey: "k_wire_1", ...options }).operation("PATCH", "/phonenumbers/{id}");
  return send(["pn_1"], { agent_id: "a" }, undefined, anObject);
}

/** How each transport is chosen: the global fetch given as an option, or no fetch at all. */
const TRANSPORTS = [
  ["global", { fetch: globalThis.fetch }],
  ["node", {}],
] as const;

/** A loopback HTTP server that answers with `handler` and remembers the URLs asked for. */
async function localServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; requests: { url: string | undefined }[]; close: () => Promise<void> }> {
  const requests: { url: string | undefined }[] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url });
    req.resume();
    req.on("end", () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** One step of a raw reply: bytes, a wait in ms, or how the connection ends ("stay" keeps it open). */
type Step = string | Buffer | number | "end" | "reset" | "stay";

/** A raw HTTP/1.1 response head. */
const head = (status: string, headers: Record<string, string | number> = {}): string =>
  `HTTP/1.1 ${status}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;
/** A whole response with a Content-Length, then the connection closed. */
const whole = (status: string, body: string | Buffer, headers: Record<string, string | number> = {}): Step[] => [
  head(status, { "content-type": "application/json", "content-length": body.length, ...headers }),
  body,
  20,
  "end",
];
const gz = (text: string) => zlib.gzipSync(text);

interface WireFault {
  name: string;
  steps: Step[];
  /** The code the facade gives, the same for both fetches; or each fetch's, where they cannot agree. */
  code: string | { global: string; node: string; why: string };
}

const WIRE_FAULTS: WireFault[] = [
  {
    name: "a reset in the middle of a 5xx body",
    steps: [head("503 X", { "content-length": 100 }), '{"mess', 20, "reset"],
    code: "connection",
  },
  {
    name: "a 5xx body ended (FIN) short of its Content-Length",
    steps: [head("500 X", { "content-length": 100 }), '{"mess', "end"],
    code: "connection",
  },
  {
    name: "a 5xx body longer than its Content-Length",
    steps: [head("500 X", { "content-length": 2 }), '{}{"message":"more"}', 20, "end"],
    code: "server",
  },
  {
    name: "a 200 body longer than its Content-Length",
    steps: [head("200 OK", { "content-length": 2 }), "{}garbage", 20, "end"],
    code: "ok",
  },
  {
    name: "a 5xx chunked body cut inside a chunk",
    steps: [head("502 X", { "transfer-encoding": "chunked" }), '40\r\n{"m', 20, "end"],
    code: "connection",
  },
  {
    name: "a 5xx chunked body cut inside a chunk, with connection: close",
    steps: [head("502 X", { "transfer-encoding": "chunked", connection: "close" }), '40\r\n{"m', 20, "end"],
    code: {
      global: "server",
      node: "connection",
      why: "Node's fetch (undici 6) takes the close as the end of a chunked body; RFC 9112 §7.1 calls it incomplete",
    },
  },
  {
    name: "a 200 chunked body cut inside a chunk",
    steps: [head("200 OK", { "transfer-encoding": "chunked" }), "40\r\n{", 20, "end"],
    code: "connection",
  },
  {
    name: "a 5xx chunked body with a bad chunk size",
    steps: [head("500 X", { "transfer-encoding": "chunked" }), "zz\r\n{}\r\n0\r\n\r\n", 20, "end"],
    code: "connection",
  },
  {
    name: "a 5xx chunked body with trailers",
    steps: [head("500 X", { "transfer-encoding": "chunked" }), "2\r\n{}\r\n0\r\nx-t: 1\r\n\r\n", 20, "end"],
    code: "server",
  },
  {
    name: "a reset right after a 5xx head",
    steps: [head("500 X", { "content-length": 10 }), 20, "reset"],
    code: "connection",
  },
  {
    name: "a 200 head, then FIN before the body",
    steps: [head("200 OK", { "content-length": 10 }), "end"],
    code: "connection",
  },
  { name: "a reset before the status line", steps: ["reset"], code: "connection" },
  { name: "a FIN before the status line", steps: ["end"], code: "connection" },
  { name: "half a status line, then FIN", steps: ["HTTP/1.1 50", "end"], code: "connection" },
  { name: "a garbage status line", steps: ["HELLO THERE\r\n\r\n", "end"], code: "connection" },
  { name: "a two-digit status", steps: ["HTTP/1.1 50 X\r\ncontent-length: 2\r\n\r\n{}", "end"], code: "connection" },
  { name: "status 099", steps: whole("099 X", "{}"), code: "connection" },
  { name: "status 600", steps: whole("600 Beyond", "{}"), code: "invalid_response" },
  {
    name: "HTTP/1.0, a 5xx body delimited by the close",
    steps: ["HTTP/1.0 500 X\r\n\r\n", '{"message":"x"}', "end"],
    code: "server",
  },
  { name: "HTTP/1.2", steps: ["HTTP/1.2 200 OK\r\ncontent-length: 2\r\n\r\n{}", "end"], code: "connection" },
  {
    name: "an unasked 100 Continue, then 200",
    steps: ["HTTP/1.1 100 Continue\r\n\r\n", ...whole("200 OK", "{}")],
    code: "connection",
  },
  {
    name: "103 Early Hints, then 500",
    steps: ["HTTP/1.1 103 Early Hints\r\nlink: </x>\r\n\r\n", ...whole("500 X", "{}")],
    code: "server",
  },
  {
    name: "101 Switching Protocols",
    steps: [head("101 Switching Protocols", { upgrade: "websocket", connection: "upgrade" }), 20, "end"],
    code: "connection",
  },
  { name: "a 302 with a body", steps: whole("302 Found", "{}", { location: "/elsewhere" }), code: "invalid_response" },
  { name: "a 304 with a body", steps: whole("304 Not Modified", "{}"), code: "invalid_response" },
  { name: "a 204 with a body", steps: whole("204 No Content", "{}"), code: "invalid_response" },
  { name: "an empty 200", steps: whole("200 OK", ""), code: "invalid_response" },
  { name: "a 200 gzip'd, unasked", steps: whole("200 OK", gz("{}"), { "content-encoding": "gzip" }), code: "ok" },
  {
    name: "a 500 gzip'd",
    steps: whole("500 X", gz('{"message":"z"}'), { "content-encoding": "gzip" }),
    code: "server",
  },
  { name: "a 200 x-gzip, upper case", steps: whole("200 OK", gz("{}"), { "content-encoding": "X-GZIP" }), code: "ok" },
  {
    name: "a 200 gzip'd twice",
    steps: whole("200 OK", zlib.gzipSync(gz("{}")), { "content-encoding": "gzip, gzip" }),
    code: "ok",
  },
  {
    name: "a 200 deflate (zlib)",
    steps: whole("200 OK", zlib.deflateSync("{}"), { "content-encoding": "deflate" }),
    code: "ok",
  },
  {
    name: "a 200 deflate (raw)",
    steps: whole("200 OK", zlib.deflateRawSync("{}"), { "content-encoding": "deflate" }),
    code: "ok",
  },
  { name: "a 200 br", steps: whole("200 OK", zlib.brotliCompressSync("{}"), { "content-encoding": "br" }), code: "ok" },
  {
    name: "a 200 in a coding no one knows",
    steps: whole("200 OK", "{}", { "content-encoding": "compress" }),
    code: "ok",
  },
  {
    name: "a 200 in six codings",
    steps: whole("200 OK", "{}", { "content-encoding": "identity,identity,identity,identity,identity,identity" }),
    code: "connection",
  },
  {
    name: "a 500 whose gzip is not gzip",
    steps: whole("500 X", "not gzip", { "content-encoding": "gzip" }),
    code: "connection",
  },
  {
    name: "a 200 whose gzip is cut short",
    steps: whole("200 OK", gz("{}").subarray(0, 10), { "content-encoding": "gzip" }),
    code: "invalid_response",
  },
  {
    name: "a 200 of a few kB that gunzips past 10 MiB",
    steps: whole("200 OK", gz(JSON.stringify({ padding: " ".repeat(11 * 1024 * 1024) })), {
      "content-encoding": "gzip",
    }),
    code: "invalid_response",
  },
  {
    name: "a 200 whose gzip is followed by garbage, then FIN",
    steps: whole("200 OK", Buffer.concat([gz("{}"), Buffer.from("junk")]), { "content-encoding": "gzip" }),
    code: "connection",
  },
  {
    name: "a 200 whose gzip is followed by garbage, the connection kept open",
    steps: [
      head("200 OK", { "content-encoding": "gzip", "content-length": gz("{}").length + 4 }),
      Buffer.concat([gz("{}"), Buffer.from("junk")]),
      "stay",
    ],
    code: "connection",
  },
  {
    name: "a Content-Length that is not a number",
    steps: ["HTTP/1.1 200 OK\r\ncontent-length: abc\r\n\r\n{}", 20, "end"],
    code: "connection",
  },
  {
    name: "two Content-Lengths",
    steps: ["HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}x", 20, "end"],
    code: "connection",
  },
  {
    name: "Content-Length and chunked",
    steps: [head("200 OK", { "transfer-encoding": "chunked", "content-length": 2 }), "2\r\n{}\r\n0\r\n\r\n", 20, "end"],
    code: "connection",
  },
  {
    name: "a header line without a colon",
    steps: ["HTTP/1.1 200 OK\r\nbad header\r\ncontent-length: 2\r\n\r\n{}", "end"],
    code: "connection",
  },
  { name: "lines ended by LF alone", steps: ["HTTP/1.1 200 OK\ncontent-length: 2\n\n{}", "end"], code: "connection" },
  {
    name: "20 kB of headers",
    steps: [head("200 OK", { "x-big": "a".repeat(20_000), "content-length": 2 }), "{}", "end"],
    code: "connection",
  },
  {
    name: "a header folded onto the next line (obs-fold)",
    steps: ["HTTP/1.1 200 OK\r\nx-a: 1\r\n  2\r\ncontent-length: 2\r\n\r\n{}", "end"],
    code: { global: "ok", node: "connection", why: "node:http refuses obs-fold; undici accepts it" },
  },
  {
    name: "a head, then a body that stalls",
    steps: [head("200 OK", { "content-length": 10 }), "{", "stay"],
    code: "timeout",
  },
];

/**
 * A raw TCP server (node:net) that answers every request with `steps`, byte for byte. One per
 * case and fetch: a connection one case closes is never reused by the next.
 */
async function wireServer(steps: readonly Step[]): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const play = async (socket: Socket): Promise<void> => {
    for (const step of steps) {
      if (socket.destroyed || step === "stay") return;
      if (step === "reset") return void socket.resetAndDestroy();
      if (step === "end") return void socket.end();
      if (typeof step === "number") await new Promise((resolve) => setTimeout(resolve, step));
      else socket.write(step);
    }
  };
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let received = Buffer.alloc(0);
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(received.subarray(0, end).toString("latin1"))?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      received = Buffer.alloc(0);
      void play(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("a fault on the wire gives the same code through both transports", () => {
  it.each(WIRE_FAULTS.flatMap((fault) => TRANSPORTS.map(([name, given]) => ({ fault, name, given }))))(
    "$fault.name ($name)",
    async ({ fault, name, given }) => {
      const server = await wireServer(fault.steps);
      try {
        const outcome = await update({ baseUrl: server.url, ...given, maxRetries: 0, timeoutMs: 1500 }).then(
          () => "ok",
          (error: unknown) =>
            error instanceof PhoneBridgeError ? error.code : `not a PhoneBridgeError: ${String(error)}`,
        );
        expect(outcome).toBe(typeof fault.code === "string" ? fault.code : fault.code[name]);
      } finally {
        await server.close();
      }
    },
  );
});

describe('redirects under redirect: "error" (docs/CONTRACT.md#errors)', () => {
  it.each(TRANSPORTS)(
    "every 3xx through the pipeline and the %s transport: invalid_response, no status, the same message",
    async (_name, given) => {
      const s = await localServer((req, res) => {
        res.writeHead(Number(req.url?.split("/")[1]), { location: "http://127.0.0.1:9/steal" });
        res.end();
      });
      try {
        const messages = new Set<string>();
        for (const status of [300, 301, 302, 303, 304, 307, 308]) {
          const error = (await update({ baseUrl: `${s.url}/${status}`, ...given, maxRetries: 2 }).catch(
            (e: unknown) => e,
          )) as PhoneBridgeError;
          expect(error).toMatchObject({ code: "invalid_response", attempts: 1 });
          expect(error.status).toBeUndefined();
          messages.add(error.message);
        }
        expect([...messages]).toEqual([
          "Cald: a redirect, which is never followed (the key goes to no other host): check baseUrl",
        ]);
        expect(s.requests.every((r) => !r.url?.includes("steal"))).toBe(true);
      } finally {
        await s.close();
      }
    },
  );
});
