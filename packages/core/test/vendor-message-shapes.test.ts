/**
 * The vendor's words and the wait it asks for (docs/CONTRACT.md#errors,
 * docs/CONTRACT.md#retries-and-time): the shapes and header forms vendor-message.test.ts does not
 * cover, and the path serializer's parameters.
 */
import { describe, expect, it } from "vitest";
import { pathSerializer } from "../src/path.js";
import { createSecrets } from "../src/secrets.js";
import { httpDateMs, isRecord, retryAfterMsOf, vendorMessageOf } from "../src/vendor-message.js";

describe("vendorMessageOf", () => {
  it("FastAPI's issues: each with its location when it has one, joined by '; '", () => {
    const detail = [
      { loc: ["body", "label"], msg: "too long" },
      { loc: [], msg: "no location" },
      { loc: "body", msg: "location not a list" },
      { msg: 5 },
      "not an issue",
    ];
    expect(vendorMessageOf({ detail }, "")).toBe("body.label: too long; no location; location not a list;");
  });

  it("trims the message; skips blank ones for the next; an array body is no record", () => {
    expect(vendorMessageOf({ message: "  spaced  " }, "")).toBe("spaced");
    expect(vendorMessageOf({ message: "   ", title: " Bad Request " }, "")).toBe("Bad Request");
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(vendorMessageOf(["message"], '["message"]')).toBeUndefined();
  });

  it("plain text is the message unless it is markup, even after spaces", () => {
    expect(vendorMessageOf(undefined, "  upstream failed  ")).toBe("upstream failed");
    expect(vendorMessageOf(undefined, "  <html>bad gateway</html>")).toBeUndefined();
    expect(vendorMessageOf(undefined, "a < b")).toBe("a < b");
  });

  it("cuts a long message at 500 characters with the secrets replaced first", () => {
    const secrets = createSecrets([], ["secret_value_1"]);
    const text = `${"x".repeat(495)}secret_value_1 tail`;
    expect(vendorMessageOf(undefined, text, secrets)).toBe(`${"x".repeat(495)}[redacted]…`);
  });
});

describe("retryAfterMsOf and the obsolete HTTP-date forms", () => {
  const NOW = Date.UTC(2026, 0, 1);
  const headers = (init: Record<string, string>) => new Headers(init);

  it("retry-after-ms first, then Retry-After; an empty or unreadable one is nothing", () => {
    expect(retryAfterMsOf(headers({ "retry-after-ms": "250", "retry-after": "9" }), NOW)).toBe(250);
    expect(retryAfterMsOf(headers({ "retry-after": "2" }), NOW)).toBe(2000);
    expect(retryAfterMsOf(headers({}), NOW)).toBeUndefined();
    expect(retryAfterMsOf(headers({ "retry-after-ms": "soon" }), NOW)).toBeUndefined();
  });

  it("RFC 850 and asctime dates, whole: nothing before or after them", () => {
    const at = Date.UTC(2026, 0, 2, 8, 49, 37);
    expect(httpDateMs("Friday, 02-Jan-26 08:49:37 GMT", NOW)).toBe(at);
    expect(httpDateMs("Fri Jan  2 08:49:37 2026", NOW)).toBe(at);
    expect(httpDateMs("Fri Jan 02 08:49:37 2026", NOW)).toBe(at);
    for (const text of [
      "xFriday, 02-Jan-26 08:49:37 GMT",
      "Friday, 02-Jan-26 08:49:37 GMTx",
      "xFri Jan  2 08:49:37 2026",
      "Fri Jan  2 08:49:37 2026x",
      "Fri Jan x2 08:49:37 2026",
      "Fri Jan 0x 08:49:37 2026",
    ]) {
      expect(httpDateMs(text, NOW), text).toBeUndefined();
    }
  });
});

describe("pathSerializer", () => {
  it("leaves a parameter it is not given as its template, encodes the others", () => {
    expect(pathSerializer("/a/{id}/b/{other}", { id: "x y" })).toBe("/a/x%20y/b/{other}");
    expect(pathSerializer("/a/{id}", { id: null })).toBe("/a/{id}");
    expect(pathSerializer("/a/{id}", { id: 0 })).toBe("/a/0");
    expect(() => pathSerializer("/a/{id}", { id: ".." })).toThrow('path parameter "id" cannot be empty, "." or ".."');
  });
});
