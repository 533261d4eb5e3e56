// The request body (src/diff/request-body-object.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { changesOf, document, OP } from "./documents.js";
import { CASES } from "./request-body-object.cases.js";

describe("the request body added, removed, required or no longer", () => describeCorpus(CASES));

describe("the request body, on small documents", () => {
  const json = { content: { "application/json": { schema: { type: "object" } } } };
  const body = (requestBody?: object) => document(requestBody === undefined ? {} : { requestBody });

  it("added: a minor change when it is optional, a major one when it is required", () => {
    expect(changesOf(body(), body(json))).toEqual([
      `minor request-body-added (request, ${OP}): ${OP} now accepts a request body.`,
    ]);
    expect(changesOf(body(), body({ ...json, required: true }))).toEqual([
      `major request-body-added-required (request, ${OP}): ${OP} now requires a request body.`,
    ]);
  });

  it("becomes required, or changes its documentation", () => {
    expect(changesOf(body(json), body({ ...json, required: true }))).toEqual([
      `major request-body-newly-required (request, ${OP}): The request body of ${OP} is now required.`,
    ]);
    expect(changesOf(body(json), body({ ...json, description: "The body." }))).toEqual([
      `patch documentation (request, ${OP}): The description of the request body of ${OP} changed (documentation only).`,
    ]);
  });
});
