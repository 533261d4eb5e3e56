// Reads the text of an OpenAPI document (YAML, or JSON, which is YAML too) into an object.
//
// A document published as JSON is read with JSON.parse: the YAML parser takes about 25 times as
// long on it and makes most of the garbage, which on GitHub's 13 MB spec was two thirds of the
// generator's time (docs/ARCHITECTURE.md#generator-speed). `uniqueKeys` refuses duplicate keys,
// which JSON.parse would silently collapse, so it always goes through the YAML parser.
import { parse } from "yaml";

export function parseDocumentText(text: string, options: { uniqueKeys?: boolean; strict?: boolean } = {}): unknown {
  const body = text.replace(/^\uFEFF/, "");
  if (!options.uniqueKeys && /^\s*[{[]/.test(body)) {
    try {
      return JSON.parse(body);
    } catch {
      // not JSON after all (YAML flow style): the YAML parser decides
    }
  }
  return parse(body, {
    ...(options.uniqueKeys === undefined ? {} : { uniqueKeys: options.uniqueKeys }),
    ...(options.strict === undefined ? {} : { strict: options.strict }),
  });
}
