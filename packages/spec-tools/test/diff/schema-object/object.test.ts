// Objects: fields added, removed, renamed, required or no longer (src/diff/schema-object/object.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "../corpus.js";
import { bodyChanges, changesOf, document, fieldChanges, OP, withBody } from "../documents.js";
import { CASES } from "./object.cases.js";

describe("objects: fields added, removed, renamed, required or no longer", () => describeCorpus(CASES));

describe("objects, on small documents", () => {
  const string = { type: "string" };
  const integer = { type: "integer" };
  const object = (properties: object, extra: object = {}) => ({ type: "object", properties, ...extra });
  const renamed = (from: string, to: string) =>
    `major field-renamed (request, ${OP}, field ${from}, renamed to ${to}, was optional): The request field \`${from}\` of ${OP} was renamed to \`${to}\`; code that sets \`${from}\` must use \`${to}\`.`;
  const removedAndAdded = [
    `major field-removed (request, ${OP}, field a, was optional): The request field \`a\` of ${OP} was removed; code that sets it no longer compiles.`,
    `minor field-added-optional (request, ${OP}, field b): The request field \`b\` of ${OP} was added (optional).`,
  ];

  it("a field removed and one added with the same schema, documentation aside, are a rename", () => {
    expect(
      bodyChanges(
        "request",
        object({ a: { ...string, description: "A" } }),
        object({ b: { ...string, description: "B", example: "x" } }),
      ),
    ).toEqual([renamed("a", "b")]);
    expect(bodyChanges("request", object({ a: object({ x: string }) }), object({ b: object({ x: string }) }))).toEqual([
      renamed("a", "b"),
    ]);
    expect(
      bodyChanges(
        "request",
        object({ a: { type: "array", items: string } }),
        object({ b: { type: "array", items: string } }),
      ),
    ).toEqual([renamed("a", "b")]);
    expect(
      bodyChanges("request", object({ a: { anyOf: [string, integer] } }), object({ b: { anyOf: [string, integer] } })),
    ).toEqual([renamed("a", "b")]);
    const spec = (properties: object) =>
      document(withBody("request", object(properties)), { components: { schemas: { A: string } } });
    expect(changesOf(spec({ a: { $ref: "#/components/schemas/A" } }), spec({ b: string }))).toEqual([
      renamed("a", "b"),
    ]);
  });

  it("is no rename when the fields' properties, items, members, nullability or requiredness differ", () => {
    expect(bodyChanges("request", object({ a: object({ x: string }) }), object({ b: object({ x: integer }) }))).toEqual(
      removedAndAdded,
    );
    expect(
      bodyChanges(
        "request",
        object({ a: { type: "array", items: string } }),
        object({ b: { type: "array", items: integer } }),
      ),
    ).toEqual(removedAndAdded);
    expect(
      bodyChanges(
        "request",
        object({ a: { anyOf: [string, integer] } }),
        object({ b: { anyOf: [string, { type: "boolean" }] } }),
      ),
    ).toEqual(removedAndAdded);
    expect(bodyChanges("request", object({ a: string }), object({ b: { ...string, nullable: true } }))).toEqual(
      removedAndAdded,
    );
    expect(bodyChanges("request", object({ a: string }, { required: ["a"] }), object({ b: string }))).toEqual([
      `major field-removed (request, ${OP}, field a, was required): The request field \`a\` of ${OP} was removed; code that sets it no longer compiles.`,
      `minor field-added-optional (request, ${OP}, field b): The request field \`b\` of ${OP} was added (optional).`,
    ]);
  });

  it("renames each added field once, and looks six levels deep", () => {
    expect(bodyChanges("request", object({ a: string, b: string }), object({ c: string }))).toEqual([
      renamed("a", "c"),
      `major field-removed (request, ${OP}, field b, was optional): The request field \`b\` of ${OP} was removed; code that sets it no longer compiles.`,
    ]);
    expect(bodyChanges("request", object({ a: string, b: integer }), object({ c: integer, d: string }))).toEqual([
      renamed("a", "d"),
      renamed("b", "c"),
    ]);
    const deep = (leaf: object) =>
      object({ b: object({ c: object({ d: object({ e: object({ f: object({ g: object({ h: leaf }) }) }) }) }) }) });
    expect(bodyChanges("request", object({ a: deep(string) }), object({ z: deep(integer) }))).toEqual([
      renamed("a", "z"),
    ]);
  });

  it("additionalProperties: false added narrows, removed widens; a typed one is compared, added or dropped", () => {
    const open = (additionalProperties?: unknown) => ({
      type: "object",
      ...(additionalProperties === undefined ? {} : { additionalProperties }),
    });
    expect(fieldChanges("request", open(), open(false))).toEqual([
      `major additional-properties-closed (request, ${OP}, field n): The request field \`n\` of ${OP} no longer accepts fields it does not declare.`,
    ]);
    expect(fieldChanges("response", open(false), open())).toEqual([
      `major additional-properties-opened (response, ${OP}, field n): The response (200) field \`n\` of ${OP} now allows fields it does not declare.`,
    ]);
    expect(fieldChanges("request", open(false), open(string))).toEqual([
      `minor additional-properties-opened (request, ${OP}, field n): The request field \`n\` of ${OP} now allows fields it does not declare.`,
    ]);
    expect(fieldChanges("request", open(true), open({}))).toEqual([
      "patch documentation (document): The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).",
    ]);
    expect(fieldChanges("request", open(string), open(integer))).toEqual([
      `major type-changed (request, ${OP}, field n.*): The type of the request field \`n.*\` of ${OP} changed from string to integer.`,
    ]);
    expect(fieldChanges("request", open(), open(string))).toEqual([
      `major additional-properties-narrowed (request, ${OP}, field n): The extra fields allowed in the request field \`n\` of ${OP} changed.`,
    ]);
    expect(fieldChanges("response", open(string), open(true))).toEqual([
      `major additional-properties-widened (response, ${OP}, field n): The extra fields allowed in the response (200) field \`n\` of ${OP} changed.`,
    ]);
  });
});
