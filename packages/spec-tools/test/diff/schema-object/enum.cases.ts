// The corpus cases of src/diff/schema-object/enum.ts: enums: values added and removed, on each side.
import { type CorpusCase, retellBody, retellResponse } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "request enum value added",
    bump: "minor",
    kind: "enum-value-added",
    base: (d) => {
      retellBody(d).properties.transport.enum = ["TCP", "UDP"];
    },
    patch: (d) => {
      retellBody(d).properties.transport.enum.push("TLS");
    },
    changes: [
      "minor enum-value-added (request, PATCH /update-phone-number/{phone_number}, field transport): The request field `transport` of PATCH /update-phone-number/{phone_number} now also accepts `TLS`.",
    ],
  },
  {
    vendor: "retell",
    name: "request enum value removed",
    bump: "major",
    kind: "enum-value-removed",
    base: (d) => {
      retellBody(d).properties.transport.enum = ["TCP", "UDP", "TLS"];
    },
    patch: (d) => {
      retellBody(d).properties.transport.enum = ["TCP", "TLS"];
    },
    changes: [
      "major enum-value-removed (request, PATCH /update-phone-number/{phone_number}, field transport): The request field `transport` of PATCH /update-phone-number/{phone_number} no longer accepts `UDP`; code that sends it must change.",
    ],
  },
  {
    vendor: "retell",
    name: "response enum value added",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      retellResponse(d).properties.phone_number_type.enum.push("retell-plivo");
    },
    changes: [
      "major enum-value-added (response, PATCH /update-phone-number/{phone_number}, field phone_number_type): The response (200) field `phone_number_type` of PATCH /update-phone-number/{phone_number} can now be `retell-plivo`; code that switches over its values must handle it.",
    ],
  },
  {
    vendor: "retell",
    name: "response enum value removed",
    bump: "minor",
    kind: "enum-value-removed",
    patch: (d) => {
      retellResponse(d).properties.phone_number_type.enum = ["retell-twilio", "retell-telnyx"];
    },
    changes: [
      "minor enum-value-removed (response, PATCH /update-phone-number/{phone_number}, field phone_number_type): The response (200) field `phone_number_type` of PATCH /update-phone-number/{phone_number} is no longer `custom`.",
    ],
  },
  {
    vendor: "cartesia",
    name: "response enum value added behind a $ref (TelephonyRegion)",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.schemas.TelephonyRegion.enum.push("jp1");
    },
    changes: [
      "major enum-value-added (response, GET /agents/phone-numbers/{id}, field provider.region): The response (200) field `provider.region` (in the `TwilioProviderResponse` variant) of GET /agents/phone-numbers/{id} can now be `jp1`; code that switches over its values must handle it.",
      "major enum-value-added (response, PATCH /agents/phone-numbers/{id}, field provider.region): The response (200) field `provider.region` (in the `TwilioProviderResponse` variant) of PATCH /agents/phone-numbers/{id} can now be `jp1`; code that switches over its values must handle it.",
      "major enum-value-added (response, GET /agents/phone-numbers, field data.[].provider.region): The response (200) field `data[].provider.region` (in the `TwilioProviderResponse` variant) of GET /agents/phone-numbers can now be `jp1`; code that switches over its values must handle it.",
    ],
  },
  {
    vendor: "vogent",
    name: "response enum value added (type)",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.schemas.PhoneNumber.properties.type.enum.push("WEBRTC");
    },
    changes: [
      "major enum-value-added (response, GET /phone_numbers, field data.[].type): The response (200) field `data[].type` of GET /phone_numbers can now be `WEBRTC`; code that switches over its values must handle it.",
      "major enum-value-added (response, GET /phone_numbers/{id}, field type): The response (200) field `type` of GET /phone_numbers/{id} can now be `WEBRTC`; code that switches over its values must handle it.",
      "major enum-value-added (response, PUT /phone_numbers/{id}, field type): The response (200) field `type` of PUT /phone_numbers/{id} can now be `WEBRTC`; code that switches over its values must handle it.",
    ],
  },
];
