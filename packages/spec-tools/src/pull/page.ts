// A page that is not OpenAPI (`published: html-page` in vendor.yaml's pages): the page's text is
// compared with the file kept for it after normalizing line endings, trailing spaces, runs of
// blank lines and zero-width characters, and a change is reported for review by hand
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

/** What is kept of a page: the text of an HTML page; a text page as it is, byte for byte. */
export function pageText(text: string): string {
  return /<html[\s>]|<body[\s>]/i.test(text) ? htmlToText(text) : text;
}

/**
 * Line endings, trailing spaces, runs of blank lines and zero-width characters do not count as a
 * change. Docs sites put a zero-width space (U+200B) as the text of each anchor link, and one
 * copy of a page may keep them where another text path drops them (specs/README.md#html-pages).
 */
export function normalizePage(text: string): string {
  return `${pageText(text)
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
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
