// Constraints narrowed and widened (src/diff/schema-object/constraints.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "../corpus.js";
import { fieldChanges, OP } from "../documents.js";
import { CASES } from "./constraints.cases.js";

describe("constraints narrowed and widened", () => describeCorpus(CASES));

/** The one change of the field `n` of PATCH /x from `a` to `b`, on `side`. */
const one = (side: "request" | "response", a: object, b: object): string => {
  const changes = fieldChanges(side, a, b);
  expect(changes).toHaveLength(1);
  return changes[0] ?? "";
};

describe("constraints, keyword by keyword, on small documents", () => {
  const integer = { type: "integer" };
  const string = { type: "string" };
  const array = { type: "array", items: string };
  const object = { type: "object" };

  it("a larger lower bound or a smaller upper bound narrows; the reverse widens", () => {
    const bounds = [
      ["minimum", integer, "widened"],
      ["maximum", integer, "narrowed"],
      ["minLength", string, "widened"],
      ["maxLength", string, "narrowed"],
      ["minItems", array, "widened"],
      ["maxItems", array, "narrowed"],
      ["minProperties", object, "widened"],
      ["maxProperties", object, "narrowed"],
    ] as const;
    for (const [keyword, schema, how] of bounds) {
      const bump = how === "narrowed" ? "major" : "minor";
      expect(one("request", { ...schema, [keyword]: 5 }, { ...schema, [keyword]: 3 })).toBe(
        `${bump} constraint-${how} (request, ${OP}, field n): The ${keyword} of the request field \`n\` of ${OP} changed from 5 to 3.`,
      );
    }
  });

  it("a bound removed widens, on the response side too", () => {
    expect(one("response", { ...integer, maximum: 5 }, integer)).toBe(
      `major constraint-widened (response, ${OP}, field n): The response (200) field \`n\` of ${OP} lost the limit maximum 5.`,
    );
  });

  it("pattern, format and multipleOf: added narrows, removed widens, changed is unrelated", () => {
    expect(one("request", string, { ...string, pattern: "^a" })).toBe(
      `major constraint-narrowed (request, ${OP}, field n): The request field \`n\` of ${OP} gained the pattern \`^a\`.`,
    );
    expect(one("request", { ...string, pattern: "^a" }, string)).toBe(
      `minor constraint-widened (request, ${OP}, field n): The request field \`n\` of ${OP} lost the pattern \`^a\`.`,
    );
    expect(one("request", { ...string, pattern: "^a" }, { ...string, pattern: "^b" })).toBe(
      `major constraint-changed (request, ${OP}, field n): The pattern of the request field \`n\` of ${OP} changed from \`^a\` to \`^b\`.`,
    );
    expect(one("request", string, { ...string, format: "uuid" })).toBe(
      `major constraint-narrowed (request, ${OP}, field n): The request field \`n\` of ${OP} gained the format \`uuid\`.`,
    );
    expect(one("request", { ...integer, multipleOf: 2 }, { ...integer, multipleOf: 4 })).toBe(
      `major constraint-changed (request, ${OP}, field n): The multipleOf of the request field \`n\` of ${OP} changed from \`2\` to \`4\`.`,
    );
  });

  it("reads 3.0's boolean exclusive bounds with their bound, and 3.1's numbers", () => {
    expect(one("request", { ...integer, minimum: 1 }, { ...integer, minimum: 1, exclusiveMinimum: true })).toBe(
      `major constraint-narrowed (request, ${OP}, field n): The request field \`n\` of ${OP} gained the limit exclusiveMinimum 1.`,
    );
    // The boolean did not change: the bound's own check reports the move, once.
    expect(
      one(
        "request",
        { ...integer, minimum: 1, exclusiveMinimum: true },
        { ...integer, minimum: 2, exclusiveMinimum: true },
      ),
    ).toBe(
      `major constraint-narrowed (request, ${OP}, field n): The minimum of the request field \`n\` of ${OP} changed from 1 to 2.`,
    );
    expect(one("request", { ...integer, maximum: 10, exclusiveMaximum: true }, { ...integer, maximum: 10 })).toBe(
      `minor constraint-widened (request, ${OP}, field n): The request field \`n\` of ${OP} lost the limit exclusiveMaximum 10.`,
    );
    expect(one("request", { ...integer, exclusiveMaximum: 10 }, { ...integer, exclusiveMaximum: 5 })).toBe(
      `major constraint-narrowed (request, ${OP}, field n): The exclusiveMaximum of the request field \`n\` of ${OP} changed from 10 to 5.`,
    );
  });

  it("uniqueItems added narrows, removed widens", () => {
    expect(one("request", array, { ...array, uniqueItems: true })).toBe(
      `major constraint-narrowed (request, ${OP}, field n): The request field \`n\` of ${OP} must now hold unique items.`,
    );
    expect(one("response", { ...array, uniqueItems: true }, array)).toBe(
      `major constraint-widened (response, ${OP}, field n): The response (200) field \`n\` of ${OP} may now hold repeated items.`,
    );
  });

  it("readOnly or writeOnly toggled changes the type on its side", () => {
    expect(one("request", string, { ...string, readOnly: true })).toBe(
      `major access-changed (request, ${OP}, field n): The request field \`n\` of ${OP} became readOnly.`,
    );
    expect(one("response", { ...string, writeOnly: true }, string)).toBe(
      `major access-changed (response, ${OP}, field n): The response (200) field \`n\` of ${OP} is no longer writeOnly.`,
    );
  });
});
