// oasdiff's second opinion (src/oasdiff/cross-check.ts): it never overrides a change the
// classifier classified; a finding the classifier missed takes the bump of the kind its rule id
// maps to; a finding neither knows is breaking until reviewed.
import { describe, expect, it } from "vitest";
import { maxBump } from "../../src/diff/change.js";
import { diffSpecs } from "../../src/diff/index.js";
import { oasdiffChangelog, unexplained } from "../../src/oasdiff/cross-check.js";
import { RETELL, SPECS } from "../diff/corpus.js";

const deprecatedField = () => {
  const before = structuredClone(SPECS.retell ?? {});
  const after = structuredClone(before);
  after.paths[RETELL].patch.requestBody.content["application/json"].schema.properties.termination_uri.deprecated = true;
  return [before, after] as const;
};

describe("oasdiff's second opinion", () => {
  it("runs offline, and reports a removed request field", async () => {
    const before = structuredClone(SPECS.retell ?? {});
    const after = structuredClone(before);
    delete after.paths[RETELL].patch.requestBody.content["application/json"].schema.properties.termination_uri;
    const run = await oasdiffChangelog(before, after);
    expect(run).not.toHaveProperty("error");
    expect("changes" in run && run.changes.map((f) => f.id)).toContain("request-property-removed");
  });

  it("keeps a deprecated request field a patch: oasdiff's request-property-deprecated is the classifier's `deprecated`", async () => {
    const [before, after] = deprecatedField();
    const ours = diffSpecs(before, after);
    expect(ours).toMatchObject({ bump: "patch", changes: [{ kind: "deprecated" }] });
    const run = await oasdiffChangelog(before, after);
    if ("error" in run) throw new Error(run.error);
    expect(run.changes.map((f) => f.id)).toEqual(["request-property-deprecated"]);
    const extra = unexplained(ours.changes, run.changes);
    expect(extra).toEqual([]);
    expect(maxBump(...[...ours.changes, ...extra].map((c) => c.bump))).toBe("patch");
  });

  it("gives a finding the classifier missed the bump of the kind its rule id maps to", () => {
    const finding = { id: "response-optional-property-added", text: "added `x`", operation: "PATCH", path: "/a" };
    const [extra] = unexplained([], [finding]);
    expect(extra).toMatchObject({
      bump: "minor",
      side: "response",
      kind: "field-added-optional",
      operation: "PATCH /a",
      oasdiff: { id: "response-optional-property-added" },
    });
    expect(extra?.sentence).toMatch(
      /oasdiff reports a change phonebridge's classifier did not on PATCH \/a: "added `x`"/,
    );
    const removed = {
      id: "request-property-removed",
      text: "removed the request property `x`",
      operation: "PATCH",
      path: "/a",
    };
    expect(unexplained([], [removed])).toMatchObject([{ bump: "major", side: "request", kind: "field-removed" }]);
  });

  it("treats a finding no row maps as unclassified and breaking until reviewed", () => {
    const finding = {
      id: "response-body-discriminator-added",
      text: "discriminator added",
      operation: "PATCH",
      path: "/a",
    };
    expect(unexplained([], [finding])).toMatchObject([
      {
        bump: "major",
        kind: "unclassified",
        operation: "PATCH /a",
        sentence:
          'oasdiff reports a change phonebridge does not classify on PATCH /a: "discriminator added" (response-body-discriminator-added); treated as breaking until reviewed by hand.',
      },
    ]);
  });

  it("accounts a finding on an operation where the classifier found a change above documentation", () => {
    const [before, after] = deprecatedField();
    after.paths[RETELL].patch.requestBody.content["application/json"].schema.properties.nickname.maxLength = 9;
    const ours = diffSpecs(before, after);
    expect(ours.bump).toBe("major");
    const finding = { id: "response-body-discriminator-added", text: "x", operation: "PATCH", path: RETELL };
    expect(unexplained(ours.changes, [finding])).toEqual([]);
  });
});
