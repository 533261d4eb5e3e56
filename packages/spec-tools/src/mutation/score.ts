// A mutation run's score, read from Stryker's JSON report with Stryker's own metrics library (the
// same definition of the score as its report: killed and timed-out mutants over the valid ones).
import { existsSync, readFileSync } from "node:fs";
import { calculateMetrics, type Metrics } from "mutation-testing-metrics";

export interface MutationRun {
  target: string;
  /** Stryker's exit code: not 0 when the score is below the threshold or the run failed. */
  exitCode: number;
  seconds: number;
  breakAt: number | undefined;
  /** Undefined when the run wrote no report (it failed before testing). */
  metrics: Metrics | undefined;
}

type ReportFiles = Parameters<typeof calculateMetrics>[0];

/** The metrics of a JSON report (mutation-testing-report-schema), or undefined when there is none. */
export function readMetrics(reportFile: string): Metrics | undefined {
  if (!existsSync(reportFile)) return undefined;
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as { files?: ReportFiles };
  return calculateMetrics(report.files ?? {}).metrics;
}

const percent = (score: number): string => (Number.isNaN(score) ? "n/a" : `${score.toFixed(2)}%`);

function counts(m: Metrics): string {
  const parts = [
    `${m.killed} killed`,
    `${m.timeout} timed out`,
    `${m.survived} survived`,
    `${m.noCoverage} not covered`,
  ];
  if (m.ignored) parts.push(`${m.ignored} ignored`);
  if (m.totalInvalid) parts.push(`${m.totalInvalid} invalid`);
  return parts.join(", ");
}

const verdict = (run: MutationRun): string => (run.exitCode === 0 ? "pass" : run.metrics ? "FAIL" : "FAIL (no report)");

/** One line per run, for the terminal. */
export function scoreLine(run: MutationRun): string {
  const threshold = run.breakAt === undefined ? "" : ` (break at ${run.breakAt}%)`;
  const time = `${Math.round(run.seconds)} s`;
  if (!run.metrics) return `mutation ${run.target}: ${verdict(run)}, Stryker exited ${run.exitCode} after ${time}`;
  const m = run.metrics;
  return `mutation ${run.target}: score ${percent(m.mutationScore)}${threshold}, ${verdict(run)}; ${m.totalMutants} mutants (${counts(m)}) in ${time}`;
}

/** A Markdown table of the runs, for a GitHub job summary. */
export function summaryTable(runs: readonly MutationRun[]): string {
  const rows = runs.map((run) => {
    const m = run.metrics;
    const cells = m
      ? [percent(m.mutationScore), m.totalMutants, m.killed, m.timeout, m.survived, m.noCoverage]
      : ["n/a", "", "", "", "", ""];
    const threshold = run.breakAt === undefined ? "" : `${run.breakAt}%`;
    return `| ${run.target} | ${verdict(run)} | ${cells.join(" | ")} | ${threshold} | ${Math.round(run.seconds)} s |`;
  });
  return [
    "### Mutation testing (StrykerJS)",
    "",
    "| target | result | score | mutants | killed | timed out | survived | not covered | break at | time |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
