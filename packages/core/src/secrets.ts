/**
 * Everything phonebridge knows about secrets, in one place (docs/CONTRACT.md#secrets): the names
 * of the fields that hold them, the values in use (an API key, the passthrough secrets of a call),
 * and every way a text or a value is made safe to keep or show. What to redact is decided on
 * values, never on the raw text of a body: a string or a property name that holds a secret value,
 * as written or escaped (JSON `\u002B` and `\/`, URL `%2B`, HTML `&#43;`), and a secret field at
 * any depth. Texts are redacted before they are cut, with every secret of the call known there,
 * so no part of a secret survives a cut.
 */

export const REDACTED = "[redacted]";
/** Secret values shorter than this are not searched for: they would match ordinary text. */
export const MIN_SECRET_LENGTH = 4;
/** The most characters of an input a message quotes. */
export const MAX_QUOTED = 40;
/** Secrets up to this length are also recognised escaped; a longer one only as it is written. */
const MAX_ESCAPED_SECRET = 1000;
/** Deeper than this, a value is not walked: it is replaced whole. */
const MAX_DEPTH = 500;
/** The most source characters one escaped code point can take (`%F0%9F%98%80`, `&#x0001F600;`). */
const MAX_ESCAPE_LENGTH = 13;
/** Request headers whose values are credentials, shown as "[redacted]" whole (names in lower case). */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "api-key",
  "cookie",
]);
/** What starts an escape a vendor may have applied to an echoed text. */
const ESCAPE_START = /[\\%&]/;

/** `[0-9a-fA-F]`-style class for each hex digit of `code`, so case never matters for the digits. */
function hexPattern(code: number, width: number): string {
  return [...code.toString(16).padStart(width, "0")]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join("");
}

function literal(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}

const HTML_NAMED: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Every way one code point can be written in an echoed text: as it is, or escaped. */
function charPattern(char: string): string {
  const code = char.codePointAt(0) as number;
  const units = char.length === 2 ? [char.charCodeAt(0), char.charCodeAt(1)] : [code];
  const forms = [
    literal(char),
    units.map((unit) => `\\\\u${hexPattern(unit, 4)}`).join(""),
    [...new TextEncoder().encode(char)].map((byte) => `%${hexPattern(byte, 2)}`).join(""),
    `&#0*${code};?`,
    `&#[xX]0*${hexPattern(code, 1)};?`,
  ];
  if (code < 0x100) forms.push(`\\\\[xX]${hexPattern(code, 2)}`);
  // JSON's short escapes (\" \\ \n ...), and \/ which JSON allows for "/".
  const short = char === "/" ? "\\/" : JSON.stringify(char).slice(1, -1);
  if (short !== char) forms.push(literal(short));
  const named = HTML_NAMED[char];
  if (named !== undefined) forms.push(named);
  return `(?:${forms.join("|")})`;
}

/** A pattern that matches `secret` written as it is or with any of its characters escaped. */
function escapedPattern(secret: string): RegExp {
  return new RegExp([...secret].map(charPattern).join(""), "g");
}

type Span = [start: number, end: number];

/** Adds every occurrence of `secret` in `text` (overlapping ones too) to `spans`. */
function literalSpans(text: string, secret: string, spans: Span[]): void {
  for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
    spans.push([at, at + secret.length]);
  }
}

function patternSpans(text: string, pattern: RegExp, spans: Span[]): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    spans.push([match.index, match.index + match[0].length]);
    pattern.lastIndex = match.index + 1;
  }
}

/** The spans sorted and merged where they overlap (touching spans stay apart). */
function merged(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last !== undefined && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/** `text[0, end)` with each span replaced by "[redacted]". */
function replaced(text: string, spans: readonly Span[], end: number = text.length): string {
  let out = "";
  let at = 0;
  for (const [start, stop] of spans) {
    if (start >= end) break;
    out += `${text.slice(at, start)}${REDACTED}`;
    at = stop;
  }
  return at < end ? out + text.slice(at, end) : out;
}

/** A JSON-like value's own property, defined even when its name is `__proto__`. */
function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === "__proto__") {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[name] = value;
  }
}

