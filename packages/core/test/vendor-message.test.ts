import { describe, expect, it } from "vitest";
import { httpDateMs, retryAfterMsOf, vendorMessageOf } from "../src/vendor-message.js";

describe("vendorMessageOf", () => {
  it("reads each vendor's error shape", () => {
    expect(vendorMessageOf({ status: "error", message: "Cannot find requested asset" }, "")).toBe(
      "Cannot find requested asset",
    );
    expect(vendorMessageOf({ error: "not_found", message: "No such number" }, "")).toBe("No such number");
    expect(
      vendorMessageOf({ detail: [{ loc: ["body", "friendly_name"], msg: "must be a string", type: "x" }] }, ""),
    ).toBe("body.friendly_name: must be a string");
    expect(vendorMessageOf({ title: "Bad", detail: "agent missing" }, "")).toBe("agent missing");
    expect(vendorMessageOf(undefined, "Service Unavailable")).toBe("Service Unavailable");
  });

  it("says nothing for an empty body or an HTML page", () => {
    expect(vendorMessageOf(undefined, "")).toBeUndefined();
    expect(vendorMessageOf(undefined, "<html><body>502</body></html>")).toBeUndefined();
    expect(vendorMessageOf({ unrelated: 1 }, "{}")).toBeUndefined();
  });

  it("clips a long message", () => {
    expect(vendorMessageOf({ message: "x".repeat(2000) }, "")?.length).toBe(501);
  });
});

describe("retryAfterMsOf", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  const headers = (init: Record<string, string>) => new Headers(init);

  it("prefers retry-after-ms", () => {
    expect(retryAfterMsOf(headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
  });

  it("reads seconds and HTTP dates, a past date being 0", () => {
    expect(retryAfterMsOf(headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(retryAfterMsOf(headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMsOf(headers({ "retry-after": "Wed, 31 Dec 2025 00:00:00 GMT" }), now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    expect(retryAfterMsOf(headers({}), now)).toBeUndefined();
    expect(retryAfterMsOf(headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(retryAfterMsOf(headers({ "retry-after-ms": "-1" }), now)).toBeUndefined();
  });

  it("reads the three forms of an HTTP-date, in UTC, the two-digit year of RFC 850 as RFC 9110 says", () => {
    const at = Date.parse("2026-01-01T00:00:07Z");
    for (const date of [
      "Thu, 01 Jan 2026 00:00:07 GMT",
      "Thursday, 01-Jan-26 00:00:07 GMT",
      "Thu Jan  1 00:00:07 2026",
    ]) {
      expect(httpDateMs(date, now), date).toBe(at);
      expect(retryAfterMsOf(headers({ "retry-after": date }), now), date).toBe(7000);
    }
    // "99" is 2099, more than 50 years ahead of 2026: it means 1999, a past date.
    expect(httpDateMs("Friday, 31-Dec-99 23:59:59 GMT", now)).toBe(Date.parse("1999-12-31T23:59:59Z"));
    expect(httpDateMs("Thursday, 31-Dec-76 00:00:00 GMT", now)).toBe(Date.parse("2076-12-31T00:00:00Z"));
  });

  // Each of these once went to Date.parse, which read it as a date long past: no wait at all.
  const NOT_A_WAIT = [
    "-5",
    "+5",
    "5,",
    "5, 6",
    "1e3",
    "0x10",
    "5s",
    ".5",
    "5.",
    "Infinity",
    "NaN",
    "2026-01-01T00:00:05Z",
    "Thu, 01 Jan 2026 00:00:05",
    "thu, 01 jan 2026 00:00:05 gmt",
    "Thu, 1 Jan 2026 00:00:05 GMT",
    "Thu, 01 Jan 2026 00:00:05 UTC",
    "Thu, 01 Jan 2026 00:00:05 GMT+1",
    "Thu, 31 Feb 2026 00:00:05 GMT",
    "Thu, 01 Jan 2026 24:00:05 GMT",
    "Thu, 01 Jan 2026 00:61:05 GMT",
    "Fri, 01 Jan 2026 00:00:05 GMT",
    "Thursday, 01-Jan-26 00:00:05 UTC",
    "Thuday, 01-Jan-26 00:00:05 GMT",
    "Thursday, 01-Jan-2026 00:00:05 GMT",
    "Thu Jan 1 00:00:05 2026",
    "Thu Jan  1 00:00:05 2026 GMT",
    "1/1/2026",
  ];

  it.each(NOT_A_WAIT)("ignores Retry-After %j (not delta-seconds, not an HTTP-date)", (value) => {
    expect(retryAfterMsOf(headers({ "retry-after": value }), now)).toBeUndefined();
  });

  it.each(["-5", "+5", "5,", "1e3", "0x10", "Infinity", "5ms", "1_000"])(
    "ignores retry-after-ms %j and falls back to Retry-After",
    (value) => {
      expect(retryAfterMsOf(headers({ "retry-after-ms": value }), now)).toBeUndefined();
      expect(retryAfterMsOf(headers({ "retry-after-ms": value, "retry-after": "2" }), now)).toBe(2000);
    },
  );

  it("takes digits with a fraction in both headers", () => {
    expect(retryAfterMsOf(headers({ "retry-after": "0.25" }), now)).toBe(250);
    expect(retryAfterMsOf(headers({ "retry-after-ms": "1500.5" }), now)).toBe(1500.5);
    expect(retryAfterMsOf(headers({ "retry-after-ms": "0" }), now)).toBe(0);
    // A bare year is delta-seconds by RFC 9110's grammar: 2,024 s, not a date (and not ignored).
    expect(retryAfterMsOf(headers({ "retry-after": "2024" }), now)).toBe(2_024_000);
  });
});
