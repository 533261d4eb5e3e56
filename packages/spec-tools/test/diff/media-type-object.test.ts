// Media types of request and response bodies (src/diff/media-type-object.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { changesOf, document, OP } from "./documents.js";
import { CASES } from "./media-type-object.cases.js";

describe("media types of a body added and removed", () => describeCorpus(CASES));

describe("media types, on small documents", () => {
  it("reports a media type's documentation on its side", () => {
    const body = (extra: object) =>
      document({ requestBody: { content: { "application/json": { schema: {}, ...extra } } } });
    expect(changesOf(body({}), body({ example: {} }))).toEqual([
      `patch documentation (request, ${OP}): The example of the request body of ${OP} changed (documentation only).`,
    ]);
  });
});
