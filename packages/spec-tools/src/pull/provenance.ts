// specs/<vendor>/provenance.yaml is edited line by line, not re-serialized: its comments and
// layout stay as a person wrote them, and a file a YAML parser rejects still gets its date. Each
// page has its own entry in its `pages` list (`- file: <name>` and the keys below it).
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { arrayOr, isObject, objectOr } from "../json.js";

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The URL a page is pulled from: its entry's `url`, else (a provenance from before pages) `source.url`. */
export function pageUrl(text: string, file: string): string | undefined {
  try {
    const provenance = objectOr(parse(text));
    const entry = arrayOr(provenance.pages).find((page) => isObject(page) && page.file === file);
    if (isObject(entry)) return typeof entry.url === "string" ? entry.url : undefined;
    const url = objectOr(provenance.source).url ?? provenance.url;
    if (typeof url === "string" && !Array.isArray(provenance.pages)) return url;
  } catch {
    // fall back to the line
  }
  return /^\s*url:\s*["']?([^\s"']+)["']?\s*$/m.exec(text)?.[1];
}

export interface ProvenanceUpdate {
  today: string;
  from?: string | undefined;
  form?: "docs-page-fence" | "raw" | undefined;
  format?: "yaml" | "json" | undefined;
  /** The sha256 of the file as now kept. */
  sha256?: string | undefined;
  /** The revision the page is stamped with, if any. */
  revision?: string | undefined;
}

/** The lines of a page's entry: [start, end) in `lines`, and the indent of its keys. */
function entryOf(lines: string[], file: string): { start: number; end: number; indent: string } | undefined {
  const start = lines.findIndex((line) =>
    new RegExp(`^\\s*- file:\\s*["']?${escapeRegExp(file)}["']?\\s*$`).test(line),
  );
  if (start < 0) return undefined;
  const dash = (lines[start] ?? "").indexOf("-");
  const indent = " ".repeat(dash + 2);
  let end = start + 1;
  while (end < lines.length) {
    const line = lines[end] ?? "";
    if (line.trim() !== "" && !line.startsWith(indent)) break;
    end += 1;
  }
  while (end > start + 1 && (lines[end - 1] ?? "").trim() === "") end -= 1;
  return { start, end, indent };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Sets `key: value` in the entry (after the last key it has, or replacing the key's line); undefined removes it. */
function setKey(lines: string[], file: string, key: string, value: string | undefined): void {
  const entry = entryOf(lines, file);
  if (!entry) return;
  const pattern = new RegExp(`^${entry.indent}${key}:`);
  const at = lines.findIndex((line, i) => i > entry.start && i < entry.end && pattern.test(line));
  if (value === undefined) {
    if (at >= 0) lines.splice(at, 1);
    return;
  }
  const line = `${entry.indent}${key}: ${value}`;
  if (at >= 0) lines[at] = line;
  else lines.splice(entry.end, 0, line);
}

function formText(current: string | undefined, form: ProvenanceUpdate["form"], format: ProvenanceUpdate["format"]) {
  const fenced = current !== undefined && /fence/i.test(current);
  if (form === "docs-page-fence" && current !== undefined && !fenced)
    return `docs page with the OpenAPI in a fenced ${format} block`;
  if (form === "raw" && current !== undefined && (fenced || !/raw/i.test(current)))
    return `raw ${format === "json" ? "JSON" : "YAML"} OpenAPI document`;
  return undefined;
}

/** The provenance with a pulled page's entry dated (and its sha256, revision and form brought up to date). */
export function updatePageProvenance(text: string, file: string, update: ProvenanceUpdate): string {
  const lines = text.split("\n");
  if (!entryOf(lines, file)) return updateProvenance(text, update);
  setKey(lines, file, "retrieved", update.today);
  setKey(lines, file, "retrievedFrom", update.from ? JSON.stringify(update.from) : undefined);
  if (update.sha256 !== undefined) setKey(lines, file, "sha256", update.sha256);
  if (update.revision !== undefined) setKey(lines, file, "revision", update.revision);
  const entry = entryOf(lines, file);
  if (entry) {
    const formLine = lines.slice(entry.start, entry.end).find((line) => line.startsWith(`${entry.indent}form:`));
    const next = formText(formLine?.slice(`${entry.indent}form:`.length), update.form, update.format);
    if (next) setKey(lines, file, "form", next);
  }
  return lines.join("\n");
}

/** A provenance from before pages: its one `retrieved:` line and source. */
export function updateProvenance(text: string, { today, from, form, format }: ProvenanceUpdate): string {
  let out = text;
  const line = /^([ \t]*)retrieved:[^\n]*$/m.exec(out);
  if (line) out = out.replace(line[0], `${line[1]}retrieved: ${today}`);
  else out = `${out.replace(/\n*$/, "\n")}retrieved: ${today}\n`;
  const indent = (/^([ \t]*)retrieved:/m.exec(out) ?? ["", ""])[1];
  out = out.replace(/^[ \t]*retrievedFrom:[^\n]*\n/m, "");
  if (from) out = out.replace(/^([ \t]*retrieved:[^\n]*)$/m, `$1\n${indent}retrievedFrom: ${JSON.stringify(from)}`);
  const current = /^([ \t]*)form:([^\n]*)$/m.exec(out);
  const next = formText(current?.[2], form, format);
  if (next && current) out = out.replace(current[0], `${current[1]}form: ${next}`);
  return out;
}

/** The revision a document is stamped with: an `x-…-revision` key of its `info`, if any. */
export function revisionOf(document: unknown): string | undefined {
  const info = objectOr(objectOr(document).info);
  const key = Object.keys(info).find((name) => /^x-.*revision$/i.test(name));
  const value = key === undefined ? undefined : info[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}
