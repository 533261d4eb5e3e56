// The corpus cases of src/diff/docs.ts: documentation-only changes to schemas.
import { CALD, type CorpusCase, RETELL, retellBody, retellResponse, VERBEX, verbexSchemas } from "./corpus.js";

export const CASES: CorpusCase[] = [
  // oasdiff calls this request-property-deprecated; the classifier's kind for it is `deprecated`
  // (a patch), and the cross-check must not turn it into an unclassified, breaking change.
  {
    vendor: "retell",
    name: "request field deprecated",
    bump: "patch",
    kind: "deprecated",
    facade: false,
    patch: (d) => {
      retellBody(d).properties.termination_uri.deprecated = true;
    },
    changes: [
      "patch deprecated (request, PATCH /update-phone-number/{phone_number}): The request field `termination_uri` of PATCH /update-phone-number/{phone_number} is now deprecated.",
    ],
  },
  {
    vendor: "retell",
    name: "response field deprecated",
    bump: "patch",
    kind: "deprecated",
    patch: (d) => {
      retellResponse(d).properties.phone_number_pretty.deprecated = true;
    },
    changes: [
      "patch deprecated (response, PATCH /update-phone-number/{phone_number}): The response (200) field `phone_number_pretty` of PATCH /update-phone-number/{phone_number} is now deprecated.",
    ],
  },
  {
    vendor: "retell",
    name: "operation deprecated",
    bump: "patch",
    kind: "deprecated",
    patch: (d) => {
      d.paths[RETELL].patch.deprecated = true;
    },
    changes: [
      "patch deprecated (operation, PATCH /update-phone-number/{phone_number}): Operation PATCH /update-phone-number/{phone_number} is now deprecated.",
    ],
  },
  {
    vendor: "cartesia",
    name: "example only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.components.schemas.PhoneNumberBaseResponse.properties.number.example = "+14155550000";
    },
    changes: [
      "patch documentation (response, GET /agents/phone-numbers/{id}, field number): The example of the response (200) field `number` of GET /agents/phone-numbers/{id} changed (documentation only).",
      "patch documentation (response, PATCH /agents/phone-numbers/{id}, field number): The example of the response (200) field `number` of PATCH /agents/phone-numbers/{id} changed (documentation only).",
      "patch documentation (response, GET /agents/phone-numbers, field data.[].number): The example of the response (200) field `data[].number` of GET /agents/phone-numbers changed (documentation only).",
    ],
  },
  {
    vendor: "vogent",
    name: "field description only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberRequest.properties.agentId.description = "The agent to link.";
    },
    changes: [
      "patch documentation (request, PUT /phone_numbers/{id}, field agentId): The description of the request field `agentId` of PUT /phone_numbers/{id} changed (documentation only).",
    ],
  },
  {
    vendor: "retell",
    // oasdiff calls this request-property-reactivated: reported where it is, not as a change to
    // unreferenced parts of the document.
    name: "request field no longer deprecated (documentation only)",
    bump: "patch",
    kind: "documentation",
    base: (d) => {
      retellBody(d).properties.termination_uri.deprecated = true;
    },
    patch: (d) => {
      delete retellBody(d).properties.termination_uri.deprecated;
    },
    changes: [
      "patch documentation (request, PATCH /update-phone-number/{phone_number}, field termination_uri): The deprecation of the request field `termination_uri` of PATCH /update-phone-number/{phone_number} changed (documentation only).",
    ],
  },
  {
    vendor: "cald",
    name: "operation deprecated (deprecated: false before)",
    bump: "patch",
    kind: "deprecated",
    base: (d) => {
      d.paths[CALD].patch.deprecated = false;
    },
    patch: (d) => {
      d.paths[CALD].patch.deprecated = true;
    },
    changes: [
      "patch deprecated (operation, PATCH /phonenumbers/{phoneNumberId}): Operation PATCH /phonenumbers/{phoneNumberId} is now deprecated.",
    ],
  },
  {
    vendor: "verbex",
    name: "title and description of a field, its $comment and examples (documentation only)",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      const field = verbexSchemas(d).GetSIPPhoneNumberResponse.properties.phone_number;
      field.title = "Number";
      field.description = "The number, in E.164.";
      field.$comment = "E.164";
      field.examples = ["+14155552671"];
    },
    changes: [
      "patch documentation (response, PATCH /v1/phone-numbers/{phone_number_id}, field phone_number): The $comment, description, examples, title of the response (200) field `phone_number` (in the `GetSIPPhoneNumberResponse` variant) of PATCH /v1/phone-numbers/{phone_number_id} changed (documentation only).",
    ],
  },
  {
    vendor: "verbex",
    name: "tags and external docs of the operation (documentation only)",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[VERBEX].patch.tags = ["Numbers"];
      d.paths[VERBEX].patch.externalDocs = { url: "https://docs.verbex.ai" };
    },
    changes: [
      "patch documentation (operation, PATCH /v1/phone-numbers/{phone_number_id}): The external docs, tags of operation PATCH /v1/phone-numbers/{phone_number_id} changed (documentation only).",
    ],
  },
  {
    vendor: "vogent",
    name: "an x- extension of a schema (documentation only)",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberRequest["x-phonebridge-inferred"] = "Additional properties are left open.";
    },
    changes: [
      "patch documentation (request, PUT /phone_numbers/{id}): The x-phonebridge-inferred of the request body of PUT /phone_numbers/{id} changed (documentation only).",
    ],
  },
];
