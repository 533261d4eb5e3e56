// The one $ref resolver (src/openapi/ref.ts).
import { describe, expect, it } from "vitest";
import { ABSENT, formatPointer, lookup, parsePointer, resolveRef } from "../../src/openapi/ref.js";

const doc = {
  components: {
    schemas: {
      Agent: { type: "object" },
      Alias: { $ref: "#/components/schemas/Agent" },
      "a/b~c": { type: "string" },
      Loop: { $ref: "#/components/schemas/Loop2" },
      Loop2: { $ref: "#/components/schemas/Loop" },
    },
  },
};

describe("the $ref resolver", () => {
  it("follows chains of local references and names the last component", () => {
    expect(resolveRef(doc, { $ref: "#/components/schemas/Alias" })).toEqual({
      node: { type: "object" },
      name: "Agent",
    });
    expect(resolveRef(doc, { $ref: "#/components/schemas/a~1b~0c" })).toEqual({
      node: { type: "string" },
      name: "a/b~c",
    });
    expect(resolveRef(doc, { type: "integer" })).toEqual({ node: { type: "integer" } });
  });

  it("refuses what is not a local reference to something, naming the reference", () => {
    expect(() => resolveRef(doc, { $ref: "#/components/schemas/Gone" })).toThrow(
      /\$ref #\/components\/schemas\/Gone points at nothing/,
    );
    expect(() => resolveRef(doc, { $ref: "other.yaml#/x" })).toThrow(
      /only local \$refs are supported \(other.yaml#\/x\)/,
    );
    expect(() => resolveRef(doc, { $ref: "#/components/schemas/Loop" })).toThrow(/circular \$ref/);
  });

  it("reads JSON Pointers both ways, own properties only", () => {
    expect(parsePointer("/a~1b/c~0d")).toEqual(["a/b", "c~d"]);
    expect(formatPointer(["a/b", "c~d"])).toBe("/a~1b/c~0d");
    expect(lookup(doc, ["components", "schemas", "Agent", "type"])).toBe("object");
    expect(lookup(doc, ["components", "toString"])).toBe(ABSENT);
    expect(() => parsePointer("a/b")).toThrow(/not a JSON Pointer/);
  });
});
