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
  },
];
