/**
 * readBodyCapped's two paths (docs/CONTRACT.md#errors): a declared length within the limit on an
 * unencoded body takes `Response.text()`; an encoded one is streamed and counted, its declared
 * length (the compressed one) never refusing it alone.
 */
import { describe, expect, it, vi } from "vitest";
import { readBodyCapped } from "../src/body.js";

/** A response whose headers say what a server said, whatever its body is. */
function answer(body: string, headers: Record<string, string>): Response {
  const response = new Response(body);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

describe("readBodyCapped", () => {
  it.each([["identity"], [" Identity "], [null]])(
    "takes text() for a declared length within the limit, encoding %j",
    async (encoding) => {
      const response = answer("hello", {
        "content-length": "5",
        ...(encoding ? { "content-encoding": encoding } : {}),
      });
      const text = vi.spyOn(response, "text");
      expect(await readBodyCapped(response, 5)).toBe("hello");
      expect(text).toHaveBeenCalledOnce();
    },
  );

  it("streams an encoded body, whose declared length at the limit is still read", async () => {
    const response = answer("hello", { "content-length": "5", "content-encoding": "gzip" });
    const text = vi.spyOn(response, "text");
    expect(await readBodyCapped(response, 5)).toBe("hello");
    expect(text).not.toHaveBeenCalled();
  });

  it("streams a body without a declared length", async () => {
    const response = new Response(new Blob(["hello"]).stream());
    const text = vi.spyOn(response, "text");
    expect(await readBodyCapped(response, 5)).toBe("hello");
    expect(text).not.toHaveBeenCalled();
  });
});
