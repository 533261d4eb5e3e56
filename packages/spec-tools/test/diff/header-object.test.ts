// Response headers added and removed (src/diff/header-object.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { changesOf, document, OP } from "./documents.js";
import { CASES } from "./header-object.cases.js";

describe("response headers added and removed", () => describeCorpus(CASES));

const UNREFERENCED =
  "patch documentation (document): The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).";

describe("response headers, on small documents", () => {
  const withHeaders = (headers: object) =>
    document({ responses: { "200": { description: "ok", content: { "application/json": { schema: {} } }, headers } } });
  const rate = (extra: object = {}, type = "integer") => ({ "X-Rate": { schema: { type }, ...extra } });

  it("matches header names in any case", () => {
    expect(changesOf(withHeaders(rate()), withHeaders({ "x-rate": { schema: { type: "integer" } } }))).toEqual([
      UNREFERENCED,
    ]);
  });

  it("a header always sent is a minor change; one that may now be absent breaks", () => {
    expect(changesOf(withHeaders(rate()), withHeaders(rate({ required: true })))).toEqual([
      `minor response-header-newly-required (response, ${OP}): The response (200) header \`X-Rate\` of ${OP} is now always sent.`,
    ]);
    expect(changesOf(withHeaders(rate({ required: true })), withHeaders(rate()))).toEqual([
      `major response-header-no-longer-required (response, ${OP}): The response (200) header \`X-Rate\` of ${OP} may now be absent.`,
    ]);
  });

  it("compares a header's documentation and schema", () => {
    expect(changesOf(withHeaders(rate()), withHeaders(rate({ description: "Calls left." }, "string")))).toEqual([
      `patch documentation (response, ${OP}): The description of the response (200) header \`X-Rate\` of ${OP} changed (documentation only).`,
      `major type-changed (response, ${OP}): The type of the response (200) header \`X-Rate\` of ${OP} changed from integer to string.`,
    ]);
  });
});
