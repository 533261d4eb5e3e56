// Array items (src/diff/schema-object/array.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "../corpus.js";
import { fieldChanges, OP } from "../documents.js";
import { CASES } from "./array.cases.js";

describe("array items typed, untyped, compared", () => describeCorpus(CASES));

describe("array items, on small documents", () => {
  it("items typed where they were not narrow", () => {
    expect(fieldChanges("request", { type: "array" }, { type: "array", items: { type: "string" } })).toEqual([
      `major items-added (request, ${OP}, field n): The items of the request field \`n\` of ${OP} are now typed.`,
    ]);
  });
});
