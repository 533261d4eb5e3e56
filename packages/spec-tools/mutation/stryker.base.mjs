// The Stryker options every mutation target shares (docs/ARCHITECTURE.md#mutation-testing).
// Stryker runs in the target package's folder (`pnpm mutation` starts it there), so relative
// paths here are relative to that package.
import { fileURLToPath } from "node:url";

/** Below this score Stryker exits 1 (and `pnpm mutation` with it). */
export const BREAK = 85;

/**
 * The options of one target: `name` names its report folder, `reports/mutation/<name>/` at the
 * repository root; `sources` (a glob in the package) are the files it mutates; `options` are the
 * target's own (its vitest config).
 *
 * @param {string} name
 * @param {string} sources
 * @param {Record<string, unknown>} [options]
 */
export function strykerConfig(name, sources, options = {}) {
  const reports = fileURLToPath(new URL(`../../../reports/mutation/${name}/`, import.meta.url));
  return {
    testRunner: "vitest",
    // Stryker looks for its plugins beside itself, which pnpm's layout does not give it: the
    // runner is named by its resolved location instead.
    plugins: [import.meta.resolve("@stryker-mutator/vitest-runner")],
    // In its sandbox (a copy of the package in .stryker-tmp/) the `extends` of a package's
    // tsconfig.json no longer reaches tsconfig.base.json; in place, the mutated sources are
    // written over the package's own, and Stryker puts them back at the end, on Ctrl-C and on
    // SIGTERM (`pnpm mutation` also restores what a killed run left).
    inPlace: true,
    tempDirName: ".stryker-tmp",
    mutate: [sources],
    // Stryker adds `// @ts-nocheck` to every source and test file it finds by default, and in
    // place that means writing over them all: only the mutated sources need it (vitest does not
    // type-check; the facade's type tests read the sources).
    disableTypeChecks: sources,
    coverageAnalysis: "perTest",
    reporters: ["clear-text", "progress", "html", "json"],
    clearTextReporter: { allowColor: false },
    htmlReporter: { fileName: `${reports}mutation.html` },
    jsonReporter: { fileName: `${reports}mutation.json` },
    incrementalFile: `${reports}incremental.json`,
    thresholds: { high: 90, low: BREAK, break: BREAK },
    ...options,
  };
}
