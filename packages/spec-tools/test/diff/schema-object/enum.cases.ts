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
  },
  {
    vendor: "retell",
    name: "response enum value added",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      retellResponse(d).properties.phone_number_type.enum.push("retell-plivo");
    },
  },
  {
    vendor: "retell",
    name: "response enum value removed",
    bump: "minor",
    kind: "enum-value-removed",
    patch: (d) => {
      retellResponse(d).properties.phone_number_type.enum = ["retell-twilio", "retell-telnyx"];
    },
  },
  {
    vendor: "cartesia",
    name: "response enum value added behind a $ref (TelephonyRegion)",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.schemas.TelephonyRegion.enum.push("jp1");
    },
  },
  {
    vendor: "vogent",
    name: "response enum value added (type)",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.schemas.PhoneNumber.properties.type.enum.push("WEBRTC");
    },
  },
];
