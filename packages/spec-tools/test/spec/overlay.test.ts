// The overlay (src/spec/overlay.ts): named fixes that apply while the document holds `expect`.
import { describe, expect, it } from "vitest";
import { applyOverlay } from "../../src/spec/overlay.js";

const doc = () => ({ security: [], components: { schemas: { A: { type: "string" } } }, paths: { "/a": {} } });

describe("the overlay", () => {
  it("applies its fixes to a copy, leaving the document and what the fixes did not touch shared", () => {
    const original = doc();
    const before = structuredClone(original);
    const overlay = {
      fixes: [
        { name: "auth", reason: "r", target: "/security", expect: [], set: [{}, { bearer: [] }] },
        { name: "drop", reason: "r", target: "/components/schemas/A", expect: { type: "string" }, remove: true },
      ],
    };
    const { spec, outcomes } = applyOverlay(original, overlay, "acme");
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied"]);
    expect(spec).toEqual({ security: [{}, { bearer: [] }], components: { schemas: {} }, paths: { "/a": {} } });
    expect(original).toEqual(before);
    expect((spec as ReturnType<typeof doc>).paths).toBe(original.paths);
  });

  it("reports a fix whose target no longer holds `expect` as stale, by name and why", () => {
    const overlay = {
      fixes: [
        { name: "fixed", reason: "r", target: "/security", expect: [{ x: [] }], set: [] },
        { name: "gone", reason: "r", target: "/nope", expect: 1, set: 2 },
        { name: "changed", reason: "r", target: "/components/schemas/A", expect: { type: "integer" }, set: {} },
      ],
    };
    const { outcomes } = applyOverlay(doc(), overlay, "acme");
    expect(outcomes).toEqual([
      {
        name: "fixed",
        status: "stale",
        detail: "the document now already has what this fix sets at /security: the vendor fixed it, remove the fix",
      },
      { name: "gone", status: "stale", detail: "/nope is no longer in the document" },
      { name: "changed", status: "stale", detail: "the vendor changed /components/schemas/A; review the fix" },
    ]);
  });

  it("refuses a malformed overlay, naming the fix", () => {
    expect(() => applyOverlay(doc(), { fixes: [{ name: "x", target: "/a", set: 1 }] }, "acme")).toThrow(
      /specs\/acme\/overlay.yaml fix "x": needs a reason/,
    );
    expect(() => applyOverlay(doc(), { fixes: [{ name: "x", reason: "r", target: "a", set: 1 }] }, "acme")).toThrow(
      /not a JSON Pointer/,
    );
  });
});
