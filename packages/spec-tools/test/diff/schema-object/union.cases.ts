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
  },
];
