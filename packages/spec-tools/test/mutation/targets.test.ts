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

  it("run the facade's tests with its own vitest config, the type tests left out, not isolated", async () => {
    const stryker = (
      (await import(join(REPO, "packages/spec-tools/mutation/facade.config.mjs"))) as {
        default: { vitest: { configFile: string } };
      }
    ).default;
    type VitestConfig = { default: { test: Record<string, unknown> & { typecheck: { enabled: boolean } } } };
    const own = (await import(join(REPO, "packages/facade/vitest.config.ts"))) as VitestConfig;
    const mutation = (await import(join(REPO, "packages/facade", stryker.vitest.configFile))) as VitestConfig;
    const { typecheck, root, isolate, ...rest } = mutation.default.test;
    expect(own.default.test.typecheck.enabled).toBe(true);
    expect(typecheck.enabled).toBe(false);
    expect(isolate).toBe(false);
    expect(root).toBe(join(REPO, "packages/facade"));
    expect(rest).toEqual(Object.fromEntries(Object.entries(own.default.test).filter(([key]) => key !== "typecheck")));
  });
});
