// `--mock` when @phonebridge/testing is not installed (it is an optional peer dependency: the
// Prism mocks are a test tool, docs/CONTRACT.md#cli-phonebridge): a usage error that says what to
// install, nothing sent. Run on a copy of the built CLI whose node_modules hold its dependencies
// but not the testing kit, as a user's install without it would.

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS } from "@phonebridge/core";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_IDS } from "../src/generated/providers.js";
import { cleanEnv, tempDir } from "./helpers.js";

const cli = fileURLToPath(new URL("..", import.meta.url));

describe("--mock without @phonebridge/testing installed", () => {
  let bin: string;
  beforeAll(() => {
    const dir = tempDir();
    cpSync(join(cli, "dist"), join(dir, "dist"), { recursive: true });
    cpSync(join(cli, "package.json"), join(dir, "package.json"));
    for (const name of ["@phonebridge/core", "@phonebridge/facade", "csv-parse"]) {
      // The package's folder, through the workspace's link (a package's exports may hide its package.json).
      const target = realpathSync(join(cli, "node_modules", name));
      mkdirSync(dirname(join(dir, "node_modules", name)), { recursive: true });
      symlinkSync(target, join(dir, "node_modules", name), "dir");
    }
    bin = join(dir, "dist", "bin.js");
  });

  const run = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { env: cleanEnv(), encoding: "utf8", cwd: tempDir() });

  it("update --mock: a usage error naming what to install, exit 2", () => {
    const provider = PROVIDERS[0];
    const result = run(["update", provider, EXAMPLE_IDS[provider], "--agent", "a", "--mock"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--mock needs @phonebridge/testing (the Prism mocks), which is not installed");
    expect(result.stderr).toContain("npm install -D @phonebridge/testing");
    expect(result.stdout).toBe("");
  });

  it("apply --mock: the same, and no results file is written", () => {
    const dir = tempDir();
    const file = join(dir, "rows.csv");
    writeFileSync(file, `provider,id,agent\n${PROVIDERS[0]},${EXAMPLE_IDS[PROVIDERS[0]]},a\n`);
    const result = run(["apply", file, "--mock"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("npm install -D @phonebridge/testing");
  });

  it("without --mock the CLI runs as usual (a dry run)", () => {
    const provider = PROVIDERS[0];
    const result = run(["update", provider, EXAMPLE_IDS[provider], "--agent", "a", "--dry-run", "--api-key", "k"]);
    expect(result.stderr).not.toContain("@phonebridge/testing");
    expect([0, 2]).toContain(result.status);
    expect(result.stdout).toContain(EXAMPLE_IDS[provider]);
  });
});
