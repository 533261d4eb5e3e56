// Finds the OpenAPI document inside what a vendor publishes: a docs page whose OpenAPI sits in a
// fence of four backticks (```` ````yaml <source> <METHOD> <path> ````), or a raw YAML or JSON
// document. Returns the document's text exactly as published, so specs/<vendor>/openapi.yaml
// stays byte-for-byte what the vendor shipped.
import { parse } from "yaml";

const FENCE = /^(`{4,})(?:ya?ml|json)\b[^\n]*\n([\s\S]*?)\n?\1[ \t]*$/m;

/** @returns {{ text: string, form: "docs-page-fence" | "raw" } | undefined} */
export function extractOpenApi(published) {
  const fenced = FENCE.exec(published);
  if (fenced) return { text: `${fenced[2].replace(/\s+$/, "")}\n`, form: "docs-page-fence" };
  let doc;
  try {
    doc = parse(published);
  } catch {
    return undefined;
  }
  if (doc && typeof doc === "object" && (typeof doc.openapi === "string" || typeof doc.swagger === "string")) {
    return { text: published, form: "raw" };
  }
  return undefined;
}
