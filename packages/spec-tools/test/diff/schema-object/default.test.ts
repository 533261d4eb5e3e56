// Defaults (src/diff/schema-object/default.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "../corpus.js";
import { bodyChanges, fieldChanges, OP } from "../documents.js";
import { CASES } from "./default.cases.js";

describe("defaults: documentation on the request side, the generated type on the response side", () =>
  describeCorpus(CASES));

describe("defaults, on small documents", () => {
  const string = { type: "string" };

  it("names the whole path of a nested optional response field that gains a default", () => {
    const body = (b: object) => ({ type: "object", properties: { a: { type: "object", properties: { b } } } });
    expect(bodyChanges("response", body(string), body({ ...string, default: "x" }))).toEqual([
      `minor default-added (response, ${OP}, field a.b): The response (200) field \`a.b\` of ${OP} now has a default (\`"x"\`), so the generated type always has it.`,
    ]);
  });

  it("only documents a default on the request side, or on a required response field", () => {
    expect(fieldChanges("request", { ...string, default: "x" }, string)).toEqual([
      `patch documentation (request, ${OP}, field n): The default of the request field \`n\` of ${OP} changed from \`"x"\` to none.`,
    ]);
    expect(fieldChanges("request", { ...string, default: "x" }, { ...string, default: "y" })).toEqual([
      `patch documentation (request, ${OP}, field n): The default of the request field \`n\` of ${OP} changed from \`"x"\` to \`"y"\`.`,
    ]);
    expect(fieldChanges("response", string, { ...string, default: "x" }, true)).toEqual([
      `patch documentation (response, ${OP}, field n): The default of the response (200) field \`n\` of ${OP} changed from none to \`"x"\`.`,
    ]);
  });
});
