// Types: widened, narrowed, changed to an unrelated type (src/diff/schema-object/type.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "../corpus.js";
import { fieldChanges, OP } from "../documents.js";
import { CASES } from "./type.cases.js";

describe("types: widened, narrowed, changed to an unrelated type", () => describeCorpus(CASES));

describe("types, on small documents", () => {
  const string = { type: "string" };
  const changed = (from: string) =>
    `major type-changed (request, ${OP}, field n): The type of the request field \`n\` of ${OP} changed from ${from} to string.`;

  it("reads the type of a schema without one from its properties or its items", () => {
    expect(fieldChanges("request", { properties: { a: string } }, string)).toEqual([changed("object")]);
    expect(fieldChanges("request", { additionalProperties: string }, string)).toEqual([changed("object")]);
    expect(fieldChanges("request", { items: string }, string)).toEqual([changed("array")]);
  });

  it("the type dropped widens to any type; a type where there was none narrows", () => {
    expect(fieldChanges("request", string, {})).toEqual([
      `minor type-widened (request, ${OP}, field n): The type of the request field \`n\` of ${OP} widened from string to any type.`,
    ]);
    expect(fieldChanges("response", {}, string)).toEqual([
      `minor type-narrowed (response, ${OP}, field n): The type of the response (200) field \`n\` of ${OP} narrowed from any type to string.`,
    ]);
  });

  it("compares lists of types as sets, named in order", () => {
    expect(
      fieldChanges("request", { type: ["string", "integer"] }, { type: ["string", "integer", "boolean"] }),
    ).toEqual([
      `minor type-widened (request, ${OP}, field n): The type of the request field \`n\` of ${OP} widened from integer | string to boolean | integer | string.`,
    ]);
    expect(fieldChanges("request", { type: ["string", "integer"] }, { type: ["boolean", "array"] })).toEqual([
      `major type-changed (request, ${OP}, field n): The type of the request field \`n\` of ${OP} changed from integer | string to array | boolean.`,
    ]);
  });
});
