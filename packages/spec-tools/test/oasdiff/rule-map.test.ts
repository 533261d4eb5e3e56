// oasdiff's rule ids mapped to the classifier's kinds (src/oasdiff/rule-map.ts).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { column, RULES } from "../../src/diff/rules.js";
import { kindsForRule, sideOfRule, UNMAPPED } from "../../src/oasdiff/rule-map.js";
import { REPO } from "../helpers.js";

const oasdiff = join(REPO, "packages", "spec-tools", "node_modules", ".bin", "oasdiff");
const checks = JSON.parse(execFileSync(oasdiff, ["checks", "-f", "json"], { encoding: "utf8" })) as { id: string }[];

describe("oasdiff's rule ids", () => {
  it("are listed by the installed oasdiff (more than 400 of them)", () => {
    expect(checks.length).toBeGreaterThan(400);
  });

  it("each map to a kind, or are unmapped on purpose", () => {
    const unknown = checks
      .map((c) => c.id)
      .filter((id) => !kindsForRule(id).length && !UNMAPPED.some((re) => re.test(id)));
    expect(unknown).toEqual([]);
  });

  it("map to at least one kind the rule table has a bump for on the id's side", () => {
    const without = checks
      .map((c) => c.id)
      .filter((id) => kindsForRule(id).length && !kindsForRule(id).some((kind) => RULES[kind][column(sideOfRule(id))]));
    expect(without).toEqual([]);
  });

  it("map deprecations to `deprecated` and removals to removals, whatever else their id says", () => {
    expect(kindsForRule("request-property-deprecated")[0]).toBe("deprecated");
    expect(kindsForRule("api-path-removed-before-sunset")[0]).toBe("operation-removed");
    expect(kindsForRule("request-parameter-removed-with-deprecation")[0]).toBe("parameter-removed");
    expect(sideOfRule("new-required-request-property")).toBe("request");
    expect(sideOfRule("optional-response-header-removed")).toBe("response");
    expect(sideOfRule("endpoint-added")).toBe("operation");
  });
});
