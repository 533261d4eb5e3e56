/**
 * Everything phonebridge knows about secrets, in one place (docs/CONTRACT.md#secrets): the names
 * of the fields and headers that hold them, the values in use (an API key, the passthrough
 * secrets of a call), and every way a text, a value or a set of headers is made safe to keep or
 * show. What to redact is decided on values, never on the raw text of a body: a string or a
 * property name that holds a secret value, as written or escaped (JSON `\u002B` and `\/`, URL
 * `%2B`, HTML `&#43;`), and a secret field at any depth. Texts are redacted before they are cut,
 * with every secret of the call known there, so no part of a secret survives a cut.
 */
import type { HeaderReader } from "./transport.js";

export const REDACTED = "[redacted]";
/** Secret values shorter than this are not searched for: they would match ordinary text. */
export const MIN_SECRET_LENGTH = 4;
/** The most characters of an input a message quotes. */
export const MAX_QUOTED = 40;
/** Deeper than this, a value is not walked: it is replaced whole. */
const MAX_DEPTH = 500;
/** The most source characters one escaped code point can take (`%F0%9F%98%80`, `&#x0001F600;`). */
const MAX_ESCAPE_LENGTH = 13;
/**
 * Headers that can hold secrets (names in lower case): request headers shown as "[redacted]"
 * whole, response headers left out of what an error or a result keeps.
 */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "api-key",
  "cookie",
  "set-cookie",
  "www-authenticate",
  "proxy-authenticate",
]);
/** What starts an escape a vendor may have applied to an echoed text. */
const ESCAPE_START = /[\\%&]/;
/**
 * One escaped code point: `\uXXXX`, `\xXX`, an HTML reference (numeric, `;` optional as HTML
 * allows, or named), a JSON short escape, or the URL percent-escapes of one UTF-8 sequence.
 */
const ESCAPE =
  /\\u([\da-f]{4})|\\x([\da-f]{2})|&#x0*([\da-f]{1,6});?|&#0*(\d{1,7});?|&(amp|lt|gt|quot|apos);|\\(["\\/bfnrt])|%[0-7][\da-f]|%[cd][\da-f]%[89ab][\da-f]|%e[\da-f](?:%[89ab][\da-f]){2}|%f[0-7](?:%[89ab][\da-f]){3}/gi;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const SHORT: Readonly<Record<string, string>> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

type Span = [start: number, end: number];

/**
 * `text` with every escape undone, and where each of its UTF-16 units starts in `text` (plus
 * the end). What only looks like an escape (a code point past Unicode, bytes that are not
 * UTF-8) stays as written.
 */
function decoded(text: string): [string, Uint32Array] {
  const at = new Uint32Array(text.length + 1);
  let out = "";
  let from = 0;
  const put = (units: string, start: number): void => {
    for (let i = 0; i < units.length; i++) at[out.length + i] = start;
    out += units;
  };
  for (const match of text.matchAll(ESCAPE)) {
    const [whole, u, x, hex, dec, named, short] = match;
    let char: string;
    try {
      char =
        whole[0] === "%"
          ? decodeURIComponent(whole)
          : named
            ? (NAMED[named.toLowerCase()] as string)
            : short
              ? (SHORT[short.toLowerCase()] ?? short)
              : u
                ? String.fromCharCode(Number.parseInt(u, 16))
                : String.fromCodePoint(dec ? Number(dec) : Number.parseInt(x ?? (hex as string), 16));
    } catch {
      continue;
    }
    const start = match.index;
    for (; from < start; from++) put(text[from] as string, from);
    put(char, start);
    from = start + whole.length;
  }
  for (; from < text.length; from++) put(text[from] as string, from);
  at[out.length] = text.length;
  return [out, at];
}

/** `text[0, end)` with each span (sorted, merged) replaced by "[redacted]". */
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

