import { NO_SECRETS, type Secrets } from "./secrets.js";

/** The most characters of a vendor's message an error keeps. */
const MAX_MESSAGE = 500;

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The vendor's own words from an error body, whatever shape it has: Retell `{status,message}`,
 * Verbex `{error,message}` and FastAPI `{detail:[{loc,msg}]}`, problem+json `{title,detail}`, or
 * plain text. Undefined when the body says nothing (empty, or an HTML error page). Cut to 500
 * characters after `secrets` are redacted in it, so no part of one survives the cut.
 */
export function vendorMessageOf(parsed: unknown, text: string, secrets: Secrets = NO_SECRETS): string | undefined {
  let candidates: unknown[];
  if (isRecord(parsed)) {
    const { message, detail, title, error } = parsed;
    // FastAPI lists each refused field as {loc: ["body", "field"], msg}.
    const issues = Array.isArray(detail)
      ? detail
          .filter(isRecord)
          .map(
            ({ loc, msg }) =>
              (Array.isArray(loc) && loc.length ? `${loc.join(".")}: ` : "") + (typeof msg === "string" ? msg : ""),
          )
          .join("; ")
      : detail;
    candidates = [message, issues, title, error];
  } else {
    candidates = [parsed === undefined && !/^\s*</.test(text) ? text : parsed];
  }
  const found = candidates.find((c): c is string => typeof c === "string" && c.trim() !== "")?.trim();
  return found === undefined ? undefined : secrets.clip(found, MAX_MESSAGE);
}

/** delta-seconds (RFC 9110 §10.2.3), with the fraction some servers add: nothing else counts. */
const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = `(?<month>${MONTHS.join("|")})`;
const TIME = "(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})";
/** The three forms of an HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, RFC 850, asctime. Case-sensitive. */
const HTTP_DATES = [
  new RegExp(`^${DAY}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  new RegExp(
    `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?<day>\\d{2})-${MONTH}-(?<year>\\d{2}) ${TIME} GMT$`,
  ),
  new RegExp(`^${DAY} ${MONTH} (?<day>\\d{2}| \\d) ${TIME} (?<year>\\d{4})$`),
];

/**
 * The time of an HTTP-date in milliseconds, or undefined when `text` is not one: one of the three
 * forms, a real calendar day and time of day, UTC. Never `Date.parse`, which reads "-5" or "5,"
 * as dates long past and an asctime date in local time.
 */
export function httpDateMs(text: string, now: number = Date.now()): number | undefined {
  let parts: Record<string, string> | undefined;
  for (const pattern of HTTP_DATES) {
    parts = pattern.exec(text)?.groups;
    if (parts !== undefined) break;
  }
  if (parts === undefined) return undefined;
  const [day, year, hour, minute, second] = [parts.day, parts.year, parts.hour, parts.minute, parts.second].map(
    Number,
  ) as [number, number, number, number, number];
  const month = MONTHS.indexOf(parts.month as string);
  let fullYear = year;
  if (parts.year?.length === 2) {
    // RFC 850's two-digit year: one more than 50 years ahead is the most recent past year with those digits.
    const current = new Date(now).getUTCFullYear();
    fullYear = current - (current % 100) + year;
    if (fullYear > current + 50) fullYear -= 100;
  }
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  // A leap second (60) is read as 59; a day the month does not have (31 Feb) is no date.
  const ms = Date.UTC(fullYear, month, day, hour, minute, Math.min(second, 59));
  const check = new Date(ms);
  return check.getUTCDate() === day && check.getUTCMonth() === month ? ms : undefined;
}

/**
 * The wait a server asked for, in milliseconds: `retry-after-ms` first, else `Retry-After` in
 * seconds or as an HTTP-date (a past date is 0). Each counts only in its exact form (digits,
 * optionally with a fraction; an HTTP-date); anything else is ignored and the caller's backoff
 * applies. Undefined when the server asked for nothing readable.
 */
export function retryAfterMsOf(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && DELTA_SECONDS.test(ms)) return Number(ms);
  const header = headers.get("retry-after");
  if (header === null) return undefined;
  if (DELTA_SECONDS.test(header)) return Number(header) * 1000;
  const date = httpDateMs(header, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}
