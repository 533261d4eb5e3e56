// The corpus: every kind of change the issue lists, each a small patch to a real vendor spec,
// classified by the contract's table. Also checked against oasdiff: whatever oasdiff sees as a
// change to the API, the differ must not call documentation-only.
import { describe, expect, it } from "vitest";
import { facadeChanges } from "../lib/facade-fields.mjs";
import { oasdiffChangelog, unexplained } from "../lib/oasdiff-check.mjs";
import { diffSpecs } from "../lib/spec-diff.mjs";
import { effectiveSpec, readWorking, updateOperation } from "../lib/spec-release.mjs";
import { CORPUS } from "./corpus.mjs";
import { REPO } from "./helpers.mjs";

const specs = {};
const updates = {};
for (const vendor of ["cald", "cartesia", "retell", "verbex", "vogent"]) {
  const files = readWorking(REPO, vendor);
  specs[vendor] = effectiveSpec(files, vendor).spec;
  updates[vendor] = updateOperation(files);
}

function pair(entry) {
  const before = structuredClone(specs[entry.vendor]);
  entry.base?.(before);
  const after = structuredClone(before);
  entry.patch(after);
  return [before, after];
}

describe("spec change corpus", () => {
  it("has at least 25 changes over all five vendors", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CORPUS.map((c) => c.vendor)).size).toBe(5);
  });

  it("finds nothing between a spec and itself", () => {
    for (const vendor of Object.keys(specs))
      expect(diffSpecs(specs[vendor], structuredClone(specs[vendor])).changes).toEqual([]);
  });

  for (const entry of CORPUS) {
    it(`${entry.vendor}: ${entry.name} → ${entry.bump}`, () => {
      const [before, after] = pair(entry);
      const { changes, bump } = diffSpecs(before, after);
      expect(changes.map((c) => c.kind)).toContain(entry.kind);
      expect(bump, changes.map((c) => `${c.bump} ${c.sentence}`).join("\n")).toBe(entry.bump);
      for (const c of changes) {
        expect(c.sentence).toMatch(/^[A-Z`].*\.$/s);
        expect(c.sentence).not.toMatch(/(^|[^`])undefined|\[object Object\]/);
      }
      if (entry.facade !== undefined) {
        expect(facadeChanges(entry.vendor, changes, updates[entry.vendor]).length > 0).toBe(entry.facade);
      }
    });
  }
});

describe("cross-check with oasdiff (offline, its binary from npm)", () => {
  it("every change oasdiff reports is at least a minor change for the differ", async () => {
    const findings = await Promise.all(
      CORPUS.map(async (entry) => {
        const [before, after] = pair(entry);
        const run = await oasdiffChangelog(before, after);
        expect(run.error).toBeUndefined();
        const ours = diffSpecs(before, after);
        return { entry, oasdiff: run.changes, ours, extra: unexplained(ours.changes, run.changes) };
      }),
    );
    const disagreements = findings.filter((f) => f.oasdiff.length > 0 && f.ours.bump === "patch");
    expect(disagreements.map((f) => `${f.entry.name}: ${f.oasdiff.map((o) => o.id).join(", ")}`)).toEqual([]);
    expect(findings.filter((f) => f.extra.length).map((f) => f.entry.name)).toEqual([]);
    // oasdiff judges from the server's side; it still sees most of the corpus.
    const seen = findings.filter((f) => f.oasdiff.length > 0).length;
    expect(seen).toBeGreaterThan(CORPUS.length / 2);
  });

  it("an oasdiff finding the differ missed becomes an unclassified, breaking change", () => {
    const extra = unexplained(
      [],
      [{ id: "request-property-removed", text: "removed the request property `x`", operation: "PATCH", path: "/a" }],
    );
    expect(extra).toHaveLength(1);
    expect(extra[0]).toMatchObject({ bump: "major", kind: "unclassified", operation: "PATCH /a" });
  });
});

describe("changeset sentences", () => {
  it("say the same change in several fields once, listing the fields", async () => {
    const { groupForText } = await import("../lib/spec-diff.mjs");
    const before = structuredClone(specs.retell);
    const after = structuredClone(before);
    delete after.components.schemas.AgentWeight.properties.agent_version;
    const { changes } = diffSpecs(before, after);
    expect(changes).toHaveLength(8); // four request and four response fields use AgentWeight
    const text = groupForText(changes).map((c) => c.sentence);
    expect(text).toEqual([
      "The request fields `inbound_agents[].agent_version`, `outbound_agents[].agent_version`, `inbound_sms_agents[].agent_version` and `outbound_sms_agents[].agent_version` of PATCH /update-phone-number/{phone_number} were removed; code that sets them no longer compiles.",
      "The response (200) fields `inbound_agents[].agent_version`, `outbound_agents[].agent_version`, `inbound_sms_agents[].agent_version` and `outbound_sms_agents[].agent_version` of PATCH /update-phone-number/{phone_number} were removed; code that reads them no longer compiles.",
    ]);
  });
});

describe("changeset text for many documentation changes", () => {
  it("counts them in one line past a handful", async () => {
    const { order } = await import("../lib/spec-changes.mjs");
    const before = structuredClone(specs.retell);
    const after = structuredClone(before);
    for (const p of Object.values(after.components.schemas.PhoneNumberResponse.properties)) p.description = "changed";
    const { changes } = diffSpecs(before, after);
    expect(changes.length).toBeGreaterThan(6);
    expect(order(changes).map((c) => c.sentence)).toEqual([
      `Descriptions, summaries, examples or code samples changed in ${changes.length} places (documentation only).`,
    ]);
  });
});
