// The corpus cases of src/diff/schema-object/type.ts: types: widened, narrowed, changed to an unrelated type.
import { type CorpusCase, retellResponse } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "type narrowed in a schema shared by request and response (number to integer)",
    bump: "major",
    kind: "type-narrowed",
    patch: (d) => {
      d.components.schemas.AgentWeight.properties.weight.type = "integer";
    },
    changes: [
      "major type-narrowed (request, PATCH /update-phone-number/{phone_number}, field inbound_agents.[].weight): The type of the request field `inbound_agents[].weight` of PATCH /update-phone-number/{phone_number} narrowed from number to integer; code that sends other types there must change.",
      "major type-narrowed (request, PATCH /update-phone-number/{phone_number}, field outbound_agents.[].weight): The type of the request field `outbound_agents[].weight` of PATCH /update-phone-number/{phone_number} narrowed from number to integer; code that sends other types there must change.",
      "major type-narrowed (request, PATCH /update-phone-number/{phone_number}, field inbound_sms_agents.[].weight): The type of the request field `inbound_sms_agents[].weight` of PATCH /update-phone-number/{phone_number} narrowed from number to integer; code that sends other types there must change.",
      "major type-narrowed (request, PATCH /update-phone-number/{phone_number}, field outbound_sms_agents.[].weight): The type of the request field `outbound_sms_agents[].weight` of PATCH /update-phone-number/{phone_number} narrowed from number to integer; code that sends other types there must change.",
      "minor type-narrowed (response, PATCH /update-phone-number/{phone_number}, field inbound_agents.[].weight): The type of the response (200) field `inbound_agents[].weight` of PATCH /update-phone-number/{phone_number} narrowed from number to integer.",
      "minor type-narrowed (response, PATCH /update-phone-number/{phone_number}, field outbound_agents.[].weight): The type of the response (200) field `outbound_agents[].weight` of PATCH /update-phone-number/{phone_number} narrowed from number to integer.",
      "minor type-narrowed (response, PATCH /update-phone-number/{phone_number}, field inbound_sms_agents.[].weight): The type of the response (200) field `inbound_sms_agents[].weight` of PATCH /update-phone-number/{phone_number} narrowed from number to integer.",
      "minor type-narrowed (response, PATCH /update-phone-number/{phone_number}, field outbound_sms_agents.[].weight): The type of the response (200) field `outbound_sms_agents[].weight` of PATCH /update-phone-number/{phone_number} narrowed from number to integer.",
    ],
  },
  {
    vendor: "retell",
    name: "response type widened (integer to number)",
    bump: "major",
    kind: "type-widened",
    patch: (d) => {
      retellResponse(d).properties.area_code.type = "number";
    },
    changes: [
      "major type-widened (response, PATCH /update-phone-number/{phone_number}, field area_code): The type of the response (200) field `area_code` of PATCH /update-phone-number/{phone_number} widened from integer to number; code that reads it must handle the new type.",
    ],
  },
  {
    vendor: "cartesia",
    name: "request type changed to an unrelated type (string to integer)",
    bump: "major",
    kind: "type-changed",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberBody.properties.label.type = "integer";
    },
    changes: [
      "major type-changed (request, PATCH /agents/phone-numbers/{id}, field label): The type of the request field `label` of PATCH /agents/phone-numbers/{id} changed from string to integer.",
    ],
  },
  {
    vendor: "cald",
    name: "response type changed to an unrelated type (number to string)",
    bump: "major",
    kind: "type-changed",
    patch: (d) => {
      d.components.schemas.PhoneNumber.properties.price.type = "string";
    },
    changes: [
      "major type-changed (response, PATCH /phonenumbers/{phoneNumberId}, field price): The type of the response (200) field `price` of PATCH /phonenumbers/{phoneNumberId} changed from number to string.",
    ],
  },
];
