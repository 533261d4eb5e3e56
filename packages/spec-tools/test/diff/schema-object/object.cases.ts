// The corpus cases of src/diff/schema-object/object.ts: objects: fields added, removed, renamed, required or no longer.
import { type CorpusCase, caldBody, renameKey, retellBody, retellResponse } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "request field added, optional",
    bump: "minor",
    kind: "field-added-optional",
    patch: (d) => {
      retellBody(d).properties.sms_enabled = { type: "boolean", description: "Allow SMS on the number." };
    },
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
  },
  {
    vendor: "retell",
    name: "request field removed",
    bump: "major",
    kind: "field-removed",
    patch: (d) => {
      delete retellBody(d).properties.termination_uri;
    },
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
  },
  {
    vendor: "cartesia",
    name: "request field newly required",
    bump: "major",
    kind: "field-newly-required",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberBody.required = ["label"];
    },
  },
  {
    vendor: "cartesia",
    name: "request field no longer required (provider.id)",
    bump: "minor",
    kind: "field-no-longer-required",
    patch: (d) => {
      delete d.components.schemas.UpdatePhoneNumberBody.properties.provider.required;
    },
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
  },
];