/** The secrets of a client or of one call: field names and values. Shows none of them. */
export interface Secrets {
  /** These secrets and `values` (this object itself when none of them is new). */
  with(values: Iterable<string | undefined>): Secrets;
  /** True when `text` holds a secret value, as written or escaped. */
  holds(text: string): boolean;
  /** `text` with every secret value in it, as written or escaped, replaced by "[redacted]". */
  scrub(text: string): string;
  /**
   * The first `max` characters of `text`, its secrets redacted first: a secret that straddles the
   * cut is replaced whole, so no part of it survives. "…" marks a cut.
   */
  clip(text: string, max: number): string;
  /**
   * How a message quotes an input: a string in JSON quotes, redacted and cut to 40 characters;
   * anything else by its type.
   */
  quote(value: unknown): string;
  /**
   * A redacted copy of a JSON-like value: each secret field (not null) replaced by "[redacted]",
   * each string and property name holding a secret value scrubbed (a property name that then
   * collides with another one takes a ` (2)`, ` (3)`, … suffix, so no value is lost). The value
   * itself is returned when it holds nothing to redact; it is never modified.
   */
  redact(value: unknown): unknown;
  /**
   * `parsed` (the result of `JSON.parse(text)`) redacted. The same as `redact(parsed)`, with a
   * fast path: a text without `\`, `%` or `&` holds its strings and property names verbatim and
   * no escaped form, so when it contains no secret value and no secret field name, neither does
   * `parsed` (test/secrets.test.ts checks the two agree).
   */
  redactParsed(text: string, parsed: unknown): unknown;
}

/**
 * The secrets of `fields` (names whose values are secrets) and `values` (values shorter than 4
 * characters are not searched for). Immutable; the values live in closures only, so logging or
 * serializing the object shows none of them.
 */
