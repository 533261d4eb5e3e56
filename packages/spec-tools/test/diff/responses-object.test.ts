// Responses: error responses added and removed, the success status changed (src/diff/responses-object.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { changesOf, document, OP } from "./documents.js";
import { CASES } from "./responses-object.cases.js";

describe("responses: error responses added and removed, the success status changed", () => describeCorpus(CASES));

describe("responses, on small documents", () => {
  const json = (schema: object = { type: "object" }) => ({ content: { "application/json": { schema } } });
  const response = (body: object | false, extra: object = {}) => ({
    description: "ok",
    ...(body ? body : {}),
    ...extra,
  });
  const responses = (all: object) => document({ responses: all });

  it("a success response that loses its body, or is removed with no other in its place, breaks", () => {
    expect(changesOf(responses({ "200": response(json()) }), responses({ "200": response(false) }))).toEqual([
      `major success-body-removed (response, ${OP}): The 200 response of ${OP} no longer has a body; code that reads it must change.`,
    ]);
    const error = { "400": response(false) };
    expect(changesOf(responses({ "200": response(json()), ...error }), responses(error))).toEqual([
      `major success-response-removed (response, ${OP}): The 200 response of ${OP} was removed; code that reads it must change.`,
    ]);
  });

  it("compares the body of a success status that changed with the new one's", () => {
    const field = (type: string) => json({ type: "object", properties: { a: { type } } });
    expect(
      changesOf(responses({ "200": response(field("string")) }), responses({ "201": response(field("integer")) })),
    ).toEqual([
      `major success-status-changed (response, ${OP}): The success status of ${OP} changed from 200 to 201; code that reads the 200 response must change.`,
      `major type-changed (response, ${OP}, field a): The type of the response (201) field \`a\` of ${OP} changed from string to integer.`,
    ]);
    const xml = { description: "ok", content: { "application/xml": { schema: {} } } };
    expect(changesOf(responses({ "200": response(json()) }), responses({ "201": xml }))).toEqual([
      `major success-status-changed (response, ${OP}): The success status of ${OP} changed from 200 to 201; code that reads the 200 response must change.`,
      `major media-type-removed (response, ${OP}): The 201 response body of ${OP} is no longer application/json.`,
      `minor media-type-added (response, ${OP}): The 201 response body of ${OP} can now also be application/xml.`,
    ]);
  });

  it("adds a success response only when none was removed beside it", () => {
    expect(
      changesOf(responses({ "200": response(json()) }), responses({ "200": response(json()), "202": response(false) })),
    ).toEqual([`minor success-response-added (response, ${OP}): ${OP} now declares the 202 response.`]);
    const before = responses({ "200": response(json()), "201": response(json()) });
    expect(changesOf(before, responses({ "200": response(json()), "202": response(json()) }))).toEqual([
      `major success-status-changed (response, ${OP}): The success status of ${OP} changed from 201 to 202; code that reads the 201 response must change.`,
    ]);
  });

  it("reports a response's documentation on the response side", () => {
    expect(
      changesOf(
        responses({ "200": response(json()) }),
        responses({ "200": response(json(), { description: "Done." }) }),
      ),
    ).toEqual([
      `patch documentation (response, ${OP}): The description of the 200 response of ${OP} changed (documentation only).`,
    ]);
  });
});
