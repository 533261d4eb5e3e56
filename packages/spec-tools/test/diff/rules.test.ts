// The rule table (src/diff/rules.ts): the only place a bump is decided.
import { describe, expect, it } from "vitest";
import type { Kind } from "../../src/diff/change.js";
import { bumpOf, RULES, SUMMARY_ROWS } from "../../src/diff/rules.js";

describe("the rule table", () => {
  it("gives each kind a bump on at least one side", () => {
    for (const [kind, rule] of Object.entries(RULES)) expect(rule.request ?? rule.response, kind).toBeDefined();
  });

  it("puts only kinds that agree in a row of the contract's summary table, and fills every row", () => {
    for (const row of SUMMARY_ROWS) {
      const rules = Object.values(RULES).filter((rule) => rule.summary === row);
      expect(rules.length, row).toBeGreaterThan(0);
      for (const column of ["request", "response"] as const) {
        const bumps = new Set(rules.map((rule) => rule[column]).filter(Boolean));
        expect(bumps.size, `${row}: ${column}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("reads operation- and document-level changes in the request column", () => {
    expect(bumpOf("operation-removed", "operation")).toBe("major");
    expect(bumpOf("server-added", "document")).toBe("minor");
    expect(bumpOf("field-no-longer-required", "request")).toBe("minor");
    expect(bumpOf("field-no-longer-required", "response")).toBe("major");
  });

  it("refuses a kind on a side the table has no bump for, rather than guessing", () => {
    expect(() => bumpOf("success-status-changed" as Kind, "request")).toThrow(/no request-side bump/);
  });
});
