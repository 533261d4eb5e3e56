// A schema compared at one place, aspect by aspect, recursive schemas included
// (src/diff/schema-object/index.ts).
import { describe, expect, it } from "vitest";
import { changesOf, document, fieldChanges, OP, withBody } from "../documents.js";

const UNREFERENCED =
  "patch documentation (document): The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).";

describe("a schema compared at one place", () => {
  it("reports a keyword it does not know as unclassified, and one it knows but the client does not read as nothing", () => {
    const string = { type: "string" };
    expect(
      fieldChanges("request", { ...string, contentEncoding: "base64" }, { ...string, contentEncoding: "base16" }),
    ).toEqual([
      `major unclassified (request, ${OP}): The request field \`n\` of ${OP} changed in a way phonebridge does not classify (\`contentEncoding\`); treated as breaking until reviewed by hand.`,
    ]);
    expect(fieldChanges("request", { ...string, xml: { name: "a" } }, { ...string, xml: { name: "b" } })).toEqual([
      UNREFERENCED,
    ]);
  });

  it("compares a schema given where there was none", () => {
    const body = (media: object) => document({ requestBody: { content: { "application/json": media } } });
    expect(changesOf(body({}), body({ schema: { type: "string" } }))).toEqual([
      `major type-narrowed (request, ${OP}): The type of the request body of ${OP} narrowed from any type to string; code that sends other types there must change.`,
    ]);
  });

  it("follows a recursive schema once around", () => {
    const tree = (a: object) =>
      document(withBody("request", { $ref: "#/components/schemas/T" }), {
        components: {
          schemas: {
            T: {
              type: "object",
              properties: { kids: { type: "array", items: { $ref: "#/components/schemas/T" } }, a },
            },
          },
        },
      });
    expect(changesOf(tree({ type: "string" }), tree({ type: "integer" }))).toEqual([
      `major type-changed (request, ${OP}, field a): The type of the request field \`a\` of ${OP} changed from string to integer.`,
    ]);
  });
});
