#!/usr/bin/env node
// `pnpm test`: every check CI runs, in order, each step's output streamed, a summary at the end.
// The Prism mocks are started once here and shared by every package's contract tests through
// PHONEBRIDGE_MOCK_URLS (see @phonebridge/testing's vitest setup), instead of once per package.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../src/repo.js";
import { bin, run, toolBin } from "../src/run/process.js";

const root = repoRoot();
const node = process.execPath;
const turbo = bin(root, "turbo");
const TOOLS = "@phonebridge/spec-tools";

interface Step {
  name: string;
  cmd: string[];
}

const steps: Step[] = [
  { name: "generated packages match specs/", cmd: [node, toolBin(root, "generate"), "--check"] },
  { name: "effective specs are valid OpenAPI", cmd: [node, toolBin(root, "validate-specs")] },
  { name: "src/version.ts files match package.json", cmd: [node, toolBin(root, "versions"), "--check"] },
  // The generated packages were checked in the first step.
  { name: "spec changes carry changesets", cmd: [node, toolBin(root, "specs-check"), "--no-generate-check"] },
  { name: "lint and format (Biome)", cmd: [bin(root, "biome"), "ci", "."] },
  {
    name: "build, typecheck and tests of the packages",
    cmd: [
      turbo,
      "run",
      "build",
      "typecheck",
      "test",
      `--filter=!${TOOLS}`,
      "--output-logs=new-only",
      "--concurrency=2",
    ],
  },
  // A step of their own, after the packages' tests: run beside them, the tools' end-to-end tests
  // load the machine while the facade's fault tests measure time.
  {
    name: "the tools: typecheck and tests (generator, spec lifecycle)",
    cmd: [turbo, "run", "typecheck", "test", `--filter=${TOOLS}`, "--output-logs=new-only"],
  },
  { name: "package exports (publint, attw)", cmd: [node, toolBin(root, "check-packages")] },
  { name: "bundle size budgets", cmd: [node, toolBin(root, "size")] },
];

interface MockServers {
  urls: Record<string, string>;
  stop(): Promise<void>;
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  FORCE_COLOR: process.env.FORCE_COLOR ?? "0",
};
console.log("── build (turbo, cached) ──");
if ((await run([turbo, "run", "build", "--output-logs=errors-only"], { cwd: root, env })) !== 0) {
  console.log("checks: 0 passed, 1 failed (the build failed)");
  process.exit(1);
}
const testing = (await import(pathToFileURL(join(root, "packages/testing/dist/index.js")).href)) as {
  startMockServers(): Promise<MockServers>;
};
const mocks = await testing.startMockServers();
env.PHONEBRIDGE_MOCK_URLS = JSON.stringify(mocks.urls);
const stopMocks = () => mocks.stop();
process.once("SIGINT", () => void stopMocks().finally(() => process.exit(130)));
process.once("SIGTERM", () => void stopMocks().finally(() => process.exit(143)));

const results: { name: string; passed: boolean; seconds: number }[] = [];
try {
  for (const step of steps) {
    console.log(`\n── ${step.name} ──`);
    const started = Date.now();
    const code = await run(step.cmd, { cwd: root, env });
    results.push({ name: step.name, passed: code === 0, seconds: (Date.now() - started) / 1000 });
  }
} finally {
  await stopMocks();
}

console.log("\n── summary ──");
for (const result of results) {
  console.log(`${(result.passed ? "passed" : "failed").padEnd(7)} ${result.name} (${result.seconds.toFixed(1)} s)`);
}
const passed = results.filter((result) => result.passed).length;
const failed = results.length - passed;
console.log(`checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
