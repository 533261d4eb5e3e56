// The corpus cases of src/diff/schema-object/default.ts: defaults, which only document on the
// request side and change the generated type of an optional response field.
import { type CorpusCase, retellBody, retellResponse } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "response default added to an optional field (the type makes it present)",
    bump: "minor",
    kind: "default-added",
    patch: (d) => {
      retellResponse(d).properties.area_code.default = 415;
    },
  },
  {
    vendor: "retell",
    name: "response default removed from an optional field (the type makes it optional)",
    bump: "major",
    kind: "default-removed",
    base: (d) => {
      retellResponse(d).properties.area_code.default = 415;
    },
    patch: (d) => {
      delete retellResponse(d).properties.area_code.default;
    },
  },
  {
    vendor: "retell",
    name: "response default changed (documentation only)",
    bump: "patch",
    kind: "documentation",
    base: (d) => {
      retellResponse(d).properties.area_code.default = 415;
    },
    patch: (d) => {
      retellResponse(d).properties.area_code.default = 650;
    },
  },
  {
    vendor: "retell",
    name: "request default added (documentation only)",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      retellBody(d).properties.nickname.default = "Front desk";
    },
  },
];
