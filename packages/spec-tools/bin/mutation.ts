#!/usr/bin/env node
// `pnpm mutation [core|facade|classifier ...] [--restore] [Stryker options]`: mutation testing
// with StrykerJS, in place, one target after the other (all three when none is named), each
// with its config in mutation/. Prints each score, adds them to the GitHub job summary when
// there is one, and exits 1 when a target is below its threshold or fails. Not part of
// `pnpm test` (too slow): docs/ARCHITECTURE.md#mutation-testing.
import { spawn } from "node:child_process";
import { appendFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { parseMutationArgs, USAGE } from "../src/mutation/args.js";
import { startTargetMocks, type TargetMocks } from "../src/mutation/mocks.js";
import { restoreLeftovers } from "../src/mutation/restore.js";
import { type MutationRun, readMetrics, scoreLine, summaryTable } from "../src/mutation/score.js";
import { loadTargetConfig, type MutationTarget, type TargetConfig } from "../src/mutation/targets.js";
import { repoRoot } from "../src/repo.js";
import { bin, run } from "../src/run/process.js";

const parsed = parseMutationArgs(process.argv.slice(2));
if ("error" in parsed) {
  console.error(`${parsed.error}\n${USAGE}`);
  process.exit(2);
}
const args = parsed;
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = repoRoot();
const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
const stryker = join(
  dirname(createRequire(import.meta.url).resolve("@stryker-mutator/core/package.json")),
  "bin",
  "stryker.js",
);

/** Puts back what a run killed outright left in place, and says so. */
function restore(target: MutationTarget, tempDir: string): boolean {
  const dir = join(root, target.dir);
  const { restored, kept } = restoreLeftovers(dir, tempDir);
  for (const file of restored) console.log(`mutation ${target.name}: restored ${join(target.dir, file)}`);
  for (const file of kept) {
    const backup = relative(root, tempDir);
    console.error(
      `mutation ${target.name}: ${join(target.dir, file)} changed since an interrupted run; its original is still in ${backup}`,
    );
  }
  return kept.length === 0;
}

// Signals reach Stryker too (it restores the sources on them); this process waits for it to
// finish, then stops before the next target.
let stopSignal: NodeJS.Signals | undefined;
let current: ReturnType<typeof spawn> | undefined;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopSignal = signal;
    current?.kill(signal);
  });
}

function runStryker(target: MutationTarget, extraEnv: Record<string, string>): Promise<number> {
  const command = [stryker, "run", join(root, target.config), ...args.stryker];
  console.log(
    `\n── mutation ${target.name}: stryker ${command
      .slice(1)
      .map((a) => relative(root, a) || a)
      .join(" ")} ──`,
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, command, {
      cwd: join(root, target.dir),
      stdio: "inherit",
      env: { ...env, ...extraEnv },
    });
    current = child;
    child.on("error", (error) => {
      console.error(`could not start Stryker: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const configs = new Map<MutationTarget, TargetConfig>();
let failed = false;
for (const target of args.targets) {
  const config = await loadTargetConfig(root, target);
  configs.set(target, config);
  failed = !restore(target, config.tempDir) || failed;
}
if (args.restoreOnly || failed) process.exit(failed ? 1 : 0);

// After the restore: a build from sources a killed run left mutated would test the mutants' code.
// The facade's tests run against the other packages' dist/.
console.log("── build (turbo, cached) ──");
if ((await run([bin(root, "turbo"), "run", "build", "--output-logs=errors-only"], { cwd: root, env })) !== 0) {
  console.error("mutation: the build failed");
  process.exit(1);
}

const runs: MutationRun[] = [];
for (const [target, config] of configs) {
  rmSync(config.report, { force: true });
  const started = Date.now();
  let mocks: TargetMocks | undefined;
  let exitCode: number;
  try {
    if (target.mocks) {
      console.log(`── mutation ${target.name}: the Prism mocks, once for the run ──`);
      mocks = await startTargetMocks(join(root, target.dir));
    }
    exitCode = stopSignal ? 1 : await runStryker(target, mocks?.env ?? {});
  } catch (error) {
    console.error(`mutation ${target.name}: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  } finally {
    await mocks?.stop();
  }
  current = undefined;
  restore(target, config.tempDir);
  const run: MutationRun = {
    target: target.name,
    exitCode,
    seconds: (Date.now() - started) / 1000,
    breakAt: config.breakAt,
    metrics: readMetrics(config.report),
  };
  runs.push(run);
  failed ||= exitCode !== 0;
  if (stopSignal) break;
}

if (runs.length) {
  console.log(`\n${runs.map(scoreLine).join("\n")}`);
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) appendFileSync(summary, summaryTable(runs));
}
if (stopSignal) process.exit(stopSignal === "SIGINT" ? 130 : stopSignal === "SIGTERM" ? 143 : 129);
process.exitCode = failed ? 1 : 0;
