// The corpus cases of src/diff/schema-object/object.ts: objects: fields added, removed, renamed, required or no longer.
import { type CorpusCase, caldBody, renameKey, retellBody, retellResponse, verbexSchemas } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "request field added, optional",
    bump: "minor",
    kind: "field-added-optional",
    patch: (d) => {
      retellBody(d).properties.sms_enabled = { type: "boolean", description: "Allow SMS on the number." };
    },
    changes: [
      "minor field-added-optional (request, PATCH /update-phone-number/{phone_number}, field sms_enabled): The request field `sms_enabled` of PATCH /update-phone-number/{phone_number} was added (optional).",
    ],
  },
  {
    vendor: "cartesia",
    name: "request field added, required",
    bump: "major",
    kind: "field-added-required",
    patch: (d) => {
      const s = d.components.schemas.UpdatePhoneNumberBody;
      s.properties.reason = { type: "string" };
      s.required = ["reason"];
    },
    changes: [
      "major field-added-required (request, PATCH /agents/phone-numbers/{id}, field reason): The request field `reason` of PATCH /agents/phone-numbers/{id} was added and is required; every call must now set it.",
    ],
  },
  {
    vendor: "retell",
    name: "request field removed",
    bump: "major",
    kind: "field-removed",
    patch: (d) => {
      delete retellBody(d).properties.termination_uri;
    },
    changes: [
      "major field-removed (request, PATCH /update-phone-number/{phone_number}, field termination_uri, was optional): The request field `termination_uri` of PATCH /update-phone-number/{phone_number} was removed; code that sets it no longer compiles.",
    ],
  },
  {
    vendor: "retell",
    name: "request field renamed (mapped by the facade)",
    bump: "major",
    kind: "field-renamed",
    facade: true,
    patch: (d) => {
      renameKey(retellBody(d).properties, "nickname", "display_name");
    },
    changes: [
      "major field-renamed (request, PATCH /update-phone-number/{phone_number}, field nickname, renamed to display_name, was optional): The request field `nickname` of PATCH /update-phone-number/{phone_number} was renamed to `display_name`; code that sets `nickname` must use `display_name`.",
    ],
  },
  {
    vendor: "retell",
    name: "response field added, optional",
    bump: "minor",
    kind: "field-added-optional",
    facade: false,
    patch: (d) => {
      retellResponse(d).properties.country_code = { type: "string", example: "US" };
    },
    changes: [
      "minor field-added-optional (response, PATCH /update-phone-number/{phone_number}, field country_code): The response (200) field `country_code` of PATCH /update-phone-number/{phone_number} was added (optional).",
    ],
  },
  {
    vendor: "vogent",
    name: "response field added, required (the facade checks required fields)",
    bump: "minor",
    kind: "field-added-required",
    facade: true,
    patch: (d) => {
      const s = d.components.schemas.PhoneNumber;
      s.properties.createdAt = { type: "string" };
      s.required.push("createdAt");
    },
    changes: [
      "minor field-added-required (response, GET /phone_numbers, field data.[].createdAt): The response (200) field `data[].createdAt` of GET /phone_numbers was added.",
      "minor field-added-required (response, GET /phone_numbers/{id}, field createdAt): The response (200) field `createdAt` of GET /phone_numbers/{id} was added.",
      "minor field-added-required (response, PUT /phone_numbers/{id}, field createdAt): The response (200) field `createdAt` of PUT /phone_numbers/{id} was added.",
    ],
  },
  {
    vendor: "cald",
    name: "response field removed (mapped by the facade)",
    bump: "major",
    kind: "field-removed",
    facade: true,
    patch: (d) => {
      delete d.components.schemas.PhoneNumber.properties.agentId;
    },
    changes: [
      "major field-removed (response, PATCH /phonenumbers/{phoneNumberId}, field agentId, was optional): The response (200) field `agentId` of PATCH /phonenumbers/{phoneNumberId} was removed; code that reads it no longer compiles.",
    ],
  },
  {
    vendor: "retell",
    name: "response field renamed (optional, not mapped)",
    bump: "major",
    kind: "field-renamed",
    facade: false,
    patch: (d) => {
      renameKey(retellResponse(d).properties, "phone_number_pretty", "pretty_number");
    },
    changes: [
      "major field-renamed (response, PATCH /update-phone-number/{phone_number}, field phone_number_pretty, renamed to pretty_number, was optional): The response (200) field `phone_number_pretty` of PATCH /update-phone-number/{phone_number} was renamed to `pretty_number`; code that reads `phone_number_pretty` must read `pretty_number`.",
    ],
  },
  {
    vendor: "cartesia",
    name: "request field newly required",
    bump: "major",
    kind: "field-newly-required",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberBody.required = ["label"];
    },
    changes: [
      "major field-newly-required (request, PATCH /agents/phone-numbers/{id}, field label): The request field `label` of PATCH /agents/phone-numbers/{id} is now required; every call must set it.",
    ],
  },
  {
    vendor: "cartesia",
    name: "request field no longer required (provider.id)",
    bump: "minor",
    kind: "field-no-longer-required",
    patch: (d) => {
      delete d.components.schemas.UpdatePhoneNumberBody.properties.provider.required;
    },
    changes: [
      "minor field-no-longer-required (request, PATCH /agents/phone-numbers/{id}, field provider.id): The request field `provider.id` of PATCH /agents/phone-numbers/{id} is no longer required.",
    ],
  },
  {
    vendor: "retell",
    name: "response field newly required",
    bump: "minor",
    kind: "field-newly-required",
    facade: true,
    patch: (d) => {
      retellResponse(d).required.push("nickname");
    },
    changes: [
      "minor field-newly-required (response, PATCH /update-phone-number/{phone_number}, field nickname): The response (200) field `nickname` of PATCH /update-phone-number/{phone_number} is now always present.",
    ],
  },
  {
    vendor: "retell",
    name: "response field no longer required",
    bump: "major",
    kind: "field-no-longer-required",
    patch: (d) => {
      retellResponse(d).required = retellResponse(d).required.filter(
        (f: string) => f !== "last_modification_timestamp",
      );
    },
    changes: [
      "major field-no-longer-required (response, PATCH /update-phone-number/{phone_number}, field last_modification_timestamp): The response (200) field `last_modification_timestamp` of PATCH /update-phone-number/{phone_number} may now be absent; code that reads it must handle `undefined`.",
    ],
  },
  {
    vendor: "cald",
    name: "request field added, optional (not mapped by the facade)",
    bump: "minor",
    kind: "field-added-optional",
    facade: false,
    patch: (d) => {
      caldBody(d).properties.label = { type: "string" };
    },
    changes: [
      "minor field-added-optional (request, PATCH /phonenumbers/{phoneNumberId}, field label): The request field `label` of PATCH /phonenumbers/{phoneNumberId} was added (optional).",
    ],
  },
  // Second checks of the contract's "field removed" and "field added, required" rows: each side
  // on a second vendor (docs/CONTRACT.md#spec-changes-specsdiff-from-the-clients-side).
  {
    vendor: "vogent",
    name: "request field removed (the facade sends it)",
    bump: "major",
    kind: "field-removed",
    facade: true,
    patch: (d) => {
      delete d.components.schemas.UpdatePhoneNumberRequest.properties.agentId;
    },
    changes: [
      "major field-removed (request, PUT /phone_numbers/{id}, field agentId, was optional): The request field `agentId` of PUT /phone_numbers/{id} was removed; code that sets it no longer compiles.",
    ],
  },
  {
    vendor: "verbex",
    name: "response field removed (in one variant, not read by the facade)",
    bump: "major",
    kind: "field-removed",
    facade: false,
    patch: (d) => {
      delete verbexSchemas(d).GetSIPPhoneNumberResponse.properties.sip_infra_region;
    },
    changes: [
      "major field-removed (response, PATCH /v1/phone-numbers/{phone_number_id}, field sip_infra_region, was optional): The response (200) field `sip_infra_region` (in the `GetSIPPhoneNumberResponse` variant) of PATCH /v1/phone-numbers/{phone_number_id} was removed; code that reads it no longer compiles.",
    ],
  },
  {
    vendor: "vogent",
    name: "response field removed (required, read by the facade)",
    bump: "major",
    kind: "field-removed",
    facade: true,
    patch: (d) => {
      const s = d.components.schemas.PhoneNumber;
      delete s.properties.number;
      s.required = s.required.filter((f: string) => f !== "number");
    },
    changes: [
      "major field-removed (response, GET /phone_numbers, field data.[].number, was required): The response (200) field `data[].number` of GET /phone_numbers was removed; code that reads it no longer compiles.",
      "major field-removed (response, GET /phone_numbers/{id}, field number, was required): The response (200) field `number` of GET /phone_numbers/{id} was removed; code that reads it no longer compiles.",
      "major field-removed (response, PUT /phone_numbers/{id}, field number, was required): The response (200) field `number` of PUT /phone_numbers/{id} was removed; code that reads it no longer compiles.",
    ],
  },
  {
    vendor: "cald",
    name: "request field added, required",
    bump: "major",
    kind: "field-added-required",
    patch: (d) => {
      caldBody(d).properties.label = { type: "string" };
      caldBody(d).required = ["label"];
    },
    changes: [
      "major field-added-required (request, PATCH /phonenumbers/{phoneNumberId}, field label): The request field `label` of PATCH /phonenumbers/{phoneNumberId} was added and is required; every call must now set it.",
    ],
  },
  {
    vendor: "retell",
    name: "response field added, required (the facade checks required fields)",
    bump: "minor",
    kind: "field-added-required",
    facade: true,
    patch: (d) => {
      retellResponse(d).properties.sip_region = { type: "string" };
      retellResponse(d).required.push("sip_region");
    },
    changes: [
      "minor field-added-required (response, PATCH /update-phone-number/{phone_number}, field sip_region): The response (200) field `sip_region` of PATCH /update-phone-number/{phone_number} was added.",
    ],
  },
];
