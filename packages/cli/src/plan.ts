import { setMaxListeners } from "node:events";
import { connectionOf, READ_OPTIONS, readCommand } from "./args.js";
import { loadCapabilities, loadFacade, type PhoneNumbers, type UpdateResult } from "./client.js";
import { intFlag, requireOneProvider } from "./config.js";
import { Connections } from "./context.js";
import { describeError, errorLine } from "./describe.js";
import { differences } from "./differences.js";
import { drained } from "./drain.js";
import { planHelp } from "./help.js";
import { inOrder } from "./in-order.js";
import { InputFile } from "./input-file.js";
import { checkInput, InputChanged, rowsToRun } from "./input-passes.js";
import { driftWarning, idFields, printable, rowLabel } from "./output.js";
import { lackingError, prepareClients } from "./prepare.js";
import type { Provider } from "./providers.js";
import { rateFlag, rateLimited } from "./rate.js";
import { DoneRows } from "./results.js";
import type { InputRow } from "./rows.js";
import type { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";

/** `apply`'s options, less those of a write (`--dry-run`, the results file): `plan` sends none. */
const OPTIONS = {
  ...READ_OPTIONS,
  concurrency: { type: "string" },
  rate: { type: "string" },
} as const;

const shown = (value: string | null) => (value === null ? "(none)" : JSON.stringify(value));

/**
 * `phonebridge plan <file>`: reads each row's number (the facade's `get`) and says what `apply`
 * would change, sending no write (CONTRACT.md, CLI: `plan`).
 */
export async function plan(args: string[], secrets: Secrets): Promise<number> {
  const line = await readCommand("plan", args, OPTIONS, { count: 1, shown: "one <file.csv|file.jsonl>" }, async () =>
    planHelp(await loadCapabilities()),
  );
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const json = values.json === true;
  const input = positionals[0] as string;
  const concurrency = intFlag("concurrency", values.concurrency, 1, 1024) ?? 8;
  const rate = rateFlag(values.rate);
  const connection = connectionOf(values);
  const connections = new Connections(connection, secrets);
  const file = await InputFile.open(input);
  try {
    const checked = await checkInput(file, await loadCapabilities(), secrets);
    requireOneProvider("api-key", connection.apiKeys, checked.named);
    requireOneProvider("base-url", connection.baseUrls, checked.named);
    const providers = [...checked.goodRows.keys()];
    const create = await loadFacade();
    await connections.start(providers);
    const prepared = prepareClients(providers, connections, secrets, rateLimited(create, rate));
    if (prepared.problems.length > 0) throw lackingError(prepared.problems);
    if (!(await file.unchanged())) throw new UsageError(`${new InputChanged(input).message}; nothing sent`);
    // Numbers in the id column are looked up first, as apply does (docs/CONTRACT.md#cli-phonebridge).
    await checked.ids.resolve(prepared.clients, {
      concurrency,
      secrets,
      say: (line) => process.stderr.write(`${printable(secrets.text(line))}\n`),
      check: (resolved) => checked.numbers.refuseResolved(resolved, input, secrets),
    });
    const rows = rowsToRun(file, checked, new DoneRows(checked.rows), secrets);
    return await planRows(rows, prepared.clients, { concurrency, secrets, json, total: checked.rows });
  } finally {
    await connections.stop();
    await file.close();
  }
}

interface PlanCounts {
  change: number;
  unchanged: number;
  notFound: number;
  cannotRead: number;
  bad: number;
  drifted: number;
}

/** A row planned: what it counts as, and its line on stdout (none for a bad row without `--json`). */
interface RowPlan {
  outcome: Exclude<keyof PlanCounts, "drifted">;
  line?: string;
}

async function planRows(
  rows: AsyncGenerator<InputRow>,
  clients: Map<Provider, PhoneNumbers>,
  options: { concurrency: number; secrets: Secrets; json: boolean; total: number },
): Promise<number> {
  const { secrets, json } = options;
  const counts: PlanCounts = { change: 0, unchanged: 0, notFound: 0, cannotRead: 0, bad: 0, drifted: 0 };
  const signal = new AbortController().signal;
  setMaxListeners(options.concurrency * 2 + 16, signal);
  // printable() on JSON too: what it escapes can only sit inside strings, as valid JSON escapes.
  const out = (text: string) => process.stdout.write(`${printable(secrets.text(text))}\n`);
  const warn = (text: string) => process.stderr.write(`${printable(secrets.text(text))}\n`);

  // Reads a row's number and says what apply would do. Warnings go to stderr as the read ends;
  // the row's line waits for the lines of the rows before it.
  const planRow = async (row: InputRow): Promise<RowPlan> => {
    const where = rowLabel(row, secrets);
    if (!row.ok) {
      warn(`${where}: bad row: ${row.reason}`);
      const error = { code: "invalid_row", message: row.reason };
      const line = JSON.stringify({ row: row.row, provider: row.provider ?? null, id: row.id ?? null, error });
      return { outcome: "bad", ...(json ? { line } : {}) };
    }
    const base = { row: row.row, provider: row.provider, ...idFields(row) };
    let current: UpdateResult;
    try {
      current = await (clients.get(row.provider) as PhoneNumbers).get(row.id, { signal });
    } catch (caught) {
      const error = describeError(caught, secrets);
      if (error.code === "not_found") {
        return {
          outcome: "notFound",
          line: json ? JSON.stringify({ ...base, outcome: "not found", error }) : `${where}: not found`,
        };
      }
      const reason = `${row.provider}: ${errorLine(error)}`;
      return {
        outcome: "cannotRead",
        line: json ? JSON.stringify({ ...base, outcome: "cannot read", error }) : `${where}: cannot read: ${reason}`,
      };
    }
    if (current.drift !== undefined) {
      counts.drifted += 1;
      warn(`${where}: ${driftWarning(row.provider, current.drift, "the number was read")}`);
    }
    const changes = differences(current, row.changes);
    if (changes.length === 0) {
      return {
        outcome: "unchanged",
        line: json ? JSON.stringify({ ...base, outcome: "unchanged" }) : `${where}: unchanged`,
      };
    }
    return {
      outcome: "change",
      line: json
        ? JSON.stringify({ ...base, outcome: "change", changes })
        : `${where}: change: ${changes.map((c) => `${c.field} ${shown(c.from)} -> ${shown(c.to)}`).join(", ")}`,
    };
  };

  // Why the rows stopped coming before the end (the input changed, or could not be read): the
  // rows read until then are still planned and printed.
  let stopped: unknown;
  async function* untilStopped(): AsyncGenerator<InputRow> {
    try {
      yield* rows;
    } catch (error) {
      stopped = error;
    }
  }
  try {
    // Lines in the file's order, whatever order the reads end in (docs/CONTRACT.md#cli-phonebridge).
    for await (const planned of inOrder(untilStopped(), planRow, options.concurrency)) {
      counts[planned.outcome] += 1;
      if (planned.line !== undefined) out(planned.line);
      // A line per row: the next rows wait for the readers of stdout and stderr.
      await drained(process.stdout);
      await drained(process.stderr);
    }
  } finally {
    await rows.return(undefined);
  }
  if (stopped !== undefined) {
    const message = stopped instanceof Error ? stopped.message : String(stopped);
    warn(`phonebridge: ${message}`);
  }
  const summary = { plan: true, rows: options.total, ...counts, nothingSent: true };
  out(
    json
      ? JSON.stringify(summary)
      : `plan: ${options.total} rows: ${counts.change} would change, ${counts.unchanged} unchanged, ` +
          `${counts.notFound} not found, ${counts.cannotRead} cannot be read, ${counts.bad} bad` +
          `${counts.drifted ? ` (${counts.drifted} with drift)` : ""}; nothing sent`,
  );
  const something = counts.change + counts.notFound + counts.cannotRead + counts.bad;
  return something > 0 || stopped !== undefined ? 1 : 0;
}
