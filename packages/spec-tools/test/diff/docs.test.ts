// Documentation-only changes to schemas (src/diff/docs.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./docs.cases.js";
import { fieldChanges, OP } from "./documents.js";

describe("documentation-only changes to schemas", () => describeCorpus(CASES));

describe("deprecation, on small documents", () => {
  it("reports only a field that becomes deprecated as deprecated; `deprecated: false` only documents", () => {
    expect(fieldChanges("request", { type: "string" }, { type: "string", deprecated: false })).toEqual([
      `patch documentation (request, ${OP}, field n): The deprecation of the request field \`n\` of ${OP} changed (documentation only).`,
    ]);
  });

  it("reports the other documentation that changed beside a deprecation", () => {
    expect(
      fieldChanges("request", { type: "string" }, { type: "string", deprecated: true, description: "Old." }),
    ).toEqual([
      `patch deprecated (request, ${OP}): The request field \`n\` of ${OP} is now deprecated.`,
      `patch documentation (request, ${OP}, field n): The description of the request field \`n\` of ${OP} changed (documentation only).`,
    ]);
  });
});
