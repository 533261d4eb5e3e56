import { setMaxListeners } from "node:events";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { CONNECTION_OPTIONS, connectionOf, readCommand } from "./args.js";
import { createPlanner, loadCapabilities, loadFacade, type PhoneNumbers, type Planner } from "./client.js";
import { intFlag, requireOneProvider } from "./config.js";
import { Connections } from "./context.js";
import { describeError, type ErrorInfo, errorLine } from "./describe.js";
import { differences } from "./differences.js";
import { drained } from "./drain.js";
import { applyHelp } from "./help.js";
import { InputFile } from "./input-file.js";
import { checkInput, InputChanged, providersLeft, rowAt, rowsToRun } from "./input-passes.js";
import { Interrupt } from "./interrupt.js";
import { type LockHolder, ResultsLock } from "./lock.js";
import { LOOKUP_PLACEHOLDER, type NumberIds, withIdOfNumber } from "./number-ids.js";
import { driftWarning, idFields, normalized, printable, requestText, rowLabel, rowsTable } from "./output.js";
import { lackingError, PLACEHOLDER_BASE_URL, prepareClients } from "./prepare.js";
import { type Counts, Progress } from "./progress.js";
import type { Provider } from "./providers.js";
import { clip } from "./quote.js";
import { rateFlag, rateLimited } from "./rate.js";
import { DoneRows, doneRows, type ResultLine, ResultsFile, resultsTarget, scanResults } from "./results.js";
import type { InputRow } from "./rows.js";
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
  "skip-unchanged": { type: "boolean" },
} as const;

/**
 * Rows `--table` prints at most: it is for people, and a run may hold 100,000 rows. The results
 * file has every row.
 */
const TABLE_ROWS = 1000;

