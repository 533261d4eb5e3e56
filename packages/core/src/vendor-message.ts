import { NO_SECRETS, type Secrets } from "./secrets.js";

/** The most characters of a vendor's message an error keeps. */
const MAX_MESSAGE = 500;

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The vendor's own words from an error body, whatever shape it has: `{status,message}`,
 * `{error,message}`, FastAPI's `{detail:[{loc,msg}]}`, problem+json `{title,detail}`, or plain
 * text (docs/CONTRACT.md#errors lists which vendor answers which). Undefined when the body says
 * nothing (empty, or an HTML error page). Cut to 500 characters after `secrets` are redacted in
 * it, so no part of one survives the cut.
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
const DAY = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "(\\d\\d:\\d\\d:\\d\\d)";
/** The three forms of an HTTP-date (RFC 9110 §5.6.7), case-sensitive as the RFC says. */
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d\\d) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d\\d)-${MONTH}-(\\d\\d) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} (\\d\\d| \\d) ${TIME} (\\d{4})$`);

/**
 * The time of an HTTP-date in milliseconds, or undefined when `text` is not one. Each form is
 * matched by its pattern first, then written as an IMF-fixdate and read back: a date whose day
 * the month lacks (31 Feb), whose time of day is past 23:59:59 or whose weekday is wrong does
 * not come back the same, so it is not a date. Never `Date.parse` on the raw header, which reads
 * "-5" or "5," as dates long past and an asctime date in local time.
 */
export function httpDateMs(text: string, now: number = Date.now()): number | undefined {
  let fixdate = IMF_FIXDATE.test(text) ? text : undefined;
  const rfc850 = RFC850_DATE.exec(text);
  if (rfc850) {
    const [, day, date, month, yy, time] = rfc850;
    // A two-digit year more than 50 years ahead is the most recent past year with those digits.
    const current = new Date(now).getUTCFullYear();
    let year = current - (current % 100) + Number(yy);
    if (year > current + 50) year -= 100;
    fixdate = `${day?.slice(0, 3)}, ${date} ${month} ${year} ${time} GMT`;
  }
  const asctime = ASCTIME_DATE.exec(text);
  if (asctime) {
    const [, day, month, date, time, year] = asctime;
    fixdate = `${day}, ${date?.replace(" ", "0")} ${month} ${year} ${time} GMT`;
  }
  if (fixdate === undefined) return undefined;
  const ms = Date.parse(fixdate);
  return Number.isNaN(ms) || new Date(ms).toUTCString() !== fixdate ? undefined : ms;
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
