// A schema seen the way a client sees it: allOf merged, nullability read from 3.0 and 3.1 alike,
// const as a one-value enum, a single-member union collapsed (src/diff/schema-object/view.ts).
import { describe, expect, it } from "vitest";
import { changesOf, document, fieldChanges, OP, withBody } from "../documents.js";

const UNREFERENCED =
  "patch documentation (document): The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).";
const string = { type: "string" };
const integer = { type: "integer" };
const noLongerNull = `major nullable-removed (request, ${OP}, field n): The request field \`n\` of ${OP} no longer accepts \`null\`; code that sends \`null\` there must change.`;

describe("allOf, merged", () => {
  it("takes the members' properties and required fields", () => {
    const a = {
      allOf: [{ type: "object", properties: { a: string }, required: ["a"] }, { properties: { b: string } }],
    };
    const b = {
      allOf: [
        { type: "object", properties: { a: string }, required: ["a"] },
        { properties: { b: string }, required: ["b"] },
      ],
    };
    expect(fieldChanges("request", a, b)).toEqual([
      `major field-newly-required (request, ${OP}, field n.b): The request field \`n.b\` of ${OP} is now required; every call must set it.`,
    ]);
  });

  it("keeps the schema's own properties and keywords over the members'", () => {
    const own = (member: object) => ({
      type: "object",
      properties: { a: string },
      allOf: [{ properties: { a: member } }],
    });
    expect(fieldChanges("request", own(integer), own({ type: "boolean" }))).toEqual([
      `major type-changed (request, ${OP}, field n.a): The type of the request field \`n.a\` of ${OP} changed from integer to boolean.`,
    ]);
    expect(fieldChanges("request", { type: "string", allOf: [integer] }, string)).toEqual([UNREFERENCED]);
    expect(fieldChanges("request", { allOf: [string] }, { allOf: [integer] })).toEqual([
      `major type-changed (request, ${OP}, field n): The type of the request field \`n\` of ${OP} changed from string to integer.`,
    ]);
  });

  it("names a required field once", () => {
    const object = { type: "object", properties: { a: string }, required: ["a"] };
    expect(fieldChanges("request", { ...object, allOf: [{ required: ["a"] }] }, object)).toEqual([UNREFERENCED]);
  });
});

describe("nullability, from 3.0 and 3.1 alike", () => {
  it("reads `null` in a list of types, `const: null`, `null` in an enum and a null member of a union", () => {
    expect(fieldChanges("request", { type: ["string", "null"] }, string)).toEqual([noLongerNull]);
    expect(fieldChanges("request", { type: ["string", "integer", "null"] }, { type: ["string", "integer"] })).toEqual([
      noLongerNull,
    ]);
    expect(fieldChanges("request", { enum: ["a", null] }, { enum: ["a"] })).toEqual([noLongerNull]);
    expect(fieldChanges("request", { anyOf: [string, { enum: [null] }] }, string)).toEqual([noLongerNull]);
    expect(fieldChanges("request", { anyOf: [{ ...string, nullable: true }] }, string)).toEqual([noLongerNull]);
    expect(fieldChanges("request", { const: null }, string)).toEqual([
      noLongerNull,
      `major type-narrowed (request, ${OP}, field n): The type of the request field \`n\` of ${OP} narrowed from any type to string; code that sends other types there must change.`,
    ]);
  });

  it("sees `null` alone the same as a list of it", () => {
    expect(fieldChanges("request", { type: "null" }, { type: ["null"] })).toEqual([UNREFERENCED]);
  });
});

describe("const and single-member unions", () => {
  it("reads `const` as a one-value enum", () => {
    expect(fieldChanges("response", { const: "a" }, { const: "b" })).toEqual([
      `major enum-value-added (response, ${OP}, field n): The response (200) field \`n\` of ${OP} can now be \`b\`; code that switches over its values must handle it.`,
      `minor enum-value-removed (response, ${OP}, field n): The response (200) field \`n\` of ${OP} is no longer \`a\`.`,
    ]);
  });

  it("collapses a union of one member and null into the member, its default kept", () => {
    const nullable = (extra: object) => ({ anyOf: [string, { type: "null" }], ...extra });
    expect(fieldChanges("request", nullable({ default: "a" }), nullable({ default: "b" }))).toEqual([
      `patch documentation (request, ${OP}, field n): The default of the request field \`n\` of ${OP} changed from \`"a"\` to \`"b"\`.`,
    ]);
    expect(fieldChanges("request", nullable({ discriminator: { propertyName: "k" } }), nullable({}))).toEqual([
      UNREFERENCED,
    ]);
  });

  it("compares a single member reached through a $ref with what it refers to", () => {
    const spec = (a: object) =>
      document(
        withBody("request", { type: "object", properties: { n: { anyOf: [{ $ref: "#/components/schemas/A" }] } } }),
        {
          components: { schemas: { A: a } },
        },
      );
    expect(changesOf(spec(string), spec(integer))).toEqual([
      `major type-changed (request, ${OP}, field n): The type of the request field \`n\` of ${OP} changed from string to integer.`,
    ]);
  });
});
