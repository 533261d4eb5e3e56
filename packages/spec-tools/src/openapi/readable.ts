// Parts of a document that are not valid OpenAPI in a way the tools cannot even read: Redocly's
// resolver (and so openapi-typescript) crashes on them instead of reporting them. Found here
// first, each with its JSON Pointer and the overlay fix that makes it readable
// (docs/adding-a-vendor.md#when-the-generator-cannot-read-the-document).
import { isObject } from "../json.js";
import { formatPointer } from "./ref.js";

export interface Unreadable {
  /** Where, as a JSON Pointer into the document. */
  pointer: string;
  problem: string;
  /** An overlay fix that makes it readable, when there is an obvious one. */
  fix?: { name: string; target: string; expect: unknown; set: unknown };
}

/** Keys under which a `$ref` key is data (a property or an example named "$ref"), not a reference. */
const DATA_KEYS = new Set(["properties", "example", "examples", "enum", "default", "const"]);

export function unreadableParts(doc: unknown): Unreadable[] {
  const found: Unreadable[] = [];
  const stack: { node: unknown; tokens: string[] }[] = [{ node: doc, tokens: [] }];
  while (stack.length) {
    const { node, tokens } = stack.pop() as { node: unknown; tokens: string[] };
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) stack.push({ node: item, tokens: [...tokens, String(index)] });
      continue;
    }
    if (!isObject(node)) continue;
    const parentKey = tokens.at(-1);
    if ("$ref" in node && typeof node.$ref !== "string" && !DATA_KEYS.has(parentKey ?? "")) {
      found.push({ pointer: formatPointer([...tokens, "$ref"]), problem: "a $ref must be a string" });
    }
    const discriminator = node.discriminator;
    if (isObject(discriminator) && isObject(discriminator.mapping)) {
      const mapping = discriminator.mapping;
      const wrong = Object.entries(mapping).filter(([, value]) => typeof value !== "string");
      if (wrong.length) {
        const target = formatPointer([...tokens, "discriminator", "mapping"]);
        const set = Object.fromEntries(
          Object.entries(mapping).map(([key, value]) => [
            key,
            isObject(value) && typeof value.$ref === "string" ? value.$ref : value,
          ]),
        );
        const fixable = Object.values(set).every((value) => typeof value === "string");
        found.push({
          pointer: target,
          problem: `discriminator mapping values must be strings (a schema name or a reference), not ${wrong
            .map(([key, value]) => `${key}: ${isObject(value) ? "an object" : JSON.stringify(value)}`)
            .join(", ")}`,
          ...(fixable ? { fix: { name: "discriminator-mapping-as-strings", target, expect: mapping, set } } : {}),
        });
      }
    }
    for (const [key, value] of Object.entries(node)) stack.push({ node: value, tokens: [...tokens, key] });
  }
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : 1));
}
