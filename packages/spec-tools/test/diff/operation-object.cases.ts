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
    changes: [
      "patch documentation (operation, PATCH /update-phone-number/{phone_number}): The description of operation PATCH /update-phone-number/{phone_number} changed (documentation only).",
    ],
  },
  {
    vendor: "verbex",
    name: "summary only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[VERBEX].patch.summary = "Update a phone number";
    },
    changes: [
      "patch documentation (operation, PATCH /v1/phone-numbers/{phone_number_id}): The summary of operation PATCH /v1/phone-numbers/{phone_number_id} changed (documentation only).",
    ],
  },
  {
    vendor: "retell",
    name: "code sample only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[RETELL].patch["x-codeSamples"][0].source = "// new sample";
    },
    changes: [
      "patch documentation (operation, PATCH /update-phone-number/{phone_number}): The code samples of operation PATCH /update-phone-number/{phone_number} changed (documentation only).",
    ],
  },
  {
    vendor: "retell",
    name: "operationId changed (renames the exported operations entry)",
    bump: "major",
    kind: "operation-id-changed",
    patch: (d) => {
      d.paths[RETELL].patch.operationId = "updateNumber";
    },
    changes: [
      "major operation-id-changed (operation, PATCH /update-phone-number/{phone_number}): The operationId of PATCH /update-phone-number/{phone_number} changed from `updatePhoneNumber` to `updateNumber`, which renames its entry in the exported `operations` type.",
    ],
  },
  {
    vendor: "cald",
    name: "an operation key the classifier does not know changed",
    bump: "major",
    kind: "unclassified",
    patch: (d) => {
      d.paths[CALD].patch.callbacksV2 = { onUpdate: true };
    },
    changes: [
      "major unclassified (operation, PATCH /phonenumbers/{phoneNumberId}): Operation PATCH /phonenumbers/{phoneNumberId} changed in a way phonebridge does not classify (`callbacksV2`); treated as breaking until reviewed by hand.",
    ],
  },
];
