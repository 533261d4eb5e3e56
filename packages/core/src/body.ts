/** Largest response body phonebridge reads (10 MiB); a larger one is never buffered whole. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Reads a response body as text; undefined (and the body cancelled) when it is over `limit`
 * bytes, counted as `fetch` hands them over (decoded, when the server compressed them). A
 * declared Content-Length within the limit takes the fast path of `Response.text()`, unless the
 * body is encoded: then the length is the compressed one, and a small gzip can decode to any size.
 */
export async function readBodyCapped(response: Response, limit: number = MAX_BODY_BYTES): Promise<string | undefined> {
  // Number(null) is 0: an absent Content-Length must not look like an empty body.
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  const encoding = response.headers.get("content-encoding");
  if (declared <= limit && (encoding === null || encoding.trim().toLowerCase() === "identity")) return response.text();
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  while (reader) {
    if (declared > limit || received > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
