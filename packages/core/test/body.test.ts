import { describe, expect, it } from "vitest";
import { readBodyCapped } from "../src/body.js";

/** A response whose body arrives in the given chunks, with no Content-Length (chunked). */
function streamed(chunks: Uint8Array[], onCancel?: () => void): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel: onCancel,
  });
  return new Response(body);
}

describe("readBodyCapped", () => {
  it("reads a body within the limit, declared or streamed, multi-byte characters split across chunks", async () => {
    expect(await readBodyCapped(new Response("hello", { headers: { "content-length": "5" } }), 5)).toBe("hello");
    const euro = new TextEncoder().encode("€"); // 3 bytes, split over two chunks
    expect(await readBodyCapped(streamed([euro.slice(0, 1), euro.slice(1)]), 3)).toBe("€");
    expect(await readBodyCapped(new Response(null))).toBe("");
  });

  it("refuses a body declared over the limit without reading it", async () => {
    let cancelled = false;
    const response = streamed([new Uint8Array(4)], () => {
      cancelled = true;
    });
    const declared = new Response(response.body, { headers: { "content-length": "11" } });
    expect(await readBodyCapped(declared, 10)).toBeUndefined();
    expect(cancelled).toBe(true);
  });

  it("stops a streamed body as soon as it passes the limit, and cancels the rest", async () => {
    let cancelled = false;
    const chunks = [new Uint8Array(6), new Uint8Array(6), new Uint8Array(6)];
    expect(
      await readBodyCapped(
        streamed(chunks, () => {
          cancelled = true;
        }),
        10,
      ),
    ).toBeUndefined();
    expect(cancelled).toBe(true);
  });

  it("reads a streamed body of exactly the limit", async () => {
    expect(await readBodyCapped(streamed([new TextEncoder().encode("0123456789")]), 10)).toBe("0123456789");
  });

  it("does not trust the Content-Length of an encoded body: it counts what decodes", async () => {
    // fetch hands over the decoded bytes; Content-Length is the compressed size.
    const bomb = () => streamed([new Uint8Array(6), new Uint8Array(6)]);
    const encoded = new Response(bomb().body, { headers: { "content-length": "3", "content-encoding": "gzip" } });
    expect(await readBodyCapped(encoded, 10)).toBeUndefined();
    const identity = new Response("hello", { headers: { "content-length": "5", "content-encoding": "identity" } });
    expect(await readBodyCapped(identity, 5)).toBe("hello");
  });

  it("rejects when the body cannot be read to its end", async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError("terminated"));
      },
    });
    await expect(readBodyCapped(new Response(failing))).rejects.toThrow("terminated");
  });
});
