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
    changes: [
      "minor default-added (response, PATCH /update-phone-number/{phone_number}, field area_code): The response (200) field `area_code` of PATCH /update-phone-number/{phone_number} now has a default (`415`), so the generated type always has it.",
    ],
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
    changes: [
      "major default-removed (response, PATCH /update-phone-number/{phone_number}, field area_code): The response (200) field `area_code` of PATCH /update-phone-number/{phone_number} lost its default, so the generated type makes it optional; code that reads it must handle its absence.",
    ],
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
    changes: [
      "patch documentation (response, PATCH /update-phone-number/{phone_number}, field area_code): The default of the response (200) field `area_code` of PATCH /update-phone-number/{phone_number} changed from `415` to `650`.",
    ],
  },
  {
    vendor: "retell",
    name: "request default added (documentation only)",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      retellBody(d).properties.nickname.default = "Front desk";
    },
    changes: [
      'patch documentation (request, PATCH /update-phone-number/{phone_number}, field nickname): The default of the request field `nickname` of PATCH /update-phone-number/{phone_number} changed from none to `"Front desk"`.',
    ],
  },
];