/** Errors of input the facade refused before sending: the row is bad, not failed. */
const INPUT_CODES = new Set(["invalid_input", "unsupported_change"]);

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
  const line = await readCommand("apply", args, OPTIONS, { count: 1, shown: "one <file.csv|file.jsonl>" }, async () =>
    applyHelp(await loadCapabilities()),
  );
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const json = values.json === true;
  const input = positionals[0] as string;
  const concurrency = intFlag("concurrency", values.concurrency, 1, 1024) ?? 8;
  const rate = rateFlag(values.rate);
  if (values.resume && values.overwrite) throw new UsageError("--resume and --overwrite exclude each other");
  const dryRun = values["dry-run"] === true;
  const connection = connectionOf(values);
  const connections = new Connections(connection, secrets);

  const file = await InputFile.open(input);
  let lock: ResultsLock | undefined;
  let interrupt: Interrupt | undefined;
  try {
    const checked = await checkInput(file, await loadCapabilities(), secrets);
    requireOneProvider("api-key", connection.apiKeys, checked.named);
    requireOneProvider("base-url", connection.baseUrls, checked.named);

    // What would stop the real run. A real run stops at the first; --dry-run collects them all,
    // shows every request anyway, and says by its exit code whether the real run could start.
    const problems: string[] = [];
    const check = async <T>(step: () => T | Promise<T>, otherwise: T): Promise<T> => {
      try {
        return await step();
      } catch (error) {
        if (!dryRun || !(error instanceof UsageError)) throw error;
        problems.push(error.message);
        return otherwise;
      }
    };

    const target = await check(() => resultsTarget(values.results ?? `${input}.results.jsonl`, input), undefined);
    if (target !== undefined && dryRun) {
      // A dry run takes no lock; it only says whether the real run would find one held.
      const state = await check(() => ResultsLock.inspect(target.lockPath), undefined);
      if (state !== undefined && ("foreign" in state || state.live)) {
        problems.push(ResultsLock.problem(target.lockPath, clip(target.path), state));
      }
    } else if (target !== undefined) {
      interrupt = new Interrupt();
      lock = await ResultsLock.acquire(target.lockPath, clip(target.path), tookOver);
    }

    let done = new DoneRows(checked.rows);
    if (target !== undefined) {
      if (values.resume) {
        const resumed = { ...checked, rowAt: (row: number) => rowAt(file, row, secrets) };
        done = await check(() => doneRows(target, resumed), done);
      } else if (values.overwrite) {
        await check(() => scanResults(target.canonical, "--overwrite", target.path), undefined);
      } else if (hasContent(target.canonical)) {
        await check(() => {
          throw new UsageError(
            `the results file ${clip(target.path)} exists: pass --resume to continue it, or --overwrite to start again`,
          );
        }, undefined);
      }
    }
    const providers = providersLeft(checked, done);

    const skipUnchanged = values["skip-unchanged"] === true;
    if (skipUnchanged) {
      const capabilities = await loadCapabilities();
      const unreadable = providers.filter((provider) => capabilities[provider].reads?.get === "unsupported");
      if (unreadable.length > 0) {
        await check(() => {
          throw new UsageError(
            `--skip-unchanged reads each number first, and ${unreadable.join(", ")} documents no read of a number (nothing sent)`,
          );
        }, undefined);
      }
    }
    const create = await loadFacade();
    await connections.start(providers);
    if (!(await file.unchanged())) throw new UsageError(`${new InputChanged(input).message}; nothing sent`);
    if (dryRun) {
      const prepared = prepareClients(providers, connections, secrets, create);
      problems.push(...prepared.problems);
      const planners = new Map<Provider, Planner>();
      for (const [provider, client] of prepared.clients) {
        const base = prepared.placeholderBaseUrl.has(provider) ? PLACEHOLDER_BASE_URL : undefined;
        planners.set(provider, createPlanner(client, secrets, base));
      }
      const rows = rowsToRun(file, checked, done, secrets);
      return await dryRunRows(rows, planners, checked.ids, secrets, json, { problems, alreadyDone: done.size });
    }
    const prepared = prepareClients(providers, connections, secrets, rateLimited(create, rate));
    if (prepared.problems.length > 0) throw lackingError(prepared.problems);
    if (interrupt?.interrupted) return 130;
    // Numbers in the id column are looked up now, before anything is sent, and the rule of one
    // row per number checked again on the ids (docs/CONTRACT.md#cli-phonebridge).
    try {
      await checked.ids.resolve(prepared.clients, {
        done,
        concurrency,
        signal: (interrupt as Interrupt).signal,
        secrets,
        say: (line) => process.stderr.write(`${printable(secrets.text(line))}\n`),
        check: (resolved) => checked.numbers.refuseResolved(resolved, input, secrets),
      });
    } catch (error) {
      if (interrupt?.interrupted) return 130;
      throw error;
    }
    const rows = rowsToRun(file, checked, done, secrets);
    return await run({
      inputPath: input,
      total: checked.rows,
      rows,
      alreadyDone: done.size,
      clients: prepared.clients,
      resultsPath: (target as NonNullable<typeof target>).canonical,
      shownPath: resolve((target as NonNullable<typeof target>).path),
      concurrency,
      secrets,
      json,
      truncate: values.overwrite === true,
      table: values.table === true,
      skipUnchanged,
      interrupt: interrupt as Interrupt,
    });
  } finally {
    await connections.stop();
    interrupt?.dispose();
    lock?.release();
    await file.close();
  }
}

