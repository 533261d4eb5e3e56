import { connectionOf, READ_OPTIONS, readCommand } from "./args.js";
import { loadCapabilities, loadFacade, type PhoneNumbers } from "./client.js";
import { didYouMean } from "./closest.js";
import { Connections } from "./context.js";
import { describeError, errorLine } from "./describe.js";
import { drained } from "./drain.js";
import { verifyHelp } from "./help.js";
import { printable } from "./output.js";
import { lackingError, prepareClients } from "./prepare.js";
import { isProvider, PROVIDERS } from "./providers.js";
import { quote } from "./quote.js";
import type { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";

/** The connection options; `verify` writes nothing, so no `--dry-run`. */
const OPTIONS = READ_OPTIONS;

/**
 * `phonebridge verify <provider>`: lists every number of the account and reports each drift of
 * the vendor's responses from its spec (CONTRACT.md, CLI: `verify`), a live contract check.
 */
export async function verify(args: string[], secrets: Secrets): Promise<number> {
  const line = await readCommand("verify", args, OPTIONS, { count: 1, shown: "one <provider>" }, async () =>
    verifyHelp(await loadCapabilities()),
  );
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const json = values.json === true;
  const provider = positionals[0] as string;
  if (!isProvider(provider)) {
    throw new UsageError(
      `unknown provider ${quote(provider, secrets)} (one of ${PROVIDERS.join(", ")})${didYouMean(provider, PROVIDERS)}`,
    );
  }
  if ((await loadCapabilities())[provider].reads?.list === "unsupported") {
    throw new UsageError(`${provider} documents no list of its numbers: it cannot be verified (nothing sent)`);
  }
  const connections = new Connections(connectionOf(values), secrets);
  // printable() on JSON too: what it escapes can only sit inside strings, as valid JSON escapes.
  const out = (text: string) => process.stdout.write(`${printable(secrets.text(text))}\n`);
  let numbers = 0;
  let drifted = 0;
  let pages = 0;
  let pagesDrifted = 0;
  let problems = 0;
  try {
    const create = await loadFacade();
    await connections.start([provider]);
    const prepared = prepareClients([provider], connections, secrets, create);
    if (prepared.problems.length > 0) throw lackingError(prepared.problems);
    const client = prepared.clients.get(provider) as PhoneNumbers;
    try {
      // Page by page: a page's own fields drift too (its items apart, each checked as a number).
      for await (const { page, results, drift } of client.list().pages()) {
        pages = page;
        if (drift !== undefined) {
          pagesDrifted += 1;
          problems += drift.length;
          await drained(process.stdout);
          if (json) out(JSON.stringify({ provider, page, drift }));
          else
            for (const { path, problem } of drift)
              out(`page ${page}: ${path === "" ? "(the page)" : path}: ${problem}`);
        }
        for (const result of results) {
          numbers += 1;
          if (numbers % 1000 === 0) process.stderr.write(`${numbers} numbers read\n`);
          if (result.drift === undefined) continue;
          drifted += 1;
          problems += result.drift.length;
          // A line per drifting number: the next page waits for the reader of stdout.
          await drained(process.stdout);
          const number = result.number ?? result.id;
          if (json) out(JSON.stringify({ provider, id: result.id, number: result.number, drift: result.drift }));
          else {
            for (const { path, problem } of result.drift) {
              out(`${number}: ${path === "" ? "(the body)" : path}: ${problem}`);
            }
          }
        }
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const info = describeError(error, secrets);
      if (json) out(JSON.stringify({ provider, error: info, numbers }));
      process.stderr.write(
        `phonebridge: ${printable(secrets.text(`${provider}: the list stopped after ${numbers} numbers: ${errorLine(info)}`))}\n`,
      );
      return 1;
    }
  } finally {
    await connections.stop();
  }
  const clean = drifted === 0 && pagesDrifted === 0;
  const summary = { provider, numbers, drifted, pages, pagesDrifted, problems, clean };
  const drifting = [
    ...(drifted ? [`${drifted} drifting from the spec`] : []),
    ...(pagesDrifted ? [`${pagesDrifted} of ${pages} pages drifting from the spec`] : []),
  ];
  out(
    json
      ? JSON.stringify(summary)
      : clean
        ? `verify ${provider}: ${numbers} numbers, no drift from the spec`
        : `verify ${provider}: ${numbers} numbers, ${drifting.join(", ")} (${problems} problem(s) above)`,
  );
  return clean ? 0 : 1;
}
