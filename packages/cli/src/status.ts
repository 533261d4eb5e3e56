import { connectionOf, READ_OPTIONS, readCommand } from "./args.js";
import { loadCapabilities, loadFacade, type PhoneNumbers } from "./client.js";
import { didYouMean } from "./closest.js";
import { requireOneProvider } from "./config.js";
import { Connections } from "./context.js";
import { describeError, errorLine } from "./describe.js";
import { drained } from "./drain.js";
import { statusHelp } from "./help.js";
import { printable } from "./output.js";
import { lackingError, prepareClients } from "./prepare.js";
import { ENV_PREFIXES, isProvider, PROVIDERS, type Provider } from "./providers.js";
import { quote } from "./quote.js";
import type { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";

/** The connection options and `--provider`; `status` writes nothing, so no `--dry-run`. */
const OPTIONS = {
  ...READ_OPTIONS,
  provider: { type: "string", multiple: true },
} as const;

/** Numbers between two progress lines on stderr. */
const PROGRESS_EVERY = 1000;

/**
 * `phonebridge status`: every number of the configured vendors (a key given, or named by
 * `--provider`), listed page after page (CONTRACT.md, CLI: `status`).
 */
export async function status(args: string[], secrets: Secrets): Promise<number> {
  const line = await readCommand("status", args, OPTIONS, { count: 0, shown: "no argument" }, statusHelp);
  if (line === undefined) return 0;
  const { values } = line;
  const json = values.json === true;
  const named: Provider[] = [];
  for (const provider of values.provider ?? []) {
    if (!isProvider(provider)) {
      throw new UsageError(
        `unknown provider ${quote(provider, secrets)} (one of ${PROVIDERS.join(", ")})${didYouMean(provider, PROVIDERS)}`,
      );
    }
    if (!named.includes(provider)) named.push(provider);
  }
  const connection = connectionOf(values);
  const keyed = PROVIDERS.filter(
    (provider) =>
      connection.mock ||
      connection.apiKeys.byProvider[provider] !== undefined ||
      Boolean(process.env[`${ENV_PREFIXES[provider]}_API_KEY`]),
  );
  const providers = named.length > 0 ? named : keyed;
  if (providers.length === 0) {
    throw new UsageError(
      "no vendor configured: give --provider <provider>, --api-key <provider>=<key> or set <VENDOR>_API_KEY",
    );
  }
  requireOneProvider("api-key", connection.apiKeys, providers);
  requireOneProvider("base-url", connection.baseUrls, providers);

  const capabilities = await loadCapabilities();
  let failed = false;
  const listable = providers.filter((provider) => {
    if (capabilities[provider].reads?.list !== "unsupported") return true;
    process.stderr.write(`phonebridge: ${provider} documents no list of its numbers: skipped\n`);
    if (named.includes(provider)) failed = true;
    return false;
  });
  const connections = new Connections(connection, secrets);
  // printable() on JSON too: what it escapes can only sit inside strings, as valid JSON escapes.
  const out = (text: string) => process.stdout.write(`${printable(secrets.text(text))}\n`);
  let numbers = 0;
  try {
    const create = await loadFacade();
    await connections.start(listable);
    const prepared = prepareClients(listable, connections, secrets, create);
    if (prepared.problems.length > 0) throw lackingError(prepared.problems);
    for (const provider of listable) {
      let count = 0;
      try {
        for await (const result of (prepared.clients.get(provider) as PhoneNumbers).list()) {
          count += 1;
          numbers += 1;
          if (numbers % PROGRESS_EVERY === 0) process.stderr.write(`${numbers} numbers listed\n`);
          // A line per number: the next page waits for the reader of stdout.
          await drained(process.stdout);
          const { id, number, agentId, outboundAgentId, label } = result;
          out(
            json
              ? JSON.stringify({ provider, id, number, agentId, outboundAgentId, label })
              : [
                  provider,
                  number ?? id,
                  `agent=${agentId ?? "-"}`,
                  `outbound=${outboundAgentId ?? "-"}`,
                  `label=${label === null ? "-" : JSON.stringify(label)}`,
                ].join("  "),
          );
        }
      } catch (error) {
        failed = true;
        const info = describeError(error, secrets);
        process.stderr.write(
          `phonebridge: ${printable(secrets.text(`${provider}: the list stopped after ${count} numbers: ${errorLine(info)}`))}\n`,
        );
      }
    }
  } finally {
    await connections.stop();
  }
  process.stderr.write(`${numbers} numbers listed from ${listable.join(", ") || "no vendor"}\n`);
  return failed ? 1 : 0;
}
