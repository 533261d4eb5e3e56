// A vendor that publishes a page, not OpenAPI (`published: html-page` in its vendor.yaml): the
// page's text is compared with specs/<vendor>/page.txt after normalizing line endings, trailing
// spaces and runs of blank lines, and a change is reported for review by hand
// (docs/spec-changes.md#a-vendor-that-publishes-a-page-no-openapi).
import { createHash } from "node:crypto";

/** The text of an HTML page (crude on purpose: it only has to be stable between pulls). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript|svg)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|h\d|li|tr|pre|section|article|header|footer)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Line endings, trailing spaces and runs of blank lines do not count as a change. */
export function normalizePage(text: string): string {
  const body = /<html[\s>]|<body[\s>]/i.test(text) ? htmlToText(text) : text;
  return `${body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

export const pageHash = (text: string): string => createHash("sha256").update(normalizePage(text)).digest("hex");

/** A short line diff of two normalized pages, for the report. */
export function pageLineDiff(before: string, after: string, max = 30): string[] {
  const lines = (text: string) =>
    normalizePage(text)
      .split("\n")
      .filter((line) => line.trim());
  const a = lines(before);
  const b = lines(after);
  const count = (list: string[]) => list.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const out: string[] = [];
  for (const l of a) if ((cb.get(l) ?? 0) < (ca.get(l) ?? 0) && !out.includes(`- ${l}`)) out.push(`- ${l}`);
  for (const l of b) if ((ca.get(l) ?? 0) < (cb.get(l) ?? 0) && !out.includes(`+ ${l}`)) out.push(`+ ${l}`);
  return out.length > max ? [...out.slice(0, max), `… ${out.length - max} more lines`] : out;
}
