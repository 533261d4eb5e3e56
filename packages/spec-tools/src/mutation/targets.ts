// The packages mutation testing runs on, and where each one's Stryker config is
// (docs/ARCHITECTURE.md#mutation-testing). What a run mutates, its threshold and where it writes
// its reports are the config's.
import { isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface MutationTarget {
  name: string;
  /** The package folder, from the repository root: Stryker runs there. */
  dir: string;
  /** The Stryker config, from the repository root. */
  config: string;
  /**
   * Its tests take every vendor's Prism mock from @phonebridge/testing's vitest setup:
   * `pnpm mutation` starts them once for the run (src/mutation/mocks.ts).
   */
  mocks?: boolean;
}

const CONFIGS = "packages/spec-tools/mutation";

export const TARGETS: readonly MutationTarget[] = [
  { name: "core", dir: "packages/core", config: `${CONFIGS}/core.config.mjs` },
  { name: "facade", dir: "packages/facade", config: `${CONFIGS}/facade.config.mjs`, mocks: true },
  { name: "classifier", dir: "packages/spec-tools", config: `${CONFIGS}/classifier.config.mjs` },
];

/** What `pnpm mutation` reads back from a target's Stryker config. */
export interface TargetConfig {
  /** The JSON report's path. */
  report: string;
  /** The score below which Stryker exits 1. */
  breakAt: number | undefined;
  /** Stryker's folder for temporary files, in the package; in place, the backups of the sources. */
  tempDir: string;
}

export async function loadTargetConfig(root: string, target: MutationTarget): Promise<TargetConfig> {
  const module = (await import(pathToFileURL(join(root, target.config)).href)) as {
    default: {
      jsonReporter?: { fileName?: string };
      thresholds?: { break?: number | null };
      tempDirName?: string;
    };
  };
  const config = module.default;
  const dir = join(root, target.dir);
  const inPackage = (path: string): string => (isAbsolute(path) ? path : join(dir, path));
  return {
    report: inPackage(config.jsonReporter?.fileName ?? "reports/mutation/mutation.json"),
    breakAt: config.thresholds?.break ?? undefined,
    tempDir: inPackage(config.tempDirName ?? ".stryker-tmp"),
  };
}
