// The classifier as a whole (src/diff/index.ts), and the corpus taken together.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../src/diff/index.js";
import { RULES, SUMMARY_ROWS } from "../../src/diff/rules.js";
import { ALL_CASES } from "./cases.js";
import { type Doc, SPECS, VENDORS } from "./corpus.js";
import { changesOf, document, OP } from "./documents.js";

describe("the classifier", () => {
  it("finds nothing between a spec and itself", () => {
    for (const vendor of VENDORS) expect(diffSpecs(SPECS[vendor], structuredClone(SPECS[vendor])).changes).toEqual([]);
  });

  it("calls a change to components no operation uses documentation only", () => {
    const after = structuredClone(SPECS.retell ?? {});
    after.components.schemas.Unused = { type: "string" };
    expect(diffSpecs(SPECS.retell, after)).toMatchObject({
      bump: "patch",
      changes: [{ kind: "documentation", side: "document" }],
    });
  });

  it("says a finding once when the same schema repeats it at one place (two media types of a body)", () => {
    const body = (properties: Doc) => ({
      requestBody: {
        content: {
          "application/json": { schema: { $ref: "#/components/schemas/Body" } },
          "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Body" } },
        },
      },
      components: { schemas: { Body: { type: "object", properties } } },
    });
    const spec = (properties: Doc) => {
      const { components, ...operation } = body(properties);
      return document(operation, { components });
    };
    expect(changesOf(spec({ a: { type: "string" }, b: { type: "string" } }), spec({ a: { type: "string" } }))).toEqual([
      `major field-removed (request, ${OP}, field b, was optional): The request field \`b\` of ${OP} was removed; code that sets it no longer compiles.`,
    ]);
  });

  it("lets an error other than a reference to nothing through (a bug, not a document to report on)", () => {
    const header = (name: unknown) => document({ parameters: [{ in: "header", name, schema: { type: "string" } }] });
    expect(() => diffSpecs(header(42), header(43))).toThrow(TypeError);
  });

  it("treats a document whose $ref leads nowhere as breaking, naming the reference, and reports nothing else", () => {
    const after = structuredClone(SPECS.cald ?? {});
    after.paths["/phonenumbers/{phoneNumberId}"].patch.responses["200"].content["application/json"].schema = {
      $ref: "#/components/schemas/Gone",
    };
    const { changes, bump } = diffSpecs(SPECS.cald, after);
    expect(bump).toBe("major");
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "unclassified", side: "document" });
    expect(changes[0]?.sentence).toMatch(/\$ref #\/components\/schemas\/Gone points at nothing/);
  });
});

describe("the corpus", () => {
  it("has more than 25 changes over all five vendors, each named once", () => {
    expect(ALL_CASES.length).toBeGreaterThan(25);
    expect(new Set(ALL_CASES.map((c) => c.vendor))).toEqual(new Set(VENDORS));
    expect(new Set(ALL_CASES.map((c) => `${c.vendor}: ${c.name}`)).size).toBe(ALL_CASES.length);
  });

  it("has a case for every row of the contract's summary table", () => {
    const kinds = new Set(ALL_CASES.map((c) => c.kind));
    const rows = SUMMARY_ROWS.filter((row) =>
      Object.entries(RULES).some(([kind, rule]) => rule.summary === row && kinds.has(kind as never)),
    );
    expect(rows).toEqual([...SUMMARY_ROWS]);
  });
});
