// The mutation targets and what `pnpm mutation` reads from their Stryker configs
// (src/mutation/targets.ts, mutation/*.config.mjs).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTargetConfig, TARGETS } from "../../src/mutation/targets.js";
import { REPO } from "../helpers.js";

describe("the mutation targets", () => {
  it("each have a package and a config, reporting to reports/mutation/<target>/ and breaking below 85%", async () => {
    for (const target of TARGETS) {
      expect(existsSync(join(REPO, target.dir, "package.json")), target.dir).toBe(true);
      expect(await loadTargetConfig(REPO, target)).toEqual({
        report: join(REPO, "reports", "mutation", target.name, "mutation.json"),
        breakAt: 85,
        tempDir: join(REPO, target.dir, ".stryker-tmp"),
      });
    }
  });

  it("run in place, with the vitest runner, mutating only the package's sources", async () => {
    const mutate: Record<string, unknown> = {};
    for (const target of TARGETS) {
      const config = ((await import(join(REPO, target.config))) as { default: Record<string, unknown> }).default;
      expect(config).toMatchObject({ inPlace: true, testRunner: "vitest", coverageAnalysis: "perTest" });
      mutate[target.name] = config.mutate;
    }
    expect(mutate).toEqual({ core: ["src/**/*.ts"], facade: ["src/**/*.ts"], classifier: ["src/diff/**/*.ts"] });
  });
});
