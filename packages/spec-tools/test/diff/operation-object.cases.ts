// The corpus cases of src/diff/operation-object.ts: an operation's documentation.
import { CALD, type CorpusCase, RETELL, VERBEX } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "description only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[RETELL].patch.description = "Update the agents bound to a purchased phone number.";
    },
  },
  {
    vendor: "verbex",
    name: "summary only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[VERBEX].patch.summary = "Update a phone number";
    },
  },
  {
    vendor: "retell",
    name: "code sample only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[RETELL].patch["x-codeSamples"][0].source = "// new sample";
    },
  },
  {
    vendor: "retell",
    name: "operationId changed (renames the exported operations entry)",
    bump: "major",
    kind: "operation-id-changed",
    patch: (d) => {
      d.paths[RETELL].patch.operationId = "updateNumber";
    },
  },
  {
    vendor: "cald",
    name: "an operation key the classifier does not know changed",
    bump: "major",
    kind: "unclassified",
    patch: (d) => {
      d.paths[CALD].patch.callbacksV2 = { onUpdate: true };
    },
  },
];
