import { describe, expect, it } from "vitest";
import { holdsSecret, REDACTED, redact, scrub } from "../src/redact.js";

const secrets = new Set(["auth_password", "twilio_auth_token"]);

describe("redact", () => {
  it("replaces secret fields at any depth and leaves the input alone", () => {
    const input = { a: 1, auth_password: "hunter2", nested: [{ twilio_auth_token: "tok" }, "x"] };
    const out = redact(input, secrets);
    expect(out).toEqual({ a: 1, auth_password: REDACTED, nested: [{ twilio_auth_token: REDACTED }, "x"] });
    expect(input.auth_password).toBe("hunter2");
  });

  it("keeps a null secret field null: there is nothing to hide", () => {
    expect(redact({ auth_password: null }, secrets)).toEqual({ auth_password: null });
  });

  it("scrubs secret values inside strings", () => {
    expect(redact({ message: "bad key sk_live_123456" }, secrets, ["sk_live_123456"])).toEqual({
      message: `bad key ${REDACTED}`,
    });
    expect(scrub("abc", ["ab"])).toBe("abc");
  });
});

describe("holdsSecret", () => {
  it("finds a secret key anywhere", () => {
    expect(holdsSecret({ a: [{ b: { twilio_auth_token: 1 } }] }, secrets)).toBe(true);
    expect(holdsSecret({ a: [{ b: 1 }] }, secrets)).toBe(false);
    expect(holdsSecret({ a: 1 }, new Set())).toBe(false);
  });
});
