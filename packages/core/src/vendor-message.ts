const MAX_MESSAGE = 500;

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The vendor's own words from an error body, whatever shape it has: `{status,message}`,
 * `{error,message}`, FastAPI's `{detail:[{loc,msg}]}`, problem+json `{title,detail}`, or plain
 * text (docs/CONTRACT.md#errors lists which vendor answers which). Undefined when the body says nothing (empty, or an HTML error page).
 */
export function vendorMessageOf(parsed: unknown, text: string): string | undefined {
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
  return found !== undefined && found.length > MAX_MESSAGE ? `${found.slice(0, MAX_MESSAGE)}…` : found;
}

/**
 * The wait a server asked for, in milliseconds: `retry-after-ms` first, else `Retry-After` in
 * seconds or as an HTTP date (a past date is 0). Undefined when it asked for nothing readable.
 */
export function retryAfterMsOf(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = Number(headers.get("retry-after-ms")?.trim() || Number.NaN);
  if (ms >= 0 && ms < Number.POSITIVE_INFINITY) return ms;
  const header = headers.get("retry-after")?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
