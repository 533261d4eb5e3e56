// specs/<vendor>/provenance.yaml is edited line by line, not re-serialized: its comments and
// layout stay as a person wrote them, and a file a YAML parser rejects still gets its date.
import { parse } from "yaml";
import { objectOr } from "../json.js";

export function provenanceUrl(text: string): string | undefined {
  try {
    const provenance = objectOr(parse(text));
    const url = objectOr(provenance.source).url ?? provenance.url;
    if (typeof url === "string") return url;
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
}

export function updateProvenance(text: string, { today, from, form, format }: ProvenanceUpdate): string {
  let out = text;
  const line = /^([ \t]*)retrieved:[^\n]*$/m.exec(out);
  if (line) out = out.replace(line[0], `${line[1]}retrieved: ${today}`);
  else out = `${out.replace(/\n*$/, "\n")}retrieved: ${today}\n`;
  const indent = (/^([ \t]*)retrieved:/m.exec(out) ?? ["", ""])[1];
  out = out.replace(/^[ \t]*retrievedFrom:[^\n]*\n/m, "");
  if (from) out = out.replace(/^([ \t]*retrieved:[^\n]*)$/m, `$1\n${indent}retrievedFrom: ${JSON.stringify(from)}`);
  if (form) {
    const current = /^([ \t]*)form:([^\n]*)$/m.exec(out);
    const fenced = current !== null && /fence/i.test(current[2] ?? "");
    let next: string | undefined;
    if (form === "docs-page-fence" && current && !fenced)
      next = `docs page with the OpenAPI in a fenced ${format} block`;
    if (form === "raw" && current && (fenced || !/raw/i.test(current[2] ?? "")))
      next = `raw ${format === "json" ? "JSON" : "YAML"} OpenAPI document`;
    if (next && current) out = out.replace(current[0], `${current[1]}form: ${next}`);
  }
  return out;
}
