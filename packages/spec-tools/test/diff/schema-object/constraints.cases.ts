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
    changes: [
      "major constraint-narrowed (request, PATCH /update-phone-number/{phone_number}, field nickname): The request field `nickname` of PATCH /update-phone-number/{phone_number} gained the limit maxLength 64.",
    ],
  },
  {
    vendor: "retell",
    name: "request constraint widened (AgentWeight minimum relaxed)",
    bump: "major",
    kind: "constraint-widened",
    patch: (d) => {
      delete d.components.schemas.AgentWeight.properties.agent_id.minLength;
    },
    changes: [
      "minor constraint-widened (request, PATCH /update-phone-number/{phone_number}, field inbound_agents.[].agent_id): The request field `inbound_agents[].agent_id` of PATCH /update-phone-number/{phone_number} lost the limit minLength 1.",
      "minor constraint-widened (request, PATCH /update-phone-number/{phone_number}, field outbound_agents.[].agent_id): The request field `outbound_agents[].agent_id` of PATCH /update-phone-number/{phone_number} lost the limit minLength 1.",
      "minor constraint-widened (request, PATCH /update-phone-number/{phone_number}, field inbound_sms_agents.[].agent_id): The request field `inbound_sms_agents[].agent_id` of PATCH /update-phone-number/{phone_number} lost the limit minLength 1.",
      "minor constraint-widened (request, PATCH /update-phone-number/{phone_number}, field outbound_sms_agents.[].agent_id): The request field `outbound_sms_agents[].agent_id` of PATCH /update-phone-number/{phone_number} lost the limit minLength 1.",
      "major constraint-widened (response, PATCH /update-phone-number/{phone_number}, field inbound_agents.[].agent_id): The response (200) field `inbound_agents[].agent_id` of PATCH /update-phone-number/{phone_number} lost the limit minLength 1.",
      "major constraint-widened (response, PATCH /update-phone-number/{phone_number}, field outbound_agents.[].agent_id): The response (200) field `outbound_agents[].agent_id` of PATCH /update-phone-number/{phone_number} lost the limit minLength 1.",
      "major constraint-widened (response, PATCH /update-phone-number/{phone_number}, field inbound_sms_agents.[].agent_id): The response (200) field `inbound_sms_agents[].agent_id` of PATCH /update-phone-number/{phone_number} lost the limit minLength 1.",
      "major constraint-widened (response, PATCH /update-phone-number/{phone_number}, field outbound_sms_agents.[].agent_id): The response (200) field `outbound_sms_agents[].agent_id` of PATCH /update-phone-number/{phone_number} lost the limit minLength 1.",
    ],
  },
];
