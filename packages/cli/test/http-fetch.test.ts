// The CLI's node:http `fetch` must behave like the global one for everything the facade relies on.
import { MAX_BODY_BYTES } from "@phonebridge/core";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpFetch } from "../src/http-fetch.js";
import { localServer } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const fetchImpl = createHttpFetch();

describe("createHttpFetch", () => {
  it("sends method, headers and body as given, and returns status, headers and body", async () => {
    const s = await localServer((_req, res) => {
      res.writeHead(201, { "content-type": "application/json", "x-multi": ["a", "b"] });
      res.end('{"ok":true}');
    });
    close = s.close;
    const response = await fetchImpl(`${s.url}/p/+1%2F?q=1`, {
      method: "PATCH",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: '{"é":1}',
      redirect: "manual",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-multi")).toBe("a, b");
    expect(await response.json()).toEqual({ ok: true });
    const seen = s.requests[0];
    expect(seen?.method).toBe("PATCH");
    expect(seen?.url).toBe("/p/+1%2F?q=1");
    expect(seen?.headers.authorization).toBe("Bearer k");
    expect(seen?.headers["content-length"]).toBe(String(Buffer.byteLength('{"é":1}')));
    expect(seen?.body).toEqual({ é: 1 });
  });

  it("does not follow redirects and gives 204 a null body", async () => {
    const s = await localServer((req, res) => {
      if (req.url === "/r") {
        res.writeHead(302, { location: "/elsewhere" });
        res.end();
      } else {
        res.writeHead(204);
        res.end();
      }
    });
    close = s.close;
    expect((await fetchImpl(`${s.url}/r`, { method: "PATCH", body: "{}" })).status).toBe(302);
    const empty = await fetchImpl(`${s.url}/e`, { method: "PATCH", body: "{}" });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(s.requests.map((r) => r.url)).toEqual(["/r", "/e"]);
  });

  it("refused and reset connections reject like fetch: TypeError with the system code as cause", async () => {
    const s = await localServer((_req, res) => {
      res.socket?.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{");
      setTimeout(() => res.socket?.destroy(), 5);
    });
    const url = s.url;
    const reset = await fetchImpl(`${url}/x`, { method: "PATCH", body: "{}" }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(reset).toBeInstanceOf(TypeError);
    await s.close();
    const refused = await fetchImpl(`${url}/x`, { method: "PATCH", body: "{}" }).then(
      () => undefined,
      (error: unknown) => error as TypeError & { cause: { code: string } },
    );
    expect(refused).toBeInstanceOf(TypeError);
    expect(refused?.cause.code).toBe("ECONNREFUSED");
  });

  it("an abort rejects with the signal's reason, before or during the request", async () => {
    const s = await localServer(() => undefined); // never answers
    close = s.close;
    const early = new AbortController();
    early.abort(new Error("early"));
    await expect(fetchImpl(`${s.url}/x`, { method: "PATCH", body: "{}", signal: early.signal })).rejects.toThrow(
      "early",
    );
    const late = new AbortController();
    const pending = fetchImpl(`${s.url}/x`, { method: "PATCH", body: "{}", signal: late.signal });
    setTimeout(() => late.abort(new Error("late")), 20);
    await expect(pending).rejects.toThrow("late");
  });

  it("stops reading a body just past the facade's 10 MiB limit", async () => {
    const s = await localServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 12; i++) res.write(chunk);
      res.end();
    });
    close = s.close;
    const response = await fetchImpl(`${s.url}/big`, { method: "PATCH", body: "{}" });
    const size = (await response.arrayBuffer()).byteLength;
    expect(size).toBeGreaterThan(MAX_BODY_BYTES);
    expect(size).toBeLessThan(12 * 1024 * 1024);
  });
});
