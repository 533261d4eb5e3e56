import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createSecrets, MAX_QUOTED, NO_SECRETS, REDACTED, redact, scrub } from "../src/secrets.js";

const FIELDS = ["auth_password", "twilio_auth_token"];
/** A key with the characters vendors escape: `+`, `/`, `=`, `&`, `"` and a non-ASCII letter. */
const KEY = 'sk+live/KEY=&"é_0123';
const secrets = createSecrets(FIELDS, [KEY]);

/** The key written with each of its characters escaped in `form` (a JSON or URL encoder's output). */
function escapedKey(form: (char: string) => string): string {
  return [...KEY].map(form).join("");
}
const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, "0");
const FORMS: Array<[name: string, text: string]> = [
  ["JSON \\u escapes, upper-case hex", escapedKey((c) => `\\u${hex(c.charCodeAt(0), 4)}`)],
  ["JSON \\u escapes, lower-case hex", escapedKey((c) => `\\u${hex(c.charCodeAt(0), 4).toLowerCase()}`)],
  ["JSON.stringify's own escapes (\\\" and nothing else)", JSON.stringify(KEY).slice(1, -1)],
  ["\\/ for / and \\u002B for +", KEY.replace("/", "\\/").replace("+", "\\u002B")],
  ["URL percent-encoding (encodeURIComponent)", encodeURIComponent(KEY)],
  ["URL percent-encoding, lower-case hex", encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
  [
    "every byte percent-encoded",
    escapedKey((c) => [...new TextEncoder().encode(c)].map((b) => `%${hex(b, 2)}`).join("")),
  ],
  ["HTML decimal references", escapedKey((c) => `&#${c.codePointAt(0)};`)],
  ["HTML hex references without ;", escapedKey((c) => `&#x${hex(c.codePointAt(0) as number, 1)}`)],
  ["HTML named references (&amp; &quot;)", KEY.replace("&", "&amp;").replace('"', "&quot;")],
  ["\\x escapes (Python, JavaScript)", escapedKey((c) => `\\x${hex(c.charCodeAt(0), 2)}`)],
  ["one character escaped", KEY.replace("l", "\\u006c")],
];

describe("Secrets: fields and values", () => {
  it("replaces secret fields at any depth and leaves the input alone", () => {
    const input = { a: 1, auth_password: "hunter2", nested: [{ twilio_auth_token: "tok" }, "x"] };
    const out = secrets.redact(input);
    expect(out).toEqual({ a: 1, auth_password: REDACTED, nested: [{ twilio_auth_token: REDACTED }, "x"] });
    expect(input.auth_password).toBe("hunter2");
  });

  it("keeps a null secret field null: there is nothing to hide", () => {
    expect(secrets.redact({ auth_password: null })).toEqual({ auth_password: null });
  });

  it("returns the value itself when it holds nothing to redact (nothing copied)", () => {
    const clean = { a: [1, { b: "text" }], c: null };
    expect(secrets.redact(clean)).toBe(clean);
    expect(secrets.redactParsed(JSON.stringify(clean), clean)).toBe(clean);
  });

  it("scrubs secret values inside strings; values under 4 characters are not searched for", () => {
    expect(redact({ message: "bad key sk_live_123456" }, FIELDS, ["sk_live_123456"])).toEqual({
      message: `bad key ${REDACTED}`,
    });
    expect(scrub("abc", ["ab"])).toBe("abc");
  });

  it.each(FORMS)("finds the key escaped: %s", (_name, text) => {
    expect(text).not.toContain(KEY);
    expect(secrets.scrub(`key=${text} more`)).toBe(`key=${REDACTED} more`);
    expect(secrets.holds(text)).toBe(true);
    // Inside a JSON body, escaped once more: the parsed string still holds the escaped form.
    const body = JSON.stringify({ message: `echo ${text}`, [text]: 1 });
    expect(JSON.stringify(secrets.redactParsed(body, JSON.parse(body)))).not.toMatch(/0123/);
  });

  it("a JSON body that escapes the key (\\u002B, \\/) is redacted by value, not by its text", () => {
    const body = '{"label":"sk\\u002Blive\\/KEY=&\\"\\u00e9_0123","nested":[{"note":"x sk+live\\/KEY=&\\"é_0123"}]}';
    expect(body).not.toContain(KEY);
    expect(secrets.redactParsed(body, JSON.parse(body))).toEqual({
      label: REDACTED,
      nested: [{ note: `x ${REDACTED}` }],
    });
  });

  it("leaves text that only looks like an escape alone", () => {
    expect(secrets.scrub("100% & \\n fine")).toBe("100% & \\n fine");
    expect(secrets.scrub("sk%2Blive/KEY")).toBe("sk%2Blive/KEY");
  });

  it("replaces every character of overlapping secrets and of a secret overlapping itself", () => {
    const two = createSecrets([], ["abcdef", "defghi"]);
    expect(two.scrub("xabcdefghiy")).toBe(`x${REDACTED}y`);
    expect(createSecrets([], ["aaaa"]).scrub("aaaaaa")).toBe(REDACTED);
    // One secret inside another: the longer one is replaced whole.
    expect(createSecrets([], ["KEY_1234", "sk_KEY_1234_x"]).scrub("sk_KEY_1234_x")).toBe(REDACTED);
    // Touching occurrences stay two.
    expect(createSecrets([], ["abcd"]).scrub("abcdabcd")).toBe(`${REDACTED}${REDACTED}`);
  });
});

describe("Secrets: property names", () => {
  it("a secret used as a property name is redacted, at any depth, escaped or not", () => {
    const body = `{"${KEY.replace('"', '\\"')}":1,"a":{"prefix ${JSON.stringify(KEY).slice(1, -1)} suffix":[{"sk\\u002Blive/KEY=&\\"é_0123":2}]}}`;
    const out = secrets.redactParsed(body, JSON.parse(body));
    expect(out).toEqual({ [REDACTED]: 1, a: { [`prefix ${REDACTED} suffix`]: [{ [REDACTED]: 2 }] } });
  });

  it("two names that redact to the same name both stay: the later ones get a suffix, in order", () => {
    const out = secrets.redact({ [KEY]: 1, [`${KEY}`.replace("é", "\\u00e9")]: 2, [REDACTED]: 3, keep: 4 });
    // The vendor's own "[redacted]" keeps its name; the redacted names take the next free suffix.
    expect(out).toEqual({ [`${REDACTED} (2)`]: 1, [`${REDACTED} (3)`]: 2, [REDACTED]: 3, keep: 4 });
    expect(Object.keys(out as object)).toEqual([`${REDACTED} (2)`, `${REDACTED} (3)`, REDACTED, "keep"]);
  });

  it("a secret field whose name is written escaped is still that field; __proto__ stays an own property", () => {
    const body = '{"twilio\\u005fauth_token":"tok","__proto__":{"x":"sk+live/KEY=&\\"é_0123"}}';
    const out = secrets.redactParsed(body, JSON.parse(body)) as Record<string, unknown>;
    expect(out.twilio_auth_token).toBe(REDACTED);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ x: REDACTED });
  });
});

