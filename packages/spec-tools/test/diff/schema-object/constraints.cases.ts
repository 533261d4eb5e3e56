// The corpus cases of src/diff/schema-object/constraints.ts: constraints narrowed and widened.
import { type CorpusCase, retellBody } from "../corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "request constraint narrowed (maxLength added)",
    bump: "major",
    kind: "constraint-narrowed",
    patch: (d) => {
      retellBody(d).properties.nickname.maxLength = 64;
    },
  },
  {
    vendor: "retell",
    name: "request constraint widened (AgentWeight minimum relaxed)",
    bump: "major",
    kind: "constraint-widened",
    patch: (d) => {
      delete d.components.schemas.AgentWeight.properties.agent_id.minLength;
    },
  },
];
