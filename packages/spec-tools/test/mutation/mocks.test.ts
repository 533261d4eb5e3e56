// The Prism mocks `pnpm mutation` starts once for a target's run (src/mutation/mocks.ts), and the
// targets that get them.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startTargetMocks } from "../../src/mutation/mocks.js";
import { TARGETS } from "../../src/mutation/targets.js";
import { REPO } from "../helpers.js";

describe("the mutation run's Prism mocks", () => {
  it("are the facade's only: its tests take them from @phonebridge/testing's vitest setup", () => {
    expect(TARGETS.filter((target) => target.mocks).map((target) => target.name)).toEqual(["facade"]);
  });

  it("start once per vendor, answer, reach the tests in PHONEBRIDGE_MOCK_URLS and stop", async () => {
    const mocks = await startTargetMocks(join(REPO, "packages/facade"));
    let urls: Record<string, string>;
    try {
      expect(Object.keys(mocks.env)).toEqual(["PHONEBRIDGE_MOCK_URLS"]);
      urls = JSON.parse(mocks.env.PHONEBRIDGE_MOCK_URLS ?? "{}") as Record<string, string>;
      expect(Object.keys(urls).sort()).toEqual(["cald", "cartesia", "retell", "verbex", "vogent"]);
      for (const url of Object.values(urls)) expect((await fetch(url)).status).toBeGreaterThan(0);
    } finally {
      await mocks.stop();
    }
    for (const url of Object.values(urls)) await expect(fetch(url)).rejects.toThrow();
  });
});