async function dryRunRows(
  rows: AsyncGenerator<InputRow>,
  planners: Map<Provider, Planner>,
  ids: NumberIds,
  secrets: Secrets,
  json: boolean,
  run: { problems: readonly string[]; alreadyDone: number },
): Promise<number> {
  let count = 0;
  let bad = 0;
  // printable() on JSON too: what it escapes can only sit inside strings, as valid JSON escapes.
  const out = (text: string) => process.stdout.write(`${printable(secrets.text(text))}\n`);
  try {
    for await (const row of rows) {
      count += 1;
      // A line per row: the next row waits for the reader of stdout.
      await drained(process.stdout);
      let error: ErrorInfo;
      if (row.ok) {
        try {
          // A dry run looks nothing up (it sends nothing, needs no key): the request shows where
          // the id goes, and says it is looked up at run time.
          const lookup = ids.needsLookup(row);
          const planned = await (planners.get(row.provider) as Planner).plan(
            lookup ? LOOKUP_PLACEHOLDER : row.id,
            row.changes,
          );
          const request = lookup ? withIdOfNumber(planned, row.id) : planned;
          const label = `${rowLabel(row, secrets)}${lookup ? ` (its id is looked up on ${row.provider} at run time)` : ""}`;
          out(
            json
              ? JSON.stringify({
                  row: row.row,
                  provider: row.provider,
                  id: row.id,
                  ...(lookup ? { resolvedId: null } : {}),
                  request,
                })
              : `${label}\n${requestText(request)}\n`,
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
  } catch (error) {
    // Nothing was sent: a usage error like any other of a dry run's input.
    if (error instanceof InputChanged) throw new UsageError(error.message);
    throw error;
  }
  const canStart = run.problems.length === 0;
  if (!canStart) {
    const list = run.problems.map((problem) => `  ${problem.replace(/\n/g, "\n  ")}`).join("\n");
    process.stderr.write(`${printable(secrets.text(`the real run would not start (exit 2):\n${list}`))}\n`);
  }
  const summary = {
    dryRun: true,
    rows: count,
    valid: count - bad,
    bad,
    alreadyDone: run.alreadyDone,
    canStart,
    problems: run.problems,
  };
  const done = run.alreadyDone > 0 ? ` (${run.alreadyDone} already done)` : "";
  out(
    json
      ? JSON.stringify(summary)
      : `dry run: ${count} rows${done}, ${count - bad} valid, ${bad} bad; nothing sent` +
          (canStart ? "" : `; the real run would not start (${run.problems.length} problem(s) above)`),
  );
  if (!canStart) return 2;
  return bad > 0 ? 1 : 0;
}

interface RunOptions {
  inputPath: string;
  /** Rows in the input. */
  total: number;
  /** The rows to run, in file order: the input's without those already done. */
  rows: AsyncGenerator<InputRow>;
  /** Rows already done (`--resume`). */
  alreadyDone: number;
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
  /** Print the finished rows as a table at the end, the first {@link TABLE_ROWS} of them. */
  table: boolean;
  /** Read each number first; a row already in the desired state is not sent (`skipped: "unchanged"`). */
  skipUnchanged: boolean;
  interrupt: Interrupt;
}

async function run(options: RunOptions): Promise<number> {
  const { total, rows, clients, concurrency, secrets, json, interrupt } = options;
  const results = new ResultsFile(options.resultsPath, options.truncate ? "truncate" : "append");
  const counts: Counts = { total, skipped: options.alreadyDone, ok: 0, failed: 0, bad: 0 };
  // Rows done whose response drifted from the vendor's spec: ok rows, each with a warning.
  let drifted = 0;
  // Rows already in the desired state (--skip-unchanged): ok, not sent.
  let unchanged = 0;
  const progress = new Progress(counts);
  const started = performance.now();
  const signal = interrupt.signal;
  // Every row in flight listens on this one signal (the facade adds a listener per attempt).
  setMaxListeners(concurrency * 2 + 16, signal);
  interrupt.announce("interrupted: stopping; rows in flight get no line and are sent again by --resume", (message) =>
    progress.log(message),
  );

  const lines: ResultLine[] = [];
  let taken = 0;
  const write = (line: ResultLine, shown: boolean) => {
    const safe = secrets.value(line);
    results.write(safe);
    if (shown) lines.push(safe);
  };
  const report = (row: InputRow, kind: string, message: string) =>
    progress.log(printable(secrets.text(`${rowLabel(row, secrets)}: ${kind}: ${message}`)));

  // Why the rows stopped coming before the end (the input changed, or could not be read).
  let stopped: unknown;
  // Workers pull rows from the file as they go: at most `concurrency` rows are in memory, in
  // flight, besides the few the reader holds.
  const worker = async () => {
    while (!signal.aborted && stopped === undefined) {
      // Bad and failed rows are reported on stderr: the next row waits for its reader.
      await drained(process.stderr);
      let next: IteratorResult<InputRow>;
      try {
        next = await rows.next();
      } catch (error) {
        stopped ??= error;
        return;
      }
      if (next.done || signal.aborted) return;
      const row = next.value;
      const shown = options.table && taken++ < TABLE_ROWS;
      if (!row.ok) {
        counts.bad += 1;
        write(
          {
            row: row.row,
            provider: row.provider ?? null,
            id: row.id ?? null,
            ok: false,
            error: { code: "invalid_row", message: row.reason },
          },
          shown,
        );
        report(row, "bad row", row.reason);
        progress.tick();
        continue;
      }
      const client = clients.get(row.provider);
      if (client === undefined) {
        // Only a changed file can bring a provider the check did not see.
        stopped ??= new InputChanged(options.inputPath);
        return;
      }
      try {
        if (options.skipUnchanged) {
          const current = await client.get(row.id, { signal });
          if (differences(current, row.changes).length === 0) {
            counts.ok += 1;
            unchanged += 1;
            // ok: true, so that --resume neither reads nor sends it again.
            write(
              {
                row: row.row,
                provider: row.provider,
                ...idFields(row),
                ok: true,
                skipped: "unchanged",
                result: normalized(current),
              },
              shown,
            );
            progress.tick();
            continue;
          }
        }
        const result = await client.update(row.id, row.changes, { signal });
        counts.ok += 1;
        write({ row: row.row, provider: row.provider, ...idFields(row), ok: true, result: normalized(result) }, shown);
        // Done all the same (CONTRACT.md "Facade result"): ok, never sent again by --resume.
        if (result.drift !== undefined) {
          drifted += 1;
          progress.log(
            printable(secrets.text(`${rowLabel(row, secrets)}: ${driftWarning(row.provider, result.drift)}`)),
          );
        }
      } catch (error) {
        // A row cut short by Ctrl-C is in flight, not finished: no line, sent again on resume.
        if (signal.aborted) return;
        const info = describeError(error, secrets);
        const isBad = INPUT_CODES.has(info.code);
        if (isBad) counts.bad += 1;
        else counts.failed += 1;
        write({ row: row.row, provider: row.provider, ...idFields(row), ok: false, error: info }, shown);
        report(row, isBad ? "bad row" : "failed", errorLine(info));
      }
      progress.tick();
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    progress.stop();
    results.close();
    await rows.return(undefined);
  }

  const interrupted = interrupt.interrupted;
  if (stopped !== undefined && !interrupted) {
    const message = stopped instanceof Error ? stopped.message : String(stopped);
    process.stderr.write(`phonebridge: ${printable(secrets.text(message))}\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  const finished = counts.ok + counts.failed + counts.bad;
  const notDone = total - counts.skipped - finished;
  const summary = {
    rows: total,
    ok: counts.ok,
    drifted,
    unchanged,
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
    const more =
      taken > lines.length
        ? `\n(the first ${lines.length} of the ${taken} rows of this run; every row is in ${options.shownPath})`
        : "";
    // With --json, stdout holds JSON only: the table is for people, on stderr.
    (json ? process.stderr : process.stdout).write(`${printable(secrets.text(rowsTable(lines) + more))}\n\n`);
  }
  if (json) {
    process.stdout.write(`${printable(secrets.text(JSON.stringify(summary)))}\n`);
  } else {
    const parts = [
      `${counts.ok} ok${drifted ? ` (${drifted} with drift)` : ""}${unchanged ? ` (${unchanged} unchanged, not sent)` : ""}`,
      `${counts.failed} failed`,
      `${counts.bad} bad`,
    ];
    if (counts.skipped) parts.push(`${counts.skipped} already done`);
    if (notDone) parts.push(`${notDone} not done`);
    const outcome = interrupted ? "interrupted" : stopped !== undefined ? "stopped" : "done";
    const text = [
      `${outcome}: ${total} rows: ${parts.join(", ")} in ${seconds.toFixed(1)}s (${summary.rowsPerSecond} rows/s)`,
      `results: ${options.shownPath}`,
    ];
    if (counts.failed + counts.bad + notDone > 0)
      text.push("run again with --resume to retry the rows without an ok line");
    process.stdout.write(`${printable(secrets.text(text.join("\n")))}\n`);
  }
  if (interrupted) return 130;
  return counts.failed + counts.bad > 0 || stopped !== undefined ? 1 : 0;
}
