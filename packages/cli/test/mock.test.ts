import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS } from "@phonebridge/core";
import { expect, it } from "vitest";
import { readResults, run, tempDir } from "./helpers.js";

const EXAMPLE = fileURLToPath(new URL("../examples/numbers.csv", import.meta.url));

it("--mock starts the embedded mocks, applies the example across every vendor of the registry", async () => {
  const results = join(tempDir(), "numbers.results.jsonl");
  const result = await run(["apply", EXAMPLE, "--mock", "--table", "--results", results]);
  expect(result.stderr).not.toMatch(/failed|bad row/);
  expect(result.code).toBe(0);
  const table = result.stdout.split("\n");
  expect(table[0]).toMatch(/^row\s+provider\s+id\s+ok\s+number\s+label\s+agent\s+outbound agent/);
  for (const provider of PROVIDERS) {
    expect(result.stdout).toMatch(new RegExp(`^\\d\\s+${provider}\\s+\\S+\\s+ok\\b`, "m"));
  }
  const n = PROVIDERS.length;
  expect(result.stdout).toMatch(new RegExp(`done: ${n} rows: ${n} ok, 0 failed, 0 bad`));
  expect(readResults(results).filter((line) => line.ok)).toHaveLength(n);
});
