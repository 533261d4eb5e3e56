// Finds the OpenAPI document inside what a vendor publishes: a docs page whose OpenAPI sits in a
// fenced block (```` ````yaml <source> <METHOD> <path> ````, or any fence of three or more
// backticks or tildes whose info string starts with yaml, yml, json or openapi), or a raw YAML or
// JSON document. Returns the document's text exactly as published, so
// specs/<vendor>/openapi.yaml stays byte-for-byte what the vendor shipped (a JSON document is
// kept as JSON: JSON is YAML, so the file still reads as YAML).
//
// A page with several fenced blocks: the first whose content parses as an OpenAPI or Swagger
// document wins, so example payloads in other blocks are skipped.
import { isObject } from "../json.js";
import { parseDocumentText } from "./parse.js";

const FENCES = /^(`{3,}|~{3,})[ \t]*(ya?ml|json|openapi)\b[^\n]*\n([\s\S]*?)\n?^\1[ \t]*$/gim;

function isOpenApiText(text: string): boolean {
  try {
    const doc = parseDocumentText(text, { strict: false, uniqueKeys: false });
    return isObject(doc) && (typeof doc.openapi === "string" || typeof doc.swagger === "string");
  } catch {
    return false;
  }
}

export interface Extracted {
  text: string;
  form: "docs-page-fence" | "raw";
  format: "yaml" | "json";
}

export function extractOpenApi(published: unknown): Extracted | undefined {
  if (typeof published !== "string") return undefined;
  const body = published.replace(/^\uFEFF/, "");
  for (const fenced of body.matchAll(FENCES)) {
    const text = `${(fenced[3] ?? "").replace(/\s+$/, "")}\n`;
    if (isOpenApiText(text)) {
      return {
        text,
        form: "docs-page-fence",
        format: /^json$/i.test(fenced[2] ?? "") || /^\s*\{/.test(text) ? "json" : "yaml",
      };
    }
  }
  if (isOpenApiText(body)) return { text: body, form: "raw", format: /^\s*\{/.test(body) ? "json" : "yaml" };
  return undefined;
}
