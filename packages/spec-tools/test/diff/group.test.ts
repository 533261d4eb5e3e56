// One sentence for the same change in several fields (src/diff/group.ts).
import { describe, expect, it } from "vitest";
import { groupForText } from "../../src/diff/group.js";
import { diffSpecs } from "../../src/diff/index.js";
import { SPECS } from "./corpus.js";

describe("changeset sentences", () => {
  it("say the same change in several fields once, listing the fields", () => {
    const before = structuredClone(SPECS.retell ?? {});
    const after = structuredClone(before);
    delete after.components.schemas.AgentWeight.properties.agent_version;
    const { changes } = diffSpecs(before, after);
    expect(changes).toHaveLength(8); // four request and four response fields use AgentWeight
    expect(groupForText(changes).map((c) => c.sentence)).toEqual([
      "The request fields `inbound_agents[].agent_version`, `outbound_agents[].agent_version`, `inbound_sms_agents[].agent_version` and `outbound_sms_agents[].agent_version` of PATCH /update-phone-number/{phone_number} were removed; code that sets them no longer compiles.",
      "The response (200) fields `inbound_agents[].agent_version`, `outbound_agents[].agent_version`, `inbound_sms_agents[].agent_version` and `outbound_sms_agents[].agent_version` of PATCH /update-phone-number/{phone_number} were removed; code that reads them no longer compiles.",
    ]);
  });
});
