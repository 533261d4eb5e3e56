// The corpus cases of src/diff/header-object.ts: response headers added and removed.
import { CALD, type CorpusCase } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "cald",
    name: "response header added",
    bump: "minor",
    kind: "response-header-added",
    patch: (d) => {
      d.paths[CALD].patch.responses["200"].headers = { "X-Request-Id": { schema: { type: "string" } } };
    },
    changes: [
      "minor response-header-added (response, PATCH /phonenumbers/{phoneNumberId}): The response (200) header `X-Request-Id` of PATCH /phonenumbers/{phoneNumberId} was added.",
    ],
  },
  {
    vendor: "cald",
    name: "response header removed",
    bump: "major",
    kind: "response-header-removed",
    base: (d) => {
      d.paths[CALD].patch.responses["200"].headers = { "X-Request-Id": { schema: { type: "string" } } };
    },
    patch: (d) => {
      delete d.paths[CALD].patch.responses["200"].headers;
    },
    changes: [
      "major response-header-removed (response, PATCH /phonenumbers/{phoneNumberId}): The response (200) header `X-Request-Id` of PATCH /phonenumbers/{phoneNumberId} was removed; code that reads it must change.",
    ],
  },
];
