import { setMaxListeners } from "node:events";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONNECTION_OPTIONS, connectionOf, usageErrors } from "./args.js";
import { createPlanner, loadCapabilities, loadFacade, type PhoneNumbers, type Planner } from "./client.js";
import { intFlag, positiveFlag, requireOneProvider } from "./config.js";
import { Connections } from "./context.js";
import { describeError, type ErrorInfo, errorLine } from "./describe.js";
import { refuseDuplicates } from "./duplicates.js";
import { applyHelp } from "./help.js";
import { Interrupt } from "./interrupt.js";
import { type LockHolder, ResultsLock } from "./lock.js";
import { normalized, printable, requestText, rowsTable } from "./output.js";
import { lackingError, PLACEHOLDER_BASE_URL, prepareClients } from "./prepare.js";
import { type Counts, Progress } from "./progress.js";
import { isProvider, type Provider } from "./providers.js";
import { bare, clip } from "./quote.js";
import { RateLimiter } from "./rate.js";
import { doneRows, type ResultLine, ResultsFile, readResultsText, resultsTarget } from "./results.js";
import { type GoodRow, type InputRow, readRows } from "./rows.js";
import type { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  concurrency: { type: "string" },
  rate: { type: "string" },
  results: { type: "string" },
  resume: { type: "boolean" },
  overwrite: { type: "boolean" },
  table: { type: "boolean" },
} as const;

/** The lowest `--rate`: one request per 1,000 s. */
const MIN_RATE = 0.001;

/** Errors of input the facade refused before sending: the row is bad, not failed. */
const INPUT_CODES = new Set(["invalid_input", "unsupported_change"]);

function rowLabel(row: InputRow, secrets: Secrets): string {
  return `row ${row.row}${row.provider ? ` ${bare(row.provider, secrets)}` : ""}${row.id ? ` ${bare(row.id, secrets)}` : ""}`;
}

function tookOver(holder: LockHolder): void {
  process.stderr.write(
    `phonebridge: the results file's lock was left by pid ${holder.pid} (since ${clip(holder.since)}), ` +
      "which is gone: taken over\n",
  );
}

function hasContent(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

export async function apply(args: string[], secrets: Secrets): Promise<number> {
  const { values, positionals } = usageErrors(
    () => parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true }),
    { command: "apply", args, options: OPTIONS },
  );
  const json = values.json === true;
  if (values.help) {
    // With --json, stdout holds JSON only.
    (json ? process.stderr : process.stdout).write(applyHelp(await loadCapabilities()));
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `apply takes one <file.csv|file.jsonl>, got ${positionals.length} argument(s); see phonebridge apply --help`,
    );
  }
  const input = positionals[0] as string;
  const concurrency = intFlag("concurrency", values.concurrency, 1, 1024) ?? 8;
  const rate = positiveFlag("rate", values.rate, MIN_RATE);
  if (values.resume && values.overwrite) throw new UsageError("--resume and --overwrite exclude each other");
  const dryRun = values["dry-run"] === true;
  const connection = connectionOf(values);
  const connections = new Connections(connection, secrets);

  const rows = await readRows(input, secrets);
  refuseDuplicates(input, rows, secrets);
  const named = [...new Set(rows.flatMap((row) => (isProvider(row.provider) ? [row.provider] : [])))];
  requireOneProvider("api-key", connection.apiKeys, named);
  requireOneProvider("base-url", connection.baseUrls, named);

  // What would stop the real run. A real run stops at the first; --dry-run collects them all,
  // shows every request anyway, and says by its exit code whether the real run could start.
  const problems: string[] = [];
  const check = <T>(step: () => T, otherwise: T): T => {
    try {
      return step();
    } catch (error) {
      if (!dryRun || !(error instanceof UsageError)) throw error;
      problems.push(error.message);
      return otherwise;
    }
  };

  const target = check(() => resultsTarget(values.results ?? `${input}.results.jsonl`, input), undefined);
  let lock: ResultsLock | undefined;
  let interrupt: Interrupt | undefined;
  try {
    if (target !== undefined && dryRun) {
      // A dry run takes no lock; it only says whether the real run would find one held.
      const state = check(() => ResultsLock.inspect(target.lockPath), undefined);
      if (state !== undefined && ("foreign" in state || state.live)) {
        problems.push(ResultsLock.problem(target.lockPath, clip(target.path), state));
      }
    } else if (target !== undefined) {
      interrupt = new Interrupt();
      lock = await ResultsLock.acquire(target.lockPath, clip(target.path), tookOver);
    }

    let done = new Set<number>();
    if (target !== undefined) {
      if (values.resume) {
        done = check(
          () => doneRows(target.path, readResultsText(target.canonical, "--resume", target.path), rows),
          done,
        );
      } else if (values.overwrite) {
        check(() => readResultsText(target.canonical, "--overwrite", target.path), "");
      } else if (hasContent(target.canonical)) {
        check(() => {
          throw new UsageError(
            `the results file ${clip(target.path)} exists: pass --resume to continue it, or --overwrite to start again`,
          );
        }, undefined);
      }
    }
    const todo = rows.filter((row) => !done.has(row.row));
    const providers = [...new Set(todo.flatMap((row) => (row.ok ? [row.provider] : [])))];

    const create = await loadFacade();
    await connections.start(providers);
    if (dryRun) {
      const prepared = prepareClients(providers, connections, secrets, create);
      problems.push(...prepared.problems);
      const planners = new Map<Provider, Planner>();
      for (const [provider, client] of prepared.clients) {
        const base = prepared.placeholderBaseUrl.has(provider) ? PLACEHOLDER_BASE_URL : undefined;
        planners.set(provider, createPlanner(client, secrets, base));
      }
      return await dryRunRows(todo, planners, secrets, json, { problems, alreadyDone: done.size });
    }
    // --rate counts every request, retries included: the limiter runs before each attempt.
    const prepared = prepareClients(providers, connections, secrets, (options) => {
      const limiter = rate === undefined ? undefined : new RateLimiter(rate);
      const beforeAttempt = limiter && ((signal: AbortSignal | undefined) => limiter.take(signal));
      return create({ ...options, beforeAttempt });
    });
    if (prepared.problems.length > 0) throw lackingError(prepared.problems);
    if (interrupt?.interrupted) return 130;
    return await run({
      rows,
      todo,
      done,
      clients: prepared.clients,
      resultsPath: (target as NonNullable<typeof target>).canonical,
      shownPath: resolve((target as NonNullable<typeof target>).path),
      concurrency,
      secrets,
      json,
      truncate: values.overwrite === true,
      table: values.table === true,
      interrupt: interrupt as Interrupt,
    });
  } finally {
    await connections.stop();
    interrupt?.dispose();
    lock?.release();
  }
}

