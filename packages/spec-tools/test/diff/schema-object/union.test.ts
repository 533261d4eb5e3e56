// Unions: members added and removed (src/diff/schema-object/union.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "../corpus.js";
import { changesOf, document, fieldChanges, OP, withBody } from "../documents.js";
import { CASES } from "./union.cases.js";

describe("unions: members added and removed", () => describeCorpus(CASES));

describe("keywords beside a union, on small documents", () => {
  it("compares the constraints, enums and defaults beside a union, and names the keywords it does not know", () => {
    const nullableString = { anyOf: [{ type: "string" }, { type: "null" }] };
    expect(fieldChanges("request", { ...nullableString, maxLength: 3 }, { ...nullableString, maxLength: 4 })).toEqual([
      `minor constraint-widened (request, ${OP}, field n): The maxLength of the request field \`n\` of ${OP} changed from 3 to 4.`,
    ]);
    const stringOrInteger = { anyOf: [{ type: "string" }, { type: "integer" }] };
    expect(fieldChanges("response", stringOrInteger, { ...stringOrInteger, enum: ["a", 1] })).toEqual([
      `minor enum-added (response, ${OP}, field n): The response (200) field \`n\` of ${OP} is now limited to \`a\`, \`1\`.`,
    ]);
    expect(fieldChanges("request", { ...stringOrInteger, default: "a" }, { ...stringOrInteger, default: 1 })).toEqual([
      `patch documentation (request, ${OP}, field n): The default of the request field \`n\` of ${OP} changed from \`"a"\` to \`1\`.`,
    ]);
    expect(fieldChanges("request", { ...stringOrInteger, contentEncoding: "a" }, stringOrInteger)).toEqual([
      `major unclassified (request, ${OP}): The request field \`n\` of ${OP} changed in a way phonebridge does not classify (\`contentEncoding\`); treated as breaking until reviewed by hand.`,
    ]);
  });
});

describe("unions, on small documents", () => {
  const string = { type: "string" };
  const integer = { type: "integer" };
  const boolean = { type: "boolean" };

  it("matches members by title, whatever their order, and names the variant", () => {
    const a = {
      anyOf: [
        { title: "A", ...string },
        { title: "B", ...integer },
      ],
    };
    const b = {
      anyOf: [
        { title: "B", ...integer, minimum: 1 },
        { title: "A", ...string },
      ],
    };
    expect(fieldChanges("request", a, b)).toEqual([
      `major constraint-narrowed (request, ${OP}, field n): The request field \`n\` (in the \`B\` variant) of ${OP} gained the limit minimum 1.`,
    ]);
  });

  it("matches members by the component they refer to", () => {
    const members = (...names: string[]) => ({
      anyOf: names.map((name) => ({ $ref: `#/components/schemas/${name}` })),
    });
    const spec = (union: object, a: object) =>
      document(withBody("response", union), {
        components: { schemas: { A: { type: "object", properties: { a } }, B: integer } },
      });
    expect(changesOf(spec(members("A", "B"), string), spec(members("B", "A"), integer))).toEqual([
      `major type-changed (response, ${OP}, field a): The type of the response (200) field \`a\` (in the \`A\` variant) of ${OP} changed from string to integer.`,
    ]);
  });

  it("matches untitled members by position, without naming a variant", () => {
    const a = { anyOf: [string, { type: "object", properties: { a: string } }] };
    const b = { anyOf: [string, { type: "object", properties: { a: integer } }] };
    expect(fieldChanges("request", a, b)).toEqual([
      `major type-changed (request, ${OP}, field n.a): The type of the request field \`n.a\` of ${OP} changed from string to integer.`,
    ]);
    const numbered = (schema: object) => ({ anyOf: [{ title: "#9", ...schema }, boolean] });
    expect(fieldChanges("request", numbered(string), numbered(integer))).toEqual([
      `major type-changed (request, ${OP}, field n): The type of the request field \`n\` of ${OP} changed from string to integer.`,
    ]);
  });

  it("a union that becomes one of its members narrows; one with no member like the other side is a new type", () => {
    expect(fieldChanges("request", { anyOf: [string, integer] }, string)).toEqual([
      `major union-member-removed (request, ${OP}, field n): The request field \`n\` of ${OP} accepts fewer types than before (it is no longer a union).`,
    ]);
    expect(fieldChanges("response", { oneOf: [string, integer, boolean] }, { oneOf: [string] })).toEqual([
      `minor union-member-removed (response, ${OP}, field n): The response (200) field \`n\` of ${OP} can be fewer types than before (it is no longer a union).`,
    ]);
    expect(fieldChanges("request", { anyOf: [string, integer] }, boolean)).toEqual([
      `major type-changed (request, ${OP}, field n): The type of the request field \`n\` of ${OP} changed from a union to a single type with no common member.`,
    ]);
    expect(fieldChanges("response", boolean, { anyOf: [string, integer] })).toEqual([
      `major type-changed (response, ${OP}, field n): The type of the response (200) field \`n\` of ${OP} changed from a single type to a union with no common member.`,
    ]);
  });

  it("keeps the description of a single type that became a union the union's own", () => {
    expect(
      fieldChanges("request", { ...string, description: "d" }, { anyOf: [string, integer], description: "d2" }),
    ).toEqual([
      `minor union-member-added (request, ${OP}, field n): The request field \`n\` of ${OP} accepts more types than before (it became a union).`,
      `patch documentation (request, ${OP}, field n): The description of the request field \`n\` of ${OP} changed (documentation only).`,
    ]);
  });
});
