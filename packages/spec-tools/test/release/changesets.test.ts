// Changeset text and the changesets already in .changeset/ (src/release/changesets.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../src/diff/index.js";
import { declaredBump, order, readChangesets } from "../../src/release/changesets.js";
import { SPECS } from "../diff/corpus.js";

describe("changeset text for many documentation changes", () => {
  it("counts them in one line past a handful", () => {
    const before = structuredClone(SPECS.retell ?? {});
    const after = structuredClone(before);
    for (const p of Object.values(after.components.schemas.PhoneNumberResponse.properties) as Record<
      string,
      unknown
    >[]) {
      p.description = "changed";
    }
    const { changes } = diffSpecs(before, after);
    expect(changes.length).toBeGreaterThan(6);
    expect(order(changes).map((c) => c.sentence)).toEqual([
      `Descriptions, summaries, examples or code samples changed in ${changes.length} places (documentation only).`,
    ]);
  });
});

describe("the changesets in .changeset/", () => {
  it("declare the largest bump any of them gives a package", () => {
    const root = mkdtempSync(join(tmpdir(), "phonebridge-changesets-"));
    try {
      mkdirSync(join(root, ".changeset"));
      writeFileSync(join(root, ".changeset", "a.md"), '---\n"@phonebridge/retell": patch\n---\n\nA.\n');
      writeFileSync(
        join(root, ".changeset", "b.md"),
        '---\n"@phonebridge/retell": minor\n"@phonebridge/cald": major\n---\n\nB.\n',
      );
      writeFileSync(join(root, ".changeset", "README.md"), "not a changeset\n");
      const changesets = readChangesets(root);
      expect(changesets.map((c) => c.file)).toEqual(["a.md", "b.md"]);
      expect(declaredBump(changesets, "@phonebridge/retell")).toBe("minor");
      expect(declaredBump(changesets, "@phonebridge/vogent")).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