describe("Secrets: cuts", () => {
  const long = createSecrets([], ["PBSECRET_0123456789"]);
  const secret = "PBSECRET_0123456789";

  it("no part of a secret survives a cut, wherever the cut falls", () => {
    for (let before = 0; before <= 30; before++) {
      for (const max of [5, 10, 20, 25]) {
        const text = `${"x".repeat(before)}${secret}${"y".repeat(30)}`;
        const cut = long.clip(text, max);
        // No head of the secret of any length (down to one character) is left before the "…".
        for (let k = 1; k <= secret.length; k++) expect(cut).not.toContain(`${secret.slice(0, k)}…`);
        expect(cut).not.toContain(`${"PBSECRET".slice(0, Math.max(1, Math.min(8, max - before)))}_`);
        expect(cut.endsWith("…")).toBe(true);
      }
    }
  });

  it("a secret straddling the cut is replaced whole; one escaped too", () => {
    expect(long.clip(`abc ${secret} def`, 8)).toBe(`abc ${REDACTED}…`);
    const escaped = secret.replace("_", "\\u005F");
    expect(long.clip(`abc ${escaped} def`, 8)).toBe(`abc ${REDACTED}…`);
    expect(long.clip(`${"a".repeat(30)} ${secret}`, 10)).toBe(`${"a".repeat(10)}…`);
  });

  it("never cuts a character in half, and leaves a short text whole", () => {
    expect(NO_SECRETS.clip("ab📞cd", 3)).toBe("ab…");
    expect(NO_SECRETS.clip("abc", 3)).toBe("abc");
  });

  it("reads only a window of a huge text", () => {
    const huge = `${secret}${"z".repeat(10_000_000)}`;
    expect(long.clip(huge, 20)).toBe(`${REDACTED}${"z".repeat(1)}…`);
  });
});

describe("Secrets: quoting an input", () => {
  it("quotes at most 40 characters of a string, redacted before it is cut; others by type", () => {
    const id = "x".repeat(10_000);
    expect(NO_SECRETS.quote(id)).toBe(JSON.stringify(`${"x".repeat(MAX_QUOTED)}…`));
    const keyed = createSecrets([], [`sk_live_${"k".repeat(64)}`]);
    expect(keyed.quote(`sk_live_${"k".repeat(64)}/x`)).toBe(JSON.stringify(`${REDACTED}…`));
    expect(keyed.quote(`sk_live_${"k".repeat(64)}`)).toBe(JSON.stringify(REDACTED));
    expect(keyed.quote(`${"a".repeat(35)}sk_live_${"k".repeat(64)}`)).toBe(
      JSON.stringify(`${"a".repeat(35)}${REDACTED}`),
    );
    expect(keyed.quote(`${"a".repeat(35)}sk_live_${"k".repeat(64)}/more`)).toBe(
      JSON.stringify(`${"a".repeat(35)}${REDACTED}…`),
    );
    expect([null, undefined, [1], {}, 5, true, Symbol("s"), () => 1, 5n].map((v) => NO_SECRETS.quote(v))).toEqual([
      "null",
      "undefined",
      "an array",
      "an object",
      "a number",
      "a boolean",
      "a symbol",
      "a function",
      "a bigint",
    ]);
  });
});

describe("Secrets: limits", () => {
  it("walks any depth: a deep value without secrets is kept, one with a secret deep inside is replaced", () => {
    let deep: unknown = "plain";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(secrets.redact({ deep })).toEqual({ deep });
    let leaking: unknown = `x ${KEY}`;
    for (let i = 0; i < 100_000; i++) leaking = { a: leaking };
    const out = secrets.redact({ leaking }) as { leaking: unknown };
    expect(JSON.stringify(out).includes("0123")).toBe(false);
  });

  it("shows none of its values when logged or serialized", () => {
    expect(inspect(secrets, { showHidden: true, depth: null })).not.toContain("0123");
    expect(JSON.stringify(secrets)).toBe("{}");
  });

  it("with() adds a call's values and returns itself when none is new", () => {
    expect(secrets.with([undefined, "abc", KEY])).toBe(secrets);
    const call = secrets.with(["call_secret_1"]);
    expect(call.scrub(`call_secret_1 and ${KEY}`)).toBe(`${REDACTED} and ${REDACTED}`);
    expect(secrets.scrub("call_secret_1")).toBe("call_secret_1");
  });
});
