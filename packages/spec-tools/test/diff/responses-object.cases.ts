// The corpus cases of src/diff/responses-object.ts: responses: error responses added and removed, the success status changed.
import { CALD, type CorpusCase, vogentOp } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "vogent",
    name: "error response removed (422)",
    bump: "minor",
    kind: "error-response-removed",
    patch: (d) => {
      delete vogentOp(d).responses["422"];
    },
    changes: [
      "minor error-response-removed (response, PUT /phone_numbers/{id}): PUT /phone_numbers/{id} no longer declares the 422 response.",
    ],
  },
  {
    vendor: "cald",
    name: "error response added (401)",
    bump: "minor",
    kind: "error-response-added",
    patch: (d) => {
      d.paths[CALD].patch.responses["401"] = { description: "Unauthorized" };
    },
    changes: [
      "minor error-response-added (response, PATCH /phonenumbers/{phoneNumberId}): PATCH /phonenumbers/{phoneNumberId} now declares the 401 response.",
    ],
  },
  {
    vendor: "vogent",
    name: "success status changed to one without the body (200 to 204)",
    bump: "major",
    kind: "success-status-changed",
    facade: true,
    patch: (d) => {
      delete vogentOp(d).responses["200"];
      vogentOp(d).responses["204"] = { description: "Updated" };
    },
    changes: [
      "major success-status-changed (response, PUT /phone_numbers/{id}): The success status of PUT /phone_numbers/{id} changed from 200 to 204 without a body; code that reads the 200 response must change.",
    ],
  },
];
