// Bumps and their order (src/diff/change.ts).
import { describe, expect, it } from "vitest";
import { BUMPS, maxBump } from "../../src/diff/change.js";

describe("bumps", () => {
  it("go from the smallest to the largest", () => {
    expect(BUMPS).toEqual(["patch", "minor", "major"]);
  });

  it("combine into the largest, and into none when there is none", () => {
    expect(maxBump()).toBeUndefined();
    expect(maxBump(undefined, undefined)).toBeUndefined();
    expect(maxBump("patch", undefined, "minor", "patch")).toBe("minor");
    expect(maxBump("major", "minor")).toBe("major");
  });
});
