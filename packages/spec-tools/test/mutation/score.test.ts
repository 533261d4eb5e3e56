// A mutation run's score and how it is shown (src/mutation/score.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type MutationRun, readMetrics, scoreLine, summaryTable } from "../../src/mutation/score.js";

const dir = mkdtempSync(join(tmpdir(), "phonebridge-score-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Stryker JSON report (mutation-testing-report-schema) with one mutant per status given. */
function report(statuses: string[]): string {
  const file = join(dir, `report-${statuses.length}.json`);
  const at = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
  const mutants = statuses.map((status, i) => ({ id: String(i), mutatorName: "StringLiteral", location: at, status }));
  const files = { "src/a.ts": { language: "typescript", source: 'export const x = "a";\n', mutants } };
  writeFileSync(file, JSON.stringify({ schemaVersion: "2", thresholds: { high: 90, low: 85 }, files }));
  return file;
}

const STATUSES = [
  ...Array(14).fill("Killed"),
  "Timeout",
  "Survived",
  "Survived",
  "NoCoverage",
  "Ignored",
  "CompileError",
];

describe("the score of a mutation run", () => {
  it("is Stryker's: killed and timed-out mutants over the valid ones (ignored and invalid ones apart)", () => {
    const metrics = readMetrics(report(STATUSES));
    expect(metrics).toMatchObject({ killed: 14, timeout: 1, survived: 2, noCoverage: 1, ignored: 1, totalValid: 18 });
    expect(metrics?.mutationScore).toBeCloseTo((15 / 18) * 100, 10);
  });

  it("is undefined when the run wrote no report", () => {
    expect(readMetrics(join(dir, "missing.json"))).toBeUndefined();
  });

  const run = (exitCode: number, statuses?: string[]): MutationRun => ({
    target: "classifier",
    exitCode,
    seconds: 61.6,
    breakAt: 85,
    metrics: statuses ? readMetrics(report(statuses)) : undefined,
  });

  it("is printed on one line with the threshold, the verdict, the counts and the time", () => {
    expect(scoreLine(run(1, STATUSES))).toBe(
      "mutation classifier: score 83.33% (break at 85%), FAIL; 20 mutants (14 killed, 1 timed out, 2 survived, 1 not covered, 1 ignored, 1 invalid) in 62 s",
    );
    expect(scoreLine(run(0, ["Killed", "Survived"]))).toBe(
      "mutation classifier: score 50.00% (break at 85%), pass; 2 mutants (1 killed, 0 timed out, 1 survived, 0 not covered) in 62 s",
    );
    expect(scoreLine(run(2))).toBe("mutation classifier: FAIL (no report), Stryker exited 2 after 62 s");
  });

  it("goes into the job summary as a table row per run", () => {
    const table = summaryTable([run(1, STATUSES), { ...run(0, ["Killed"]), target: "core" }, run(1)]);
    expect(table.split("\n")).toEqual([
      "### Mutation testing (StrykerJS)",
      "",
      "| target | result | score | mutants | killed | timed out | survived | not covered | break at | time |",
      "|---|---|---|---|---|---|---|---|---|---|",
      "| classifier | FAIL | 83.33% | 20 | 14 | 1 | 2 | 1 | 85% | 62 s |",
      "| core | pass | 100.00% | 1 | 1 | 0 | 0 | 0 | 85% | 62 s |",
      "| classifier | FAIL (no report) | n/a |  |  |  |  |  | 85% | 62 s |",
      "",
    ]);
  });
});