async function dryRunRows(
  rows: readonly InputRow[],
  planners: Map<Provider, Planner>,
  secrets: Secrets,
  json: boolean,
  run: { problems: readonly string[]; alreadyDone: number },
): Promise<number> {
  let bad = 0;
  // printable() on JSON too: what it escapes can only sit inside strings, as valid JSON escapes.
  const out = (text: string) => process.stdout.write(`${printable(secrets.text(text))}\n`);
  for (const row of rows) {
    let error: ErrorInfo;
    if (row.ok) {
      try {
        const request = await (planners.get(row.provider) as Planner).plan(row.id, row.changes);
        out(
          json
            ? JSON.stringify({ row: row.row, provider: row.provider, id: row.id, request })
            : `${rowLabel(row, secrets)}\n${requestText(request)}\n`,
        );
        continue;
      } catch (caught) {
        error = describeError(caught, secrets);
      }
    } else {
      error = { code: "invalid_row", message: row.reason };
    }
    bad += 1;
    if (json) out(JSON.stringify({ row: row.row, provider: row.provider ?? null, id: row.id ?? null, error }));
    process.stderr.write(`${printable(secrets.text(`${rowLabel(row, secrets)}: bad row: ${error.message}`))}\n`);
  }
  const canStart = run.problems.length === 0;
  if (!canStart) {
    const list = run.problems.map((problem) => `  ${problem.replace(/\n/g, "\n  ")}`).join("\n");
    process.stderr.write(`${printable(secrets.text(`the real run would not start (exit 2):\n${list}`))}\n`);
  }
  const summary = {
    dryRun: true,
    rows: rows.length,
    valid: rows.length - bad,
    bad,
    alreadyDone: run.alreadyDone,
    canStart,
    problems: run.problems,
  };
  const done = run.alreadyDone > 0 ? ` (${run.alreadyDone} already done)` : "";
  out(
    json
      ? JSON.stringify(summary)
      : `dry run: ${rows.length} rows${done}, ${rows.length - bad} valid, ${bad} bad; nothing sent` +
          (canStart ? "" : `; the real run would not start (${run.problems.length} problem(s) above)`),
  );
  if (!canStart) return 2;
  return bad > 0 ? 1 : 0;
}

