// The corpus cases of src/diff/schema-object/nullable.ts: nullability, 3.0 and 3.1.
import { type CorpusCase, retellBody, retellResponse, verbexSchemas } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "cartesia",
    name: "request nullable added (label)",
    bump: "minor",
    kind: "nullable-added",
    facade: true,
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberBody.properties.label.nullable = true;
    },
    changes: [
      "minor nullable-added (request, PATCH /agents/phone-numbers/{id}, field label): The request field `label` of PATCH /agents/phone-numbers/{id} now accepts `null`.",
    ],
  },
  {
    vendor: "retell",
    name: "request nullable removed (3.0 nullable)",
    bump: "major",
    kind: "nullable-removed",
    facade: true,
    patch: (d) => {
      delete retellBody(d).properties.nickname.nullable;
    },
    changes: [
      "major nullable-removed (request, PATCH /update-phone-number/{phone_number}, field nickname): The request field `nickname` of PATCH /update-phone-number/{phone_number} no longer accepts `null`; code that sends `null` there must change.",
    ],
  },
  {
    vendor: "verbex",
    name: "request nullable removed (3.1 anyOf with null)",
    bump: "major",
    kind: "nullable-removed",
    facade: true,
    patch: (d) => {
      const p = verbexSchemas(d).UpdateSIPPhoneNumberRequest.properties;
      p.inbound_agent_id = { type: "string", title: "Inbound Agent Id" };
    },
    changes: [
      "major nullable-removed (request, PATCH /v1/phone-numbers/{phone_number_id}, field inbound_agent_id): The request field `inbound_agent_id` (in the `UpdateSIPPhoneNumberRequest` variant) of PATCH /v1/phone-numbers/{phone_number_id} no longer accepts `null`; code that sends `null` there must change.",
      "patch documentation (request, PATCH /v1/phone-numbers/{phone_number_id}, field inbound_agent_id): The description of the request field `inbound_agent_id` (in the `UpdateSIPPhoneNumberRequest` variant) of PATCH /v1/phone-numbers/{phone_number_id} changed (documentation only).",
    ],
  },
  {
    vendor: "retell",
    name: "response nullable added",
    bump: "major",
    kind: "nullable-added",
    patch: (d) => {
      retellResponse(d).properties.area_code.nullable = true;
    },
    changes: [
      "major nullable-added (response, PATCH /update-phone-number/{phone_number}, field area_code): The response (200) field `area_code` of PATCH /update-phone-number/{phone_number} can now be `null`; code that reads it must handle `null`.",
    ],
  },
  {
    vendor: "verbex",
    name: "response nullable removed (3.1)",
    bump: "minor",
    kind: "nullable-removed",
    facade: true,
    patch: (d) => {
      verbexSchemas(d).GetPiaPhoneNumberResponse.properties.friendly_name = { type: "string", title: "Friendly Name" };
    },
    changes: [
      "minor nullable-removed (response, PATCH /v1/phone-numbers/{phone_number_id}, field friendly_name): The response (200) field `friendly_name` (in the `GetPiaPhoneNumberResponse` variant) of PATCH /v1/phone-numbers/{phone_number_id} is no longer `null`.",
      "patch documentation (response, PATCH /v1/phone-numbers/{phone_number_id}, field friendly_name): The description of the response (200) field `friendly_name` (in the `GetPiaPhoneNumberResponse` variant) of PATCH /v1/phone-numbers/{phone_number_id} changed (documentation only).",
    ],
  },
];
