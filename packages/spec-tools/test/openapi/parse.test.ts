// Reading a document's text (src/openapi/parse.ts): JSON read as JSON, the rest as YAML.
import { describe, expect, it } from "vitest";
import { parseDocumentText } from "../../src/openapi/parse.js";

describe("a document's text", () => {
  it("reads JSON and YAML to the same object", () => {
    const json = '\uFEFF{"openapi":"3.1.0","info":{"title":"x","version":"1.0"},"paths":{"/a":{}}}';
    const yaml = "openapi: 3.1.0\ninfo: { title: x, version: '1.0' }\npaths:\n  /a: {}\n";
    expect(parseDocumentText(json)).toEqual(parseDocumentText(yaml));
  });

  it("reads YAML flow style that only looks like JSON", () => {
    expect(parseDocumentText("{openapi: 3.0.0, paths: {}}")).toEqual({ openapi: "3.0.0", paths: {} });
  });

  it("refuses duplicate keys when asked, even in JSON", () => {
    expect(() => parseDocumentText('{"a": 1, "a": 2}', { uniqueKeys: true })).toThrow(/unique/);
  });
});