interface RunOptions {
  rows: readonly InputRow[];
  todo: readonly InputRow[];
  done: ReadonlySet<number>;
  clients: Map<Provider, PhoneNumbers>;
  /** The results file to open (links resolved). */
  resultsPath: string;
  /** The results file as the summary names it. */
  shownPath: string;
  concurrency: number;
  secrets: Secrets;
  json: boolean;
  /** --overwrite: empty the results file (checked to hold results lines) before the first line. */
  truncate: boolean;
  /** Print every finished row as a table at the end (small files). */
  table: boolean;
  interrupt: Interrupt;
}

async function run(options: RunOptions): Promise<number> {
  const { rows, todo, done, clients, concurrency, secrets, json, interrupt } = options;
  const results = new ResultsFile(options.resultsPath, options.truncate ? "truncate" : "append");
  const counts: Counts = { total: rows.length, skipped: done.size, ok: 0, failed: 0, bad: 0 };
  const progress = new Progress(counts);
  const started = performance.now();
  const signal = interrupt.signal;
  // Every row in flight listens on this one signal (the facade adds a listener per attempt).
  setMaxListeners(concurrency * 2 + 16, signal);
  interrupt.announce("interrupted: stopping; rows in flight get no line and are sent again by --resume", (message) =>
    progress.log(message),
  );

  const lines: ResultLine[] = [];
  const write = (line: ResultLine) => {
    const safe = secrets.value(line);
    results.write(safe);
    if (options.table) lines.push(safe);
  };
  const report = (row: InputRow, kind: string, message: string) =>
    progress.log(printable(secrets.text(`${rowLabel(row, secrets)}: ${kind}: ${message}`)));

  try {
    const queue: GoodRow[] = [];
    for (const row of todo) {
      if (row.ok) {
        queue.push(row);
        continue;
      }
      counts.bad += 1;
      write({
        row: row.row,
        provider: row.provider ?? null,
        id: row.id ?? null,
        ok: false,
        error: { code: "invalid_row", message: row.reason },
      });
      report(row, "bad row", row.reason);
      progress.tick();
    }
    let next = 0;
    const worker = async () => {
      while (!signal.aborted && next < queue.length) {
        const row = queue[next++] as GoodRow;
        const client = clients.get(row.provider) as PhoneNumbers;
        try {
          const result = await client.update(row.id, row.changes, { signal });
          counts.ok += 1;
          write({ row: row.row, provider: row.provider, id: row.id, ok: true, result: normalized(result) });
        } catch (error) {
          // A row cut short by Ctrl-C is in flight, not finished: no line, sent again on resume.
          if (signal.aborted) return;
          const info = describeError(error, secrets);
          const isBad = INPUT_CODES.has(info.code);
          if (isBad) counts.bad += 1;
          else counts.failed += 1;
          write({ row: row.row, provider: row.provider, id: row.id, ok: false, error: info });
          report(row, isBad ? "bad row" : "failed", errorLine(info));
        }
        progress.tick();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  } finally {
    progress.stop();
    results.close();
  }

  const interrupted = interrupt.interrupted;
  const seconds = (performance.now() - started) / 1000;
  const finished = counts.ok + counts.failed + counts.bad;
  const notDone = rows.length - counts.skipped - finished;
  const summary = {
    rows: rows.length,
    ok: counts.ok,
    failed: counts.failed,
    bad: counts.bad,
    alreadyDone: counts.skipped,
    notDone,
    interrupted,
    seconds: Number(seconds.toFixed(3)),
    rowsPerSecond: Number((seconds > 0 ? finished / seconds : 0).toFixed(1)),
    results: options.shownPath,
  };
  if (options.table && lines.length > 0) {
    lines.sort((a, b) => a.row - b.row);
    // With --json, stdout holds JSON only: the table is for people, on stderr.
    (json ? process.stderr : process.stdout).write(`${printable(secrets.text(rowsTable(lines)))}\n\n`);
  }
  if (json) {
    process.stdout.write(`${printable(secrets.text(JSON.stringify(summary)))}\n`);
  } else {
    const parts = [`${counts.ok} ok`, `${counts.failed} failed`, `${counts.bad} bad`];
    if (counts.skipped) parts.push(`${counts.skipped} already done`);
    if (notDone) parts.push(`${notDone} not done`);
    const text = [
      `${interrupted ? "interrupted" : "done"}: ${rows.length} rows: ${parts.join(", ")} in ${seconds.toFixed(1)}s (${summary.rowsPerSecond} rows/s)`,
      `results: ${options.shownPath}`,
    ];
    if (counts.failed + counts.bad + notDone > 0)
      text.push("run again with --resume to retry the rows without an ok line");
    process.stdout.write(`${printable(secrets.text(text.join("\n")))}\n`);
  }
  if (interrupted) return 130;
  return counts.failed + counts.bad > 0 ? 1 : 0;
}
