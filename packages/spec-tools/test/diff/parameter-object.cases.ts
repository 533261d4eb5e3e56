// The corpus cases of src/diff/parameter-object.ts: parameters: required headers added, removed, their values changed; optional parameters.
import { type CorpusCase, cartesiaOp, type Doc, RETELL, vogentOp } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "cartesia",
    name: "required header value changed (Cartesia-Version)",
    bump: "major",
    kind: "enum-value-removed",
    patch: (d) => {
      const s = d.components.parameters.CartesiaVersionHeader.schema;
      s.enum = ["2026-06-01"];
      s.example = "2026-06-01";
    },
  },
  {
    vendor: "cartesia",
    name: "required header allowed values widened",
    bump: "minor",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.parameters.CartesiaVersionHeader.schema.enum.push("2026-06-01");
    },
  },
  {
    vendor: "retell",
    name: "required header added",
    bump: "major",
    kind: "required-header-added",
    patch: (d) => {
      d.paths[RETELL].patch.parameters.push({
        in: "header",
        name: "Retell-Version",
        required: true,
        schema: { type: "string", enum: ["2026-01-01"] },
      });
    },
  },
  {
    vendor: "cartesia",
    name: "required header removed",
    bump: "minor",
    kind: "required-header-removed",
    patch: (d) => {
      cartesiaOp(d).parameters = cartesiaOp(d).parameters.filter((p: Doc) => !p.$ref);
    },
  },
  {
    vendor: "vogent",
    name: "optional query parameter added",
    bump: "minor",
    kind: "parameter-added-optional",
    patch: (d) => {
      vogentOp(d).parameters.push({ in: "query", name: "dryRun", schema: { type: "boolean" } });
    },
  },
];