export function createSecrets(fields: Iterable<string> = [], given: Iterable<string | undefined> = []): Secrets {
  const names = new Set(fields);
  const values = [
    ...new Set([...given].filter((v): v is string => typeof v === "string" && v.length >= MIN_SECRET_LENGTH)),
  ];
  const needles = [...values, ...names];
  const empty = needles.length === 0;
  const longest = Math.max(0, ...values.map((value) => value.length));

  /** Where the secret values lie in `text`, as written or escaped: sorted, overlapping ones merged. */
  const spans = (text: string): Span[] => {
    const found: Span[] = [];
    const out: Span[] = [];
    const forms: [string, Uint32Array?][] = values.length ? [[text]] : [];
    if (forms.length && ESCAPE_START.test(text)) forms.push(decoded(text));
    for (const secret of values) {
      for (const [form, at] of forms) {
        // Overlapping occurrences too: the next search starts one character on.
        for (let i = form.indexOf(secret); i >= 0; i = form.indexOf(secret, i + 1)) {
          const end = i + secret.length;
          found.push(at ? [at[i] as number, at[end] as number] : [i, end]);
        }
      }
    }
    for (const span of found.sort((a, b) => a[0] - b[0])) {
      const last = out.at(-1);
      if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
      else out.push(span);
    }
    return out;
  };

  const holds = (text: string): boolean => spans(text).length > 0;
  const scrub = (text: string): string => replaced(text, spans(text));

  /** The redacted copy of `value`; deeper than MAX_DEPTH, a part that holds a secret goes whole. */
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return scrub(value);
    if (value === null || typeof value !== "object") return value;
    if (depth >= MAX_DEPTH) {
      // Too deep to walk by recursion: kept as it is when it holds no secret, else replaced whole.
      const stack: unknown[] = [value];
      while (stack.length) {
        const item = stack.pop();
        if (typeof item === "string" && holds(item)) return REDACTED;
        if (item !== null && typeof item === "object") {
          for (const [name, child] of Object.entries(item)) {
            if ((names.has(name) && child !== null) || holds(name)) return REDACTED;
            stack.push(child);
          }
        }
      }
      return value;
    }
    const list = Array.isArray(value);
    const entries = Object.entries(value);
    let changed = false;
    const out = entries.map(([name, item]): [string, unknown] => {
      const next = !list && names.has(name) && item !== null ? REDACTED : walk(item, depth + 1);
      const clean = list ? name : scrub(name);
      changed ||= next !== item || clean !== name;
      return [clean, next];
    });
    if (!changed) return value;
    if (list) return out.map((entry) => entry[1]);
    // A name that held a secret never takes the name of another property: it gets a suffix.
    const taken = new Set(entries.filter(([name], i) => out[i]?.[0] === name).map(([name]) => name));
    const record: Record<string, unknown> = {};
    out.forEach(([clean, item], i) => {
      let name = clean;
      if (clean !== entries[i]?.[0]) {
        for (let n = 2; taken.has(name); n++) name = `${clean} (${n})`;
        taken.add(name);
      }
      // Defined, not assigned, so that a property named `__proto__` stays an own property.
      Object.defineProperty(record, name, { value: item, enumerable: true, writable: true, configurable: true });
    });
    return record;
  };

  const secrets: Secrets = {
    with: (more) => {
      const added = [...more].filter(
        (v) => typeof v === "string" && v.length >= MIN_SECRET_LENGTH && !values.includes(v),
      );
      return added.length ? createSecrets(names, [...values, ...added]) : secrets;
    },
    holds,
    scrub,
    clip(text, max) {
      if (text.length <= max) return scrub(text);
      // A secret reaching into the first `max` characters lies whole within this window.
      const window = text.slice(0, max + longest * MAX_ESCAPE_LENGTH);
      const found = spans(window);
      let end = max;
      for (const [start, stop] of found) if (start < max && stop > max) end = stop;
      // Never cut a character in half (a UTF-16 pair).
      const code = window.charCodeAt(end - 1);
      if (end === max && code >= 0xd800 && code <= 0xdbff) end--;
      const kept = replaced(window, found, end);
      return end < text.length ? `${kept}…` : kept;
    },
    quote: (value) =>
      typeof value === "string"
        ? JSON.stringify(secrets.clip(value, MAX_QUOTED))
        : value == null
          ? String(value)
          : Array.isArray(value)
            ? "an array"
            : typeof value === "object"
              ? "an object"
              : `a ${typeof value}`,
    redact: (value) => (empty ? value : walk(value, 0)),
    redactParsed: (text, parsed) =>
      ESCAPE_START.test(text) || needles.some((needle) => text.includes(needle)) ? secrets.redact(parsed) : parsed,
  };
  return secrets;
}

/** No secrets at all: cutting and quoting only. */
export const NO_SECRETS = createSecrets();

/**
 * A copy of `value` with every property named in `secretKeys` (not null), at any depth, and every
 * secret value (as written or escaped, in strings and property names) replaced by "[redacted]".
 */
export function redact(value: unknown, secretKeys: Iterable<string>, secretValues: readonly string[] = []): unknown {
  return createSecrets(secretKeys, secretValues).redact(value);
}

/** Replaces each secret value inside `text`, as written or escaped. */
export function scrub(text: string, secretValues: readonly string[]): string {
  return createSecrets([], secretValues).scrub(text);
}

/** The secret values among a call's passthrough fields: strings under a name in `fields`, at any depth. */
export function secretValuesIn(value: unknown, fields: ReadonlySet<string>, found: string[] = []): string[] {
  if (value !== null && typeof value === "object") {
    for (const [name, item] of Object.entries(value)) {
      if (typeof item === "string" && fields.has(name)) found.push(item);
      else secretValuesIn(item, fields, found);
    }
  }
  return found;
}

/**
 * Response headers as an error or a result keeps them: the names that can hold secrets left out,
 * every secret value in the others redacted.
 */
export function safeHeaders(headers: Pick<HeaderReader, "forEach">, secrets: Secrets): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!CREDENTIAL_HEADERS.has(name)) out[name] = secrets.scrub(value);
  });
  return out;
}