/**
 * The secrets of a client or of one call: field names and values. Immutable; `with` adds the
 * values a call brings. Holds secret values, so it shows none: its fields are private, and
 * logging or serializing it prints `{}`.
 */
export class Secrets {
  readonly #fields: ReadonlySet<string>;
  /** Longest first, at least MIN_SECRET_LENGTH characters, no duplicates. */
  readonly #values: readonly string[];
  #patterns: readonly (RegExp | undefined)[] | undefined;

  constructor(fields: Iterable<string> = [], values: Iterable<string | undefined> = []) {
    this.#fields = new Set(fields);
    const unique = new Set<string>();
    for (const value of values) if (typeof value === "string" && value.length >= MIN_SECRET_LENGTH) unique.add(value);
    this.#values = [...unique].sort((a, b) => b.length - a.length);
  }

  /** True when there is nothing to redact. */
  get empty(): boolean {
    return this.#fields.size === 0 && this.#values.length === 0;
  }

  /** These secrets and `values` (this object itself when none of them is new). */
  with(values: Iterable<string | undefined>): Secrets {
    const added = [...values].filter(
      (value): value is string =>
        typeof value === "string" && value.length >= MIN_SECRET_LENGTH && !this.#values.includes(value),
    );
    return added.length === 0 ? this : new Secrets(this.#fields, [...this.#values, ...added]);
  }

  /** True when `text` holds a secret value, as written or escaped. */
  holds(text: string): boolean {
    return this.#spans(text).length > 0;
  }

  /** `text` with every secret value in it, as written or escaped, replaced by "[redacted]". */
  scrub(text: string): string {
    const spans = this.#spans(text);
    return spans.length === 0 ? text : replaced(text, spans);
  }

  /**
   * The first `max` characters of `text`, its secrets redacted first: a secret that straddles the
   * cut is replaced whole, so no part of it survives. "…" marks a cut.
   */
  clip(text: string, max: number): string {
    if (text.length <= max) return this.scrub(text);
    // A secret reaching into the first `max` characters lies whole within this window.
    const longest = this.#values[0]?.length ?? 0;
    const window = text.slice(0, max + longest * MAX_ESCAPE_LENGTH);
    const spans = this.#spans(window);
    let end = max;
    for (const [start, stop] of spans) if (start < max && stop > max) end = stop;
    // Never cut a character in half (a UTF-16 pair).
    const code = window.charCodeAt(end - 1);
    if (end === max && code >= 0xd800 && code <= 0xdbff) end--;
    const kept = replaced(window, spans, end);
    return end < text.length ? `${kept}…` : kept;
  }

  /**
   * How a message quotes an input: a string in JSON quotes, redacted and cut to 40 characters;
   * anything else by its type.
   */
  quote(value: unknown): string {
    if (typeof value === "string") return JSON.stringify(this.clip(value, MAX_QUOTED));
    if (value === null) return "null";
    if (value === undefined) return "undefined";
    if (Array.isArray(value)) return "an array";
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
  }

  /**
   * A redacted copy of a JSON-like value: each secret field (not null) replaced by "[redacted]",
   * each string and property name holding a secret value scrubbed (a property name that then
   * collides with another one takes a ` (2)`, ` (3)`, … suffix, so no value is lost). The value
   * itself is returned when it holds nothing to redact; it is never modified.
   */
  redact(value: unknown): unknown {
    return this.empty ? value : this.#walk(value, 0);
  }

  /**
   * `parsed` (the result of `JSON.parse(text)`) redacted. The same as `redact(parsed)`, with a
   * fast path: a text without `\`, `%` or `&` holds its strings and property names verbatim and
   * no escaped form, so when it contains no secret value and no secret field name, neither does
   * `parsed` (test/secrets.test.ts checks the two agree).
   */
  redactParsed(text: string, parsed: unknown): unknown {
    if (this.empty || parsed === null || typeof parsed !== "object") return this.redact(parsed);
    if (!ESCAPE_START.test(text)) {
      let found = false;
      for (const secret of this.#values) found ||= text.includes(secret);
      for (const field of this.#fields) found ||= text.includes(field);
      if (!found) return parsed;
    }
    return this.#walk(parsed, 0);
  }

  #spans(text: string): Span[] {
    const spans: Span[] = [];
    if (this.#values.length === 0) return spans;
    const escaped = ESCAPE_START.test(text);
    this.#values.forEach((secret, index) => {
      const pattern = escaped ? this.#pattern(index) : undefined;
      if (pattern !== undefined) patternSpans(text, pattern, spans);
      else literalSpans(text, secret, spans);
    });
    return spans.length < 2 ? spans : merged(spans);
  }

  #pattern(index: number): RegExp | undefined {
    this.#patterns ??= this.#values.map((secret) =>
      secret.length <= MAX_ESCAPED_SECRET ? escapedPattern(secret) : undefined,
    );
    return this.#patterns[index];
  }

  /** True when a secret field or value is anywhere in `value`; iterative, for any depth. */
  #holdsAnywhere(value: unknown): boolean {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const item = stack.pop();
      if (typeof item === "string") {
        if (this.holds(item)) return true;
      } else if (Array.isArray(item)) {
        for (const child of item) stack.push(child);
      } else if (item !== null && typeof item === "object") {
        for (const [name, child] of Object.entries(item)) {
          if ((this.#fields.has(name) && child !== null) || this.holds(name)) return true;
          stack.push(child);
        }
      }
    }
    return false;
  }

  #walk(value: unknown, depth: number): unknown {
    if (typeof value === "string") return this.scrub(value);
    if (value === null || typeof value !== "object") return value;
    // Too deep to walk by recursion: kept as it is when it holds no secret, else replaced whole.
    if (depth >= MAX_DEPTH) return this.#holdsAnywhere(value) ? REDACTED : value;
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const next = this.#walk(item, depth + 1);
        if (out === undefined && next !== item) out = value.slice(0, i);
        out?.push(next);
      }
      return out ?? value;
    }
    const record = value as Record<string, unknown>;
    const names = Object.keys(record);
    let renamed = false;
    let changed = false;
    const entries = names.map((name): [string, unknown] => {
      const item = record[name];
      const next = this.#fields.has(name) && item !== null ? REDACTED : this.#walk(item, depth + 1);
      const clean = this.scrub(name);
      renamed ||= clean !== name;
      changed ||= next !== item;
      return [clean, next];
    });
    if (!renamed && !changed) return value;
    if (renamed) {
      // A name that held a secret never takes the name of another property: it gets a suffix.
      const taken = new Set(names.filter((name, i) => entries[i]?.[0] === name));
      entries.forEach((entry, i) => {
        if (entry[0] === names[i]) return;
        let name = entry[0];
        for (let n = 2; taken.has(name); n++) name = `${entry[0]} (${n})`;
        taken.add(name);
        entry[0] = name;
      });
    }
    const out: Record<string, unknown> = {};
    for (const [name, item] of entries) setOwn(out, name, item);
    return out;
  }
}

/** No secrets at all: cutting and quoting only. */
export const NO_SECRETS = new Secrets();

/**
 * A copy of `value` with every property named in `secretKeys` (not null), at any depth, and every
 * secret value (as written or escaped, in strings and property names) replaced by "[redacted]".
 */
export function redact(value: unknown, secretKeys: Iterable<string>, secretValues: readonly string[] = []): unknown {
  return new Secrets(secretKeys, secretValues).redact(value);
}

/** Replaces each secret value inside `text`, as written or escaped. */
export function scrub(text: string, secretValues: readonly string[]): string {
  return new Secrets([], secretValues).scrub(text);
}
