#!/usr/bin/env node
// `pnpm test`: every check CI runs, in order, each step's output streamed, a summary at the end.
// The Prism mocks are started once here and shared by every package's contract tests through
// PHONEBRIDGE_MOCK_URLS (see @phonebridge/testing's vitest setup), instead of once per package.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

/** Each step: a name and the command, run from the root; `when` skips steps whose tool is absent. */
const steps = [
  { name: "generated packages match specs/", cmd: ["node", "scripts/generate.mjs", "--check"] },
  { name: "effective specs are valid OpenAPI", cmd: ["node", "scripts/validate-specs.mjs"] },
  { name: "spec changes carry changesets", cmd: ["node", "scripts/specs-check.mjs"], when: "scripts/specs-check.mjs" },
  { name: "lint and format (Biome)", cmd: [bin("biome"), "ci", "."], when: "biome.json" },
  {
    name: "build, typecheck and package tests",
    cmd: [bin("turbo"), "run", "build", "typecheck", "test", "--output-logs=new-only", "--concurrency=2"],
  },
  {
    name: "scripts tests (spec lifecycle)",
    cmd: [bin("vitest"), "run", "--config", "scripts/vitest.config.mjs"],
    when: "scripts/vitest.config.mjs",
  },
  {
    name: "package exports (publint, attw)",
    cmd: ["node", "bench/check-packages.mjs"],
    when: "bench/check-packages.mjs",
  },
];

function run(cmd, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: "inherit", env });
    child.on("error", (error) => {
      console.error(`could not start ${cmd[0]}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
console.log("── build (turbo, cached) ──");
if ((await run([bin("turbo"), "run", "build", "--output-logs=errors-only"], env)) !== 0) {
  console.log("checks: 0 passed, 1 failed (the build failed)");
  process.exit(1);
}
const { startMockServers } = await import(join(root, "packages/testing/dist/index.js"));
const mocks = await startMockServers();
env.PHONEBRIDGE_MOCK_URLS = JSON.stringify(mocks.urls);
const stopMocks = () => mocks.stop();
process.once("SIGINT", () => stopMocks().finally(() => process.exit(130)));
process.once("SIGTERM", () => stopMocks().finally(() => process.exit(143)));

const results = [];
try {
  for (const step of steps) {
    if (step.when && !existsSync(join(root, step.when))) {
      results.push({ name: step.name, status: "skipped" });
      continue;
    }
    console.log(`\n── ${step.name} ──`);
    const started = Date.now();
    const code = await run(step.cmd, env);
    results.push({ name: step.name, status: code === 0 ? "passed" : "failed", seconds: (Date.now() - started) / 1000 });
  }
} finally {
  await stopMocks();
}

console.log("\n── summary ──");
for (const result of results) {
  const time = result.seconds === undefined ? "" : ` (${result.seconds.toFixed(1)} s)`;
  console.log(`${result.status.padEnd(7)} ${result.name}${time}`);
}
const passed = results.filter((result) => result.status === "passed").length;
const failed = results.filter((result) => result.status === "failed").length;
const skipped = results.filter((result) => result.status === "skipped").length;
console.log(`checks: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
