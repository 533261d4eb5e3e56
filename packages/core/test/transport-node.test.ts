/**
 * The Node transport (packages/core/src/transport-node.ts) on a loopback server: what it sends,
 * what it hands back, and how it ends an attempt. The wire-fault tests
 * (transports.test.ts) hold it to the codes Node's fetch gives.
 */
import { getEventListeners } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../src/body.js";
import { defaultSend } from "../src/default-send-node.js";
import type { Attempt } from "../src/transport.js";
import { nodeSend } from "../src/transport-node.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function serve(handler: (seen: Seen, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const one = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(one);
      handler(one, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stop = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const attempt = (over: Partial<Attempt> = {}): Attempt => ({
  method: "GET",
  headers: { accept: "application/json" },
  body: undefined,
  timeoutMs: 5000,
  signal: undefined,
  ...over,
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error & { cause?: Error & { code?: string } },
  );

describe("nodeSend", () => {
  it("sends the method, the headers and the body with its length in bytes, as given", async () => {
    const s = await serve((_seen, res) => {
      res.writeHead(201, { "content-type": "application/json", "x-multi": ["a", "b"], "X-Case": "1" });
      res.end('{"ok":true}');
    });
    const answer = await nodeSend(
      `${s.url}/p/+1%2F?q=1`,
      attempt({ method: "PATCH", headers: { authorization: "Bearer k" }, body: '{"é":1}' }),
    );
    expect(answer.status).toBe(201);
    expect(answer.text).toBe('{"ok":true}');
    expect(answer.headers.get("X-MULTI")).toBe("a, b");
    const listed: string[] = [];
    answer.headers.forEach((value, name) => {
      listed.push(`${name}=${value}`);
    });
    expect(listed).toEqual(expect.arrayContaining(["x-case=1", "x-multi=a, b", "content-type=application/json"]));
    expect(listed).toEqual([...listed].sort());
    const [one] = s.seen;
    expect(one).toMatchObject({ method: "PATCH", url: "/p/+1%2F?q=1", body: '{"é":1}' });
    expect(one?.headers.authorization).toBe("Bearer k");
    expect(one?.headers["content-length"]).toBe(String(Buffer.byteLength('{"é":1}')));
  });

  it("asks for no compression, and sends no body and no length on a GET", async () => {
    const s = await serve((_seen, res) => res.end("{}"));
    await nodeSend(`${s.url}/g`, attempt());
    expect(s.seen[0]?.headers["accept-encoding"]).toBeUndefined();
    expect(s.seen[0]?.headers["content-length"]).toBeUndefined();
    expect(s.seen[0]?.body).toBe("");
  });

  it("drops a leading byte order mark, as Response.text() does, and gives a 204 an empty body", async () => {
    const s = await serve((seen, res) => {
      if (seen.url === "/bom") res.end(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
      else {
        res.writeHead(204);
        res.end();
      }
    });
    expect((await nodeSend(`${s.url}/bom`, attempt())).text).toBe("{}");
    expect(await nodeSend(`${s.url}/none`, attempt())).toMatchObject({ status: 204, text: "" });
  });

  it("rejects a 301, 302, 303, 307 and 308 as fetch does under redirect: error, and hands over a 300 or 304", async () => {
    const s = await serve((seen, res) => {
      res.writeHead(Number(seen.url.slice(1)), { location: "http://127.0.0.1:9/elsewhere" });
      res.end("{}");
    });
    for (const status of [301, 302, 303, 307, 308]) {
      const error = await rejection(nodeSend(`${s.url}/${status}`, attempt()));
      expect(error).toBeInstanceOf(TypeError);
      expect(error?.cause?.message).toBe("unexpected redirect");
    }
    for (const status of [300, 304]) expect((await nodeSend(`${s.url}/${status}`, attempt())).status).toBe(status);
    expect(s.seen.map((one) => one.url)).not.toContain("/elsewhere");
  });

  it("a refused connection rejects as fetch does: a TypeError whose cause has the system code", async () => {
    const s = await serve(() => undefined);
    await stop?.();
    stop = undefined;
    const error = await rejection(nodeSend(`${s.url}/x`, attempt()));
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toBe("fetch failed");
    expect(error?.cause?.code).toBe("ECONNREFUSED");
  });

  it("times out with a TimeoutError, before the head and while the body comes", async () => {
    const s = await serve((seen, res) => {
      if (seen.url === "/body") {
        res.writeHead(200, { "content-length": "10" });
        res.write("{");
      }
    });
    for (const path of ["/head", "/body"]) {
      const error = await rejection(nodeSend(`${s.url}${path}`, attempt({ timeoutMs: 30 })));
      expect(error?.name).toBe("TimeoutError");
    }
  });

  it("an abort rejects with the signal's reason, before or during the attempt, and sends nothing when early", async () => {
    const s = await serve(() => undefined);
    const early = new AbortController();
    early.abort(new Error("early"));
    await expect(nodeSend(`${s.url}/x`, attempt({ signal: early.signal }))).rejects.toThrow("early");
    expect(s.seen).toHaveLength(0);
    const late = new AbortController();
    const pending = nodeSend(`${s.url}/y`, attempt({ signal: late.signal }));
    setTimeout(() => late.abort(new Error("late")), 20);
    await expect(pending).rejects.toThrow("late");
  });

  it("stops reading past 10 MiB, declared or streamed, and gives no text", async () => {
    const s = await serve((seen, res) => {
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      res.writeHead(200, seen.url === "/declared" ? { "content-length": String(12 * chunk.length) } : {});
      for (let i = 0; i < 12; i++) res.write(chunk);
      res.end();
    });
    for (const path of ["/declared", "/streamed"]) {
      expect(await nodeSend(`${s.url}${path}`, attempt())).toMatchObject({ status: 200, text: undefined });
    }
    expect(MAX_BODY_BYTES).toBeLessThan(12 * 1024 * 1024);
  });

  it("a header node:http refuses rejects as fetch does, and its timer does not fire later", async () => {
    const s = await serve((_seen, res) => res.end("{}"));
    const error = await rejection(nodeSend(`${s.url}/x`, attempt({ headers: { "x-bad": "a\nb" }, timeoutMs: 20 })));
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.cause?.code).toBe("ERR_INVALID_CHAR");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(s.seen).toHaveLength(0);
  });

  it("a server that closes with each answer (no Connection: close): every request reaches it", async () => {
    let received = 0;
    const server = createNetServer((socket) => {
      socket.on("error", () => {});
      socket.on("data", () => {
        received++;
        if (socket.writable) socket.end("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    stop = () => new Promise((resolve) => server.close(() => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const outcomes: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(
        await nodeSend(url, attempt({ method: "PATCH", body: "{}" })).then(
          (a) => a.status,
          (e: Error) => e.cause,
        ),
      );
    }
    expect(outcomes).toEqual([200, 200, 200]);
    expect(received).toBe(3);
  });

  it("a polluted Object.prototype neither redirects the request nor adds to it (SECURITY.md)", async () => {
    // Each answer closes its connection, so each request opens a new one, from its own options.
    const s = await serve((_seen, res) => {
      res.writeHead(200, { connection: "close" });
      res.end("{}");
    });
    const polluted: [string, unknown][] = [
      ["socketPath", "/nonexistent.sock"],
      ["hostname", "10.255.255.1"],
      ["host", "10.255.255.1"],
      ["port", "1"],
      ["path", "/elsewhere"],
      ["auth", "user:pass"],
      ["headers", { "x-polluted": "1" }],
      [
        "lookup",
        (_host: string, _options: unknown, done: (e: null, a: string, f: number) => void) =>
          done(null, "10.255.255.1", 4),
      ],
    ];
    const prototype = Object.prototype as Record<string, unknown>;
    for (const [name, value] of polluted) {
      prototype[name] = value;
      try {
        expect(await nodeSend(`${s.url}/x`, attempt({ timeoutMs: 2000 }))).toMatchObject({ status: 200 });
      } finally {
        delete prototype[name];
      }
    }
    expect(s.seen.map((one) => one.url)).toEqual(polluted.map(() => "/x"));
    for (const one of s.seen) {
      expect(one.headers["x-polluted"]).toBeUndefined();
      expect(one.headers.authorization).toBeUndefined();
    }
  });

  it("refuses a URL that is not http or https, without sending", async () => {
    const error = await rejection(nodeSend("ftp://127.0.0.1/x", attempt()));
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.cause?.message).toBe("only http: and https: URLs are sent");
  });
});

describe("nodeSend on the wire, as Node's fetch reads it", () => {
  /** A raw TCP server that answers every request with `reply`, then does `then` with the connection. */
  async function raw(reply: Buffer | string, then: "end" | "destroy" | "stay" = "end"): Promise<string> {
    const server = createNetServer((socket) => {
      socket.on("error", () => {});
      socket.once("data", () => {
        socket.write(reply);
        if (then === "end") socket.end();
        else if (then === "destroy") setTimeout(() => socket.destroy(), 10);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    stop = () => {
      return new Promise((resolve) => server.close(() => resolve()));
    };
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  }
  const head = (status: string, headers: Record<string, string | number>) =>
    `HTTP/1.1 ${status}\r\n${Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("")}\r\n`;
  const whole = (body: Buffer, headers: Record<string, string | number> = {}) =>
    Buffer.concat([Buffer.from(head("200 OK", { "content-length": body.length, ...headers })), body]);

  it("an unasked 100 Continue or 101 fails as undici fails them (UND_ERR_SOCKET)", async () => {
    const cont = await raw(`HTTP/1.1 100 Continue\r\n\r\n${head("200 OK", { "content-length": 2 })}{}`);
    expect((await rejection(nodeSend(cont, attempt())))?.cause).toMatchObject({
      code: "UND_ERR_SOCKET",
      message: "bad response",
    });
    await stop?.();
    const upgrade = await raw(head("101 Switching Protocols", { upgrade: "websocket", connection: "upgrade" }), "stay");
    expect((await rejection(nodeSend(upgrade, attempt())))?.cause).toMatchObject({
      code: "UND_ERR_SOCKET",
      message: "bad upgrade",
    });
  });

  it("a connection closed mid-body fails with ECONNRESET, what Node's fetch names it", async () => {
    const url = await raw(`${head("200 OK", { "content-length": 10 })}{`, "destroy");
    const error = await rejection(nodeSend(url, attempt()));
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.cause?.code).toBe("ECONNRESET");
  });

  it("decodes the codings in reverse order, not at all when one is unknown, and allows five", async () => {
    const brThenGzip = zlib.gzipSync(zlib.brotliCompressSync('{"a":1}'));
    expect((await nodeSend(await raw(whole(brThenGzip, { "content-encoding": "br, gzip" })), attempt())).text).toBe(
      '{"a":1}',
    );
    await stop?.();
    const gz = zlib.gzipSync("{}");
    const unknown = await nodeSend(await raw(whole(gz, { "content-encoding": "gzip, compress" })), attempt());
    expect(unknown.text).toBe(gz.toString("utf8"));
    await stop?.();
    const five = await nodeSend(
      await raw(whole(Buffer.from("{}"), { "content-encoding": "a, b, c, d, e" })),
      attempt(),
    );
    expect(five.text).toBe("{}");
    await stop?.();
    const six = await rejection(
      nodeSend(await raw(whole(Buffer.from("{}"), { "content-encoding": "a, b, c, d, e, f" })), attempt()),
    );
    expect(six?.cause?.message).toBe("too many content-encodings in response: 6");
    await stop?.();
    expect((await nodeSend(await raw(whole(Buffer.alloc(0), { "content-encoding": "gzip" })), attempt())).text).toBe(
      "",
    );
  });

  it("reads a body of exactly 10 MiB, declared or streamed", async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES, 0x20);
    const s = await serve((seen, res) => {
      res.writeHead(200, seen.url === "/declared" ? { "content-length": String(body.length) } : {});
      res.end(body);
    });
    for (const path of ["/declared", "/streamed"]) {
      expect((await nodeSend(`${s.url}${path}`, attempt())).text).toHaveLength(MAX_BODY_BYTES);
    }
  });

  it("takes its listener off the caller's signal when the attempt ends", async () => {
    const s = await serve((_seen, res) => res.end("{}"));
    const signal = new AbortController().signal;
    await nodeSend(`${s.url}/x`, attempt({ signal }));
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });
});

describe("the transport of a client in Node", () => {
  it("is node:http given no fetch, unless the global fetch was replaced: then that fetch sends", async () => {
    expect(defaultSend(globalThis.fetch)).toBe(nodeSend);
    const original = globalThis.fetch;
    const calls: string[] = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      calls.push(String(input));
      return new Response("{}", { status: 200 });
    }) as typeof fetch;
    try {
      const send = defaultSend(globalThis.fetch);
      expect(send).not.toBe(nodeSend);
      expect(await send("http://127.0.0.1:9/x", attempt())).toMatchObject({ status: 200, text: "{}" });
      expect(calls).toEqual(["http://127.0.0.1:9/x"]);
    } finally {
      globalThis.fetch = original;
    }
  });

  it("is the fetch given, even when it is Node's own", () => {
    expect(defaultSend(globalThis.fetch, globalThis.fetch)).not.toBe(nodeSend);
  });
});
