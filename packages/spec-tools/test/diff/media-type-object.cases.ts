// The corpus cases of src/diff/media-type-object.ts: media types of a body added and removed.
import { type CorpusCase, vogentOp } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "vogent",
    name: "request media type added",
    bump: "minor",
    kind: "media-type-added",
    patch: (d) => {
      vogentOp(d).requestBody.content["application/x-www-form-urlencoded"] = {
        schema: { $ref: "#/components/schemas/UpdatePhoneNumberRequest" },
      };
    },
    changes: [
      "minor media-type-added (request, PUT /phone_numbers/{id}): The request body of PUT /phone_numbers/{id} can now also be application/x-www-form-urlencoded.",
    ],
  },
  {
    vendor: "vogent",
    name: "success response media type changed (JSON removed, the facade reads it)",
    bump: "major",
    kind: "media-type-removed",
    facade: true,
    patch: (d) => {
      const content = vogentOp(d).responses["200"].content;
      content["application/vnd.vogent+json"] = content["application/json"];
      delete content["application/json"];
    },
    changes: [
      "major media-type-removed (response, PUT /phone_numbers/{id}): The 200 response body of PUT /phone_numbers/{id} is no longer application/json.",
      "minor media-type-added (response, PUT /phone_numbers/{id}): The 200 response body of PUT /phone_numbers/{id} can now also be application/vnd.vogent+json.",
    ],
  },
];
