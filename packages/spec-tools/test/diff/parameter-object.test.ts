// Parameters: required headers added, removed, their values changed; optional parameters (src/diff/parameter-object.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { changesOf, document, OP } from "./documents.js";
import { CASES } from "./parameter-object.cases.js";

describe("parameters: required headers added, removed, their values changed; optional parameters", () =>
  describeCorpus(CASES));

const UNREFERENCED =
  "patch documentation (document): The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).";

describe("parameters, on small documents", () => {
  const params = (...parameters: object[]) => document({ parameters });
  const param = (where: string, name: string, extra: object = {}) => ({
    in: where,
    name,
    schema: { type: "string" },
    ...extra,
  });
  const required = { required: true };

  it("matches header names in any case, other names exactly", () => {
    expect(changesOf(params(param("header", "X-Key")), params(param("header", "x-key")))).toEqual([UNREFERENCED]);
    expect(changesOf(params(param("query", "Page")), params(param("query", "page")))).toEqual([
      `major parameter-removed (request, ${OP}, field Page): The query parameter \`Page\` of ${OP} was removed; code that sets it no longer compiles.`,
      `minor parameter-added-optional (request, ${OP}, field page): ${OP} accepts the new optional query parameter \`page\`.`,
    ]);
  });

  it("breaks callers on any parameter removed but a required header", () => {
    expect(changesOf(params(param("header", "X-Key")), params())).toEqual([
      `major parameter-removed (request, ${OP}, field X-Key): The header parameter \`X-Key\` of ${OP} was removed; code that sets it no longer compiles.`,
    ]);
    expect(changesOf(params(param("query", "q", required)), params())).toEqual([
      `major parameter-removed (request, ${OP}, field q): The query parameter \`q\` of ${OP} was removed; code that sets it no longer compiles.`,
    ]);
  });

  it("tells a header that becomes required, or no longer, from another parameter", () => {
    expect(changesOf(params(param("query", "q")), params(param("query", "q", required)))).toEqual([
      `major parameter-newly-required (request, ${OP}, field q): The query parameter \`q\` of ${OP} is now required; every call must set it.`,
    ]);
    expect(changesOf(params(param("query", "q", required)), params(param("query", "q")))).toEqual([
      `minor parameter-no-longer-required (request, ${OP}, field q): The query parameter \`q\` of ${OP} is no longer required.`,
    ]);
    expect(changesOf(params(param("header", "X-Key")), params(param("header", "X-Key", required)))).toEqual([
      `major required-header-added (request, ${OP}, field X-Key): The header parameter \`X-Key\` of ${OP} is now required; requests without it are rejected.`,
    ]);
    expect(changesOf(params(param("header", "X-Key", required)), params(param("header", "X-Key")))).toEqual([
      `minor required-header-removed (request, ${OP}, field X-Key): The header parameter \`X-Key\` of ${OP} is no longer required.`,
    ]);
  });

  it("names the values a new required parameter allows", () => {
    expect(
      changesOf(params(), params({ in: "query", name: "v", required: true, schema: { enum: ["1", "2"] } })),
    ).toEqual([
      `major parameter-added-required (request, ${OP}, field v): ${OP} now requires the query parameter \`v\` (allowed: \`1\`, \`2\`); requests without it are rejected.`,
    ]);
    expect(changesOf(params(), params(param("header", "X-Key", required)))).toEqual([
      `major required-header-added (request, ${OP}, field X-Key): ${OP} now requires the header parameter \`X-Key\`; requests without it are rejected.`,
    ]);
  });

  it("reports a parameter's documentation as such, a keyword it does not know as unclassified, and skips one without a name", () => {
    expect(changesOf(params(param("query", "q")), params(param("query", "q", { description: "The query." })))).toEqual([
      `patch documentation (request, ${OP}): The description of the query parameter \`q\` of ${OP} changed (documentation only).`,
    ]);
    expect(
      changesOf(params(param("query", "q", { style: "form" })), params(param("query", "q", { style: "deepObject" }))),
    ).toEqual([
      `major unclassified (request, ${OP}): The query parameter \`q\` of ${OP} changed in a way phonebridge does not classify (\`style\`); treated as breaking until reviewed by hand.`,
    ]);
    expect(changesOf(params(), params({ in: "query", schema: { type: "string" } }))).toEqual([UNREFERENCED]);
  });
});
