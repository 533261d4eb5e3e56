// The corpus cases of src/diff/schema-object/union.ts: unions: members added and removed.
import { type CorpusCase, VERBEX, verbexSchemas } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "verbex",
    name: "request type widened (union member added)",
    bump: "minor",
    kind: "union-member-added",
    patch: (d) => {
      verbexSchemas(d).UpdatePiaPhoneNumberRequest.properties.inbound_agent_id.anyOf.splice(1, 0, { type: "integer" });
    },
    changes: [
      "minor union-member-added (request, PATCH /v1/phone-numbers/{phone_number_id}, field inbound_agent_id): The request field `inbound_agent_id` (in the `UpdatePiaPhoneNumberRequest` variant) of PATCH /v1/phone-numbers/{phone_number_id} accepts more types than before (it became a union).",
      "patch documentation (request, PATCH /v1/phone-numbers/{phone_number_id}, field inbound_agent_id): The title of the request field `inbound_agent_id` (in the `UpdatePiaPhoneNumberRequest` variant) of PATCH /v1/phone-numbers/{phone_number_id} changed (documentation only).",
    ],
  },
  {
    vendor: "cartesia",
    name: "response union member added (a new provider type)",
    bump: "major",
    kind: "union-member-added",
    patch: (d) => {
      d.components.schemas.SipProviderResponse = {
        title: "Sip",
        type: "object",
        properties: { type: { type: "string", enum: ["sip"] } },
        required: ["type"],
      };
      const p = d.components.schemas.ProviderResponse;
      p.oneOf.push({ $ref: "#/components/schemas/SipProviderResponse" });
      p.discriminator.mapping.sip = "#/components/schemas/SipProviderResponse";
    },
    changes: [
      "major union-member-added (response, GET /agents/phone-numbers/{id}, field provider): The response (200) field `provider` of GET /agents/phone-numbers/{id} can now be the new variant `SipProviderResponse`; exhaustive code over its variants must handle it.",
      "major union-member-added (response, PATCH /agents/phone-numbers/{id}, field provider): The response (200) field `provider` of PATCH /agents/phone-numbers/{id} can now be the new variant `SipProviderResponse`; exhaustive code over its variants must handle it.",
      "major union-member-added (response, GET /agents/phone-numbers, field data.[].provider): The response (200) field `data[].provider` of GET /agents/phone-numbers can now be the new variant `SipProviderResponse`; exhaustive code over its variants must handle it.",
    ],
  },
  {
    vendor: "verbex",
    name: "request union member removed (Twilio update body)",
    bump: "major",
    kind: "union-member-removed",
    patch: (d) => {
      const s = d.paths[VERBEX].patch.requestBody.content["application/json"].schema;
      s.anyOf = s.anyOf.slice(0, 2);
    },
    changes: [
      "major union-member-removed (request, PATCH /v1/phone-numbers/{phone_number_id}): The request body of PATCH /v1/phone-numbers/{phone_number_id} no longer accepts the variant `UpdateTwilioPhoneNumberRequest`.",
    ],
  },
];
