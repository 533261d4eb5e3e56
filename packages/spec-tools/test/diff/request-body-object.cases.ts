// The corpus cases of src/diff/request-body-object.ts: the request body added, removed, required.
import { type CorpusCase, VOGENT, vogentOp } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "vogent",
    name: "request body no longer required",
    bump: "minor",
    kind: "request-body-no-longer-required",
    patch: (d) => {
      vogentOp(d).requestBody.required = false;
    },
    changes: [
      "minor request-body-no-longer-required (request, PUT /phone_numbers/{id}): The request body of PUT /phone_numbers/{id} is no longer required.",
    ],
  },
  {
    vendor: "vogent",
    name: "request body removed (mapped by the facade)",
    bump: "major",
    kind: "request-body-removed",
    facade: true,
    patch: (d) => {
      delete d.paths[VOGENT].put.requestBody;
    },
    changes: [
      "major request-body-removed (request, PUT /phone_numbers/{id}): PUT /phone_numbers/{id} no longer takes a request body; code that sends one no longer compiles.",
    ],
  },
];
