// The docs' tables are the rule table's (src/docs/table.ts): one source for the bumps.
import { describe, expect, it } from "vitest";
import { renderSections, renderSummaryTable } from "../../src/docs/table.js";
import { REPO } from "../helpers.js";

describe("the rule table in the docs", () => {
  for (const { file, current, next } of renderSections(REPO)) {
    it(`${file} shows what the rule table decides (\`pnpm docs\` rewrites it)`, () => {
      expect(current).toBe(next);
    });
  }

  it("summarizes the contract's rows with their bumps", () => {
    const table = renderSummaryTable();
    expect(table).toContain("| field no longer required | minor | major |");
    expect(table).toContain("| operation removed; method or path changed; path parameter renamed | major | |");
  });
});
