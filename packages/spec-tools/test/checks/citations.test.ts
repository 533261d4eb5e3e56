// Comments cite sections of docs/ that exist, never issue numbers or files outside the
// repository (src/checks/citations.ts).
import { describe, expect, it } from "vitest";
import { citationProblems, commentsOf, slug } from "../../src/checks/citations.js";
import { REPO } from "../helpers.js";

describe("citations in comments", () => {
  it("are sections of docs/ that exist, not issue numbers or files outside the repository", () => {
    const shown = citationProblems(REPO).map((p) => `${p.file}:${p.line}: ${p.problem}`);
    expect(shown).toEqual([]);
  });

  it("are read from comments only, not from strings, templates or regular expressions", () => {
    // The template literal of the second line is written with a placeholder built here, so this
    // test file holds no placeholder inside an ordinary string.
    const placeholder = ["$", "{a}"].join("");
    const source = [
      'const a = "issue 12 in a string"; // a comment citing docs/CONTRACT.md#secrets',
      `const b = \`see #3 ${placeholder} issue 4\`; /* issue 7 */`,
      "const c = /issue 9/.test(a) ? 1 : a.length / 2; // half",
    ].join("\n");
    expect(commentsOf(source).map((c) => c.text)).toEqual([
      "// a comment citing docs/CONTRACT.md#secrets",
      "/* issue 7 */",
      "// half",
    ]);
  });

  it("name sections by GitHub's anchors", () => {
    expect(slug("Retries and time")).toBe("retries-and-time");
    expect(slug("Facade: `update(id, changes, options?)`")).toBe("facade-updateid-changes-options");
    expect(slug("Spec changes (`specs:diff`), from the client's side")).toBe(
      "spec-changes-specsdiff-from-the-clients-side",
    );
  });
});
