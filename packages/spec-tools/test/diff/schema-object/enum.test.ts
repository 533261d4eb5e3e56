// Enums: values added and removed, on each side (src/diff/schema-object/enum.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "../corpus.js";
import { fieldChanges, OP } from "../documents.js";
import { CASES } from "./enum.cases.js";

describe("enums: values added and removed, on each side", () => describeCorpus(CASES));

describe("enums, on small documents", () => {
  const string = { type: "string" };

  it("an enum dropped widens; one added where there was none narrows", () => {
    expect(fieldChanges("request", { ...string, enum: ["a"] }, string)).toEqual([
      `minor enum-removed (request, ${OP}, field n): The request field \`n\` of ${OP} is no longer limited to \`a\`.`,
    ]);
    expect(fieldChanges("response", string, { ...string, enum: ["a", "b"] })).toEqual([
      `minor enum-added (response, ${OP}, field n): The response (200) field \`n\` of ${OP} is now limited to \`a\`, \`b\`.`,
    ]);
  });

  it("values added and removed at once are two changes", () => {
    expect(fieldChanges("response", { ...string, enum: ["a", "b"] }, { ...string, enum: ["b", "c"] })).toEqual([
      `major enum-value-added (response, ${OP}, field n): The response (200) field \`n\` of ${OP} can now be \`c\`; code that switches over its values must handle it.`,
      `minor enum-value-removed (response, ${OP}, field n): The response (200) field \`n\` of ${OP} is no longer \`a\`.`,
    ]);
  });
});
