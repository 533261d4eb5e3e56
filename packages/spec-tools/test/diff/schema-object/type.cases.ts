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
  },
  {
    vendor: "retell",
    name: "response type widened (integer to number)",
    bump: "major",
    kind: "type-widened",
    patch: (d) => {
      retellResponse(d).properties.area_code.type = "number";
    },
  },
  {
    vendor: "cartesia",
    name: "request type changed to an unrelated type (string to integer)",
    bump: "major",
    kind: "type-changed",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberBody.properties.label.type = "integer";
    },
  },
  {
    vendor: "cald",
    name: "response type changed to an unrelated type (number to string)",
    bump: "major",
    kind: "type-changed",
    patch: (d) => {
      d.components.schemas.PhoneNumber.properties.price.type = "string";
    },
  },
];
