import { describe, expect, it } from "vitest";
import { retryAfterMsOf, vendorMessageOf } from "../src/vendor-message.js";

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
});
