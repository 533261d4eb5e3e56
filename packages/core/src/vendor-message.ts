import { NO_SECRETS, type Secrets } from "./secrets.js";
import type { HeaderReader } from "./transport.js";

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
  const { message, detail, title, error } = isRecord(parsed) ? parsed : {};
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
  const plain = parsed !== undefined ? parsed : /^\s*</.test(text) ? undefined : text;
  const found = [message, issues, title, error, plain].find(
    (c): c is string => typeof c === "string" && c.trim() !== "",
  );
  return found === undefined ? undefined : secrets.clip(found.trim(), 500);
}

/** delta-seconds (RFC 9110 §10.2.3), with the fraction some servers add: nothing else counts. */
const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;
/** The two obsolete forms of an HTTP-date (RFC 9110 §5.6.7): RFC 850 and asctime. */
const RFC850_DATE = /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\d\d)-(\w{3})-(\d\d) (\S{8}) GMT$/;
const ASCTIME_DATE = /^(\w{3}) (\w{3}) (\d\d| \d) (\S{8}) (\d{4})$/;

/**
 * The time of an HTTP-date in milliseconds, or undefined when `text` is not one. An obsolete
 * form is rewritten as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), and the date counts
 * only when it reads back the same through `toUTCString`, which writes exactly that form: a day
 * the month lacks (31 Feb), a time of day past 23:59:59, a wrong weekday, a case or a space out
 * of place, a zone other than GMT, none of them comes back the same. Never `Date.parse` on the
 * raw header, which reads "-5" or "5," as dates long past and an asctime date in local time.
 */
export function httpDateMs(text: string, now: number = Date.now()): number | undefined {
  const fixdate = text
    .replace(RFC850_DATE, (_, day: string, date, month, yy: string, time) => {
      // A two-digit year more than 50 years ahead is the most recent past year with those digits.
      const current = new Date(now).getUTCFullYear();
      const year = current - (current % 100) + Number(yy);
      return `${day.slice(0, 3)}, ${date} ${month} ${year > current + 50 ? year - 100 : year} ${time} GMT`;
    })
    .replace(
      ASCTIME_DATE,
      (_, day, month, date: string, time, year) => `${day}, ${date.replace(" ", "0")} ${month} ${year} ${time} GMT`,
    );
  const ms = Date.parse(fixdate);
  return new Date(ms).toUTCString() === fixdate ? ms : undefined;
}

/**
 * The wait a server asked for, in milliseconds: `retry-after-ms` first, else `Retry-After` in
 * seconds or as an HTTP-date (a past date is 0). Each counts only in its exact form (digits,
 * optionally with a fraction; an HTTP-date); anything else is ignored and the caller's backoff
 * applies. Undefined when the server asked for nothing readable.
 */
export function retryAfterMsOf(headers: Pick<HeaderReader, "get">, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms") ?? "";
  const header = headers.get("retry-after") ?? "";
  const date = httpDateMs(header, now);
  return DELTA_SECONDS.test(ms)
    ? Number(ms)
    : DELTA_SECONDS.test(header)
      ? Number(header) * 1000
      : date === undefined
        ? undefined
        : Math.max(0, date - now);
}
