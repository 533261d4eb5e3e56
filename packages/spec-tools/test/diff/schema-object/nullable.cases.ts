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
  },
  {
    vendor: "retell",
    name: "response nullable added",
    bump: "major",
    kind: "nullable-added",
    patch: (d) => {
      retellResponse(d).properties.area_code.nullable = true;
    },
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
  },
];
