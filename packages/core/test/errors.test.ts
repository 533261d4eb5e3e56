import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { PhoneBridgeError, providerTitle } from "../src/errors.js";
import { codeForStatus } from "../src/retry-policy.js";

describe("PhoneBridgeError", () => {
  it("names the vendor in its message and serializes every field but the stack", () => {
    const error = new PhoneBridgeError({
      code: "validation",
      provider: "verbex",
      detail: "HTTP 422: bad",
      status: 422,
      vendorMessage: "bad",
      body: { error: "bad" },
    });
    expect(error.message).toBe("Verbex: HTTP 422: bad");
    expect(error.attempts).toBe(0);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PhoneBridgeError",
      code: "validation",
      provider: "verbex",
      message: "Verbex: HTTP 422: bad",
      status: 422,
      vendorMessage: "bad",
      attempts: 0,
      body: { error: "bad" },
    });
    expect(JSON.stringify(error)).not.toContain("errors.test");
    expect(inspect(error)).toContain("code: 'validation'");
  });

  it("keeps the attempts it is given", () => {
    expect(new PhoneBridgeError({ code: "server", provider: "cald", detail: "x", attempts: 3 }).attempts).toBe(3);
  });
});

describe("providerTitle", () => {
  it("writes each vendor's name as its documents do", () => {
    expect(["cald", "cartesia", "retell", "verbex", "vogent"].map((p) => providerTitle(p as never))).toEqual([
      "Cald",
      "Cartesia",
      "Retell",
      "Verbex",
      "Vogent",
    ]);
  });
});

describe("codeForStatus", () => {
  it("maps statuses as the contract's error table says", () => {
    const table: [number, string][] = [
      [401, "unauthorized"],
      [403, "unauthorized"],
      [404, "not_found"],
      [408, "timeout"],
      [409, "server"],
      [400, "validation"],
      [422, "validation"],
      [429, "rate_limited"],
      [500, "server"],
      [503, "server"],
      [302, "invalid_response"],
      [101, "invalid_response"],
    ];
    for (const [status, code] of table) expect([status, codeForStatus(status)]).toEqual([status, code]);
  });
});
