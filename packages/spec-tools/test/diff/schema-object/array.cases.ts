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
    changes: [
      "minor items-removed (request, PATCH /update-phone-number/{phone_number}, field inbound_agents): The items of the request field `inbound_agents` of PATCH /update-phone-number/{phone_number} are no longer typed.",
    ],
  },
  {
    vendor: "retell",
    name: "response array items no longer typed (code that reads them breaks)",
    bump: "major",
    kind: "items-removed",
    patch: (d) => {
      delete retellResponse(d).properties.allowed_inbound_country_list.items;
    },
    changes: [
      "major items-removed (response, PATCH /update-phone-number/{phone_number}, field allowed_inbound_country_list): The items of the response (200) field `allowed_inbound_country_list` of PATCH /update-phone-number/{phone_number} are no longer typed.",
    ],
  },
  {
    vendor: "retell",
    name: "response array items narrowed (string to an enum)",
    bump: "minor",
    kind: "enum-added",
    patch: (d) => {
      retellResponse(d).properties.allowed_inbound_country_list.items.enum = ["US", "CA"];
    },
    changes: [
      "minor enum-added (response, PATCH /update-phone-number/{phone_number}, field allowed_inbound_country_list.[]): The response (200) field `allowed_inbound_country_list[]` of PATCH /update-phone-number/{phone_number} is now limited to `US`, `CA`.",
    ],
  },
];
