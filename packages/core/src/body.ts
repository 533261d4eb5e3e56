/** Largest response body phonebridge reads (10 MiB); a larger one is never buffered whole. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/**
 * Reads a response body as text, refusing (and cancelling) one over `limit` bytes. A declared
 * Content-Length within the limit takes the fast path of `Response.text()`.
 */
export async function readBodyCapped(response: Response, limit: number = MAX_BODY_BYTES): Promise<string> {
  const declared = response.headers.get("content-length");
  if (declared !== null) {
    const length = Number(declared);
    if (length > limit) {
      await response.body?.cancel().catch(() => {});
      throw new BodyTooLargeError(`body of ${length} bytes is over the ${limit}-byte limit`);
    }
    if (Number.isFinite(length)) return response.text();
  }
  const body = response.body;
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(`body is over the ${limit}-byte limit`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
