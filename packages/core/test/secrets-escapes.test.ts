/**
 * Secrets (docs/CONTRACT.md#secrets): the escapes secrets.test.ts's key does not hold (the JSON
 * short escapes, `<`, `>` and `'` in HTML), the credential headers, and the passthrough secret
 * values a call brings.
 */
import { describe, expect, it } from "vitest";
import { CREDENTIAL_HEADERS, createSecrets, REDACTED, scrub, secretValuesIn } from "../src/secrets.js";

describe("a secret echoed with escapes the key of secrets.test.ts has none of", () => {
  const WHITESPACE = "pw\b\f\n\r\t_0001";
  const MARKUP = "pw<'>_0002";
  it.each([
    ["the JSON short escapes", WHITESPACE, "said pw\\b\\f\\n\\r\\t_0001 twice: pw\\B\\F\\N\\R\\T_0001"],
    ["HTML &lt; &apos; &gt;", MARKUP, "said pw&lt;&apos;&gt;_0002 twice: pw&LT;&APOS;&GT;_0002"],
    ["\\x escapes", MARKUP, "said pw\\x3c\\x27\\x3e_0002 twice: pw\\x3C\\x27\\x3E_0002"],
  ])("%s", (_name, secret, text) => {
    expect(scrub(text, [secret])).toBe(`said ${REDACTED} twice: ${REDACTED}`);
  });

  it("an escape that decodes to nothing valid stays as written, the rest still searched", () => {
    const secret = "pw&_0003";
    expect(scrub("%ff pw&amp;_0003 \\u00zz", [secret])).toBe(`%ff ${REDACTED} \\u00zz`);
  });

  it("a secret at the very end, escaped, takes the end with it", () => {
    expect(scrub("x pw&lt;&apos;&gt;_0002", ["pw<'>_0002"])).toBe(`x ${REDACTED}`);
    expect(scrub("pw<'>_0002", ["pw<'>_0002"])).toBe(REDACTED);
  });
});

describe("CREDENTIAL_HEADERS", () => {
  it("names every header that can carry a credential", () => {
    expect([...CREDENTIAL_HEADERS].sort()).toEqual([
      "api-key",
      "authorization",
      "cookie",
      "proxy-authenticate",
      "proxy-authorization",
      "set-cookie",
      "www-authenticate",
      "x-api-key",
    ]);
  });
});

describe("secretValuesIn", () => {
  const fields = new Set(["auth_password", "sip_trunk_password"]);

  it("the strings under a secret field's name, at any depth, in arrays too", () => {
    expect(
      secretValuesIn(
        {
          auth_password: "top_1",
          other: "not_1",
          nested: { sip_trunk_password: "deep_1", list: [{ auth_password: "in_list_1" }, "plain"] },
        },
        fields,
      ),
    ).toEqual(["top_1", "deep_1", "in_list_1"]);
  });

  it("a secret field that holds no string is searched inside; anything else gives none", () => {
    expect(secretValuesIn({ auth_password: { sip_trunk_password: "inner_1" } }, fields)).toEqual(["inner_1"]);
    expect(secretValuesIn({ auth_password: 1234, sip_trunk_password: null }, fields)).toEqual([]);
    for (const value of [null, undefined, "auth_password", 5]) expect(secretValuesIn(value, fields)).toEqual([]);
  });
});

describe("a secret field whose value is null", () => {
  it("stays null: nothing to hide, and the vendor's answer keeps its shape", () => {
    const secrets = createSecrets(["auth_password"], []);
    expect(secrets.redact({ auth_password: null, list: [{ auth_password: "x" }] })).toEqual({
      auth_password: null,
      list: [{ auth_password: REDACTED }],
    });
  });
});
