const MAX_MESSAGE = 500;

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > MAX_MESSAGE ? `${trimmed.slice(0, MAX_MESSAGE)}…` : trimmed;
}

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The vendor's own words from an error body, whatever shape it has: Retell `{status,message}`,
 * Verbex `{error,message}` and FastAPI `{detail:[{loc,msg}]}`, problem+json `{title,detail}`, or
 * plain text. Undefined when the body says nothing (empty, or an HTML error page).
 */
export function vendorMessageOf(parsed: unknown, text: string): string | undefined {
  if (isRecord(parsed)) {
    const { message, detail, title, error } = parsed;
    if (typeof message === "string" && message.trim()) return clip(message);
    if (Array.isArray(detail)) {
      const parts = detail.filter(isRecord).map((item) => {
        const loc = Array.isArray(item.loc) ? item.loc.join(".") : "";
        const msg = typeof item.msg === "string" ? item.msg : "";
        return loc ? `${loc}: ${msg}` : msg;
      });
      if (parts.length) return clip(parts.join("; "));
    }
    if (typeof detail === "string" && detail.trim()) return clip(detail);
    if (typeof title === "string" && title.trim()) return clip(title);
    if (typeof error === "string" && error.trim()) return clip(error);
    return undefined;
  }
  if (typeof parsed === "string" && parsed.trim()) return clip(parsed);
  if (parsed !== undefined) return undefined;
  if (!text.trim() || /^\s*</.test(text)) return undefined;
  return clip(text);
}

/**
 * The wait a server asked for, in milliseconds: `retry-after-ms` first, else `Retry-After` in
 * seconds or as an HTTP date (a past date is 0). Undefined when it asked for nothing readable.
 */
export function retryAfterMsOf(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers.get("retry-after");
  if (header === null || header.trim() === "") return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
