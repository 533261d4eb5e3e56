// The corpus cases of src/diff/schema-object/array.ts: array items typed, untyped, compared.
import { type CorpusCase, retellBody, retellResponse } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "request array items no longer typed (the client may send anything)",
    bump: "minor",
    kind: "items-removed",
    facade: true,
    patch: (d) => {
      delete retellBody(d).properties.inbound_agents.items;
    },
  },
  {
    vendor: "retell",
    name: "response array items no longer typed (code that reads them breaks)",
    bump: "major",
    kind: "items-removed",
    patch: (d) => {
      delete retellResponse(d).properties.allowed_inbound_country_list.items;
    },
  },
  {
    vendor: "retell",
    name: "response array items narrowed (string to an enum)",
    bump: "minor",
    kind: "enum-added",
    patch: (d) => {
      retellResponse(d).properties.allowed_inbound_country_list.items.enum = ["US", "CA"];
    },
  },
];
