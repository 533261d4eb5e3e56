import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { isPhoneBridgeError, isProvider, PhoneBridgeError, providerTitle } from "../src/errors.js";
import { PROVIDERS } from "../src/generated/providers.js";
import { codeForStatus } from "../src/retry-policy.js";

/** The title specs/<provider>/vendor.yaml gives. */
function titleInSpecs(provider: string): string | undefined {
  const yaml = readFileSync(new URL(`../../../specs/${provider}/vendor.yaml`, import.meta.url), "utf8");
  return /^title: (.+)$/m.exec(yaml)?.[1]?.trim();
}

describe("PhoneBridgeError", () => {
  it("names the vendor in its message and serializes every field but the stack", () => {
    const provider = PROVIDERS[0];
    const title = providerTitle(provider);
    const error = new PhoneBridgeError({
      code: "validation",
      provider,
      detail: "HTTP 422: bad",
      status: 422,
      vendorMessage: "bad",
      body: { error: "bad" },
    });
    expect(error.message).toBe(`${title}: HTTP 422: bad`);
    expect(error.attempts).toBe(0);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PhoneBridgeError",
      code: "validation",
      provider,
      message: `${title}: HTTP 422: bad`,
      status: 422,
      vendorMessage: "bad",
      attempts: 0,
      body: { error: "bad" },
    });
    expect(JSON.stringify(error)).not.toContain("errors.test");
    expect(inspect(error)).toContain("code: 'validation'");
  });

  it("keeps the attempts it is given", () => {
    expect(new PhoneBridgeError({ code: "server", provider: PROVIDERS[0], detail: "x", attempts: 3 }).attempts).toBe(3);
  });
});

describe("providerTitle", () => {
  it.each(PROVIDERS)("writes %s's name as its vendor.yaml does", (provider) => {
    expect(providerTitle(provider)).toBe(titleInSpecs(provider));
    expect(isProvider(provider)).toBe(true);
  });

  it("shows a provider this copy does not know (from another copy's error) as it is", () => {
    expect(providerTitle("acme" as never)).toBe("acme");
    expect(isProvider("acme")).toBe(false);
    expect(isProvider("__proto__")).toBe(false);
  });
});

describe("an error from another installed copy of core", () => {
  it("is recognised by isPhoneBridgeError and instanceof (the Symbol.for brand)", async () => {
    // The same module under another URL: a second copy, with its own PhoneBridgeError class.
    const url = new URL("../src/errors.ts?second-copy", import.meta.url).href;
    const copy = (await import(/* @vite-ignore */ url)) as typeof import("../src/errors.js");
    expect(copy.PhoneBridgeError).not.toBe(PhoneBridgeError);
    const error = new copy.PhoneBridgeError({ code: "server", provider: PROVIDERS[0], detail: "x" });
    expect(isPhoneBridgeError(error)).toBe(true);
    expect(error instanceof PhoneBridgeError).toBe(true);
    expect(copy.isPhoneBridgeError(new PhoneBridgeError({ code: "server", provider: PROVIDERS[0], detail: "x" }))).toBe(
      true,
    );
  });

  it("is not confused with an error that only shares the name", () => {
    const lookalike = Object.assign(new Error("x"), { name: "PhoneBridgeError", code: "server" });
    expect(isPhoneBridgeError(lookalike)).toBe(false);
    expect(lookalike instanceof PhoneBridgeError).toBe(false);
    expect(isPhoneBridgeError(null)).toBe(false);
    expect(Object.keys(new PhoneBridgeError({ code: "server", provider: PROVIDERS[0], detail: "x" }))).not.toContain(
      "Symbol(@phonebridge/core:PhoneBridgeError)",
    );
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
