import { CONNECTION_OPTIONS, connectionOf, readCommand } from "./args.js";
import {
  type Changes,
  createPlanner,
  loadCapabilities,
  loadFacade,
  type PhoneNumbers,
  type UpdateOptions,
  type UpdateResult,
} from "./client.js";
import { didYouMean } from "./closest.js";
import { Connections } from "./context.js";
import { describeError, errorLine } from "./describe.js";
import { updateHelp } from "./help.js";
import { LOOKUP_PLACEHOLDER, withIdOfNumber } from "./number-ids.js";
import { driftWarning, printable, requestText, resultTable } from "./output.js";
import { lackingError, PLACEHOLDER_BASE_URL, prepareClients } from "./prepare.js";
import { isProvider, PROVIDERS } from "./providers.js";
import { quote } from "./quote.js";
import type { Secrets } from "./secrets.js";
import { IdArgument, IdRefused } from "./update-id.js";
import { UsageError } from "./usage-error.js";

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  agent: { type: "string" },
  unassign: { type: "boolean" },
  label: { type: "string" },
  "clear-label": { type: "boolean" },
  "outbound-agent": { type: "string" },
  "unassign-outbound": { type: "boolean" },
  "vendor-json": { type: "string" },
} as const;

function pair(
  set: string | undefined,
  remove: boolean | undefined,
  setFlag: string,
  removeFlag: string,
): string | null | undefined {
  if (set !== undefined && remove) throw new UsageError(`--${setFlag} and --${removeFlag} exclude each other`);
  if (remove) return null;
  if (set === "") throw new UsageError(`--${setFlag} needs a value (use --${removeFlag} to remove)`);
  return set;
}

export async function update(args: string[], secrets: Secrets): Promise<number> {
  const line = await readCommand("update", args, OPTIONS, { count: 2, shown: "<provider> <id>" }, async () =>
    updateHelp(await loadCapabilities()),
  );
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const json = values.json === true;
  const [provider, id] = positionals as [string, string];
  if (!isProvider(provider)) {
    throw new UsageError(
      `unknown provider ${quote(provider, secrets)} (one of ${PROVIDERS.join(", ")})${didYouMean(provider, PROVIDERS)}`,
    );
  }

  const changes: Changes = {};
  const agent = pair(values.agent, values.unassign, "agent", "unassign");
  const label = pair(values.label, values["clear-label"], "label", "clear-label");
  const outbound = pair(values["outbound-agent"], values["unassign-outbound"], "outbound-agent", "unassign-outbound");
  if (agent !== undefined) changes.agentId = agent;
  if (label !== undefined) changes.label = label;
  if (outbound !== undefined) changes.outboundAgentId = outbound;
  const options: UpdateOptions = {};
  if (values["vendor-json"] !== undefined) {
    let vendor: unknown;
    try {
      vendor = JSON.parse(values["vendor-json"]);
    } catch {
      throw new UsageError("--vendor-json is not valid JSON");
    }
    if (vendor === null || typeof vendor !== "object" || Array.isArray(vendor)) {
      throw new UsageError("--vendor-json must be a JSON object of the vendor's request fields");
    }
    options.vendor = vendor as Record<string, unknown>;
  }
  if (Object.keys(changes).length === 0 && options.vendor === undefined) {
    throw new UsageError(
      "nothing to change: give --agent/--unassign, --label/--clear-label, --outbound-agent/--unassign-outbound or --vendor-json",
    );
  }

  const connections = new Connections(connectionOf(values), secrets);
  // printable() on JSON too: what it escapes can only sit inside strings, as valid JSON escapes.
  const out = (text: string) => process.stdout.write(`${printable(secrets.text(text))}\n`);
  const say = (text: string) => process.stderr.write(`${printable(secrets.text(text))}\n`);
  // The vendor's id once a number given as the id was looked up (docs/CONTRACT.md#cli-phonebridge).
  let resolvedId: string | undefined;
  const ids = () => (resolvedId === undefined ? { id } : { id, resolvedId });
  try {
    const create = await loadFacade();
    const target = new IdArgument(await loadCapabilities(), provider, id);
    await connections.start([provider]);
    const prepared = prepareClients([provider], connections, secrets, create);
    const client = prepared.clients.get(provider) as PhoneNumbers;
    if (values["dry-run"]) {
      // A dry run needs no real key and looks nothing up: it shows the request, where the id of a
      // number goes, and says whether the real one could go.
      const base = prepared.placeholderBaseUrl.has(provider) ? PLACEHOLDER_BASE_URL : undefined;
      const planner = createPlanner(client, secrets, base);
      const lookup = target.isNumber;
      const planned = await planner.plan(lookup ? LOOKUP_PLACEHOLDER : id, changes, options);
      const request = lookup ? withIdOfNumber(planned, id) : planned;
      const { problems } = prepared;
      const canStart = problems.length === 0;
      if (json) {
        out(JSON.stringify({ provider, id, ...(lookup ? { resolvedId: null } : {}), request, canStart, problems }));
      } else {
        out(`${lookup ? `${id}: its id is looked up on ${provider} at run time\n` : ""}${requestText(request)}`);
      }
      if (canStart) return 0;
      const list = problems.map((problem) => `  ${problem}`).join("\n");
      say(`the real update would not start (exit 2):\n${list}`);
      return 2;
    }
    if (prepared.problems.length > 0) throw lackingError(prepared.problems);
    const sentTo = await target.resolve(client, secrets, say);
    if (target.isNumber) resolvedId = sentTo;
    const result = await client.update(sentTo, changes, options);
    if (json) {
      const { provider: _, id: __, ...rest } = secrets.value(result) as UpdateResult;
      out(JSON.stringify({ provider, ...ids(), ...rest }));
    } else {
      const shownId = resolvedId === undefined ? result.id : `${id} (id ${resolvedId})`;
      out(printable(resultTable({ ...result, id: shownId })));
    }
    // Done all the same (CONTRACT.md "Facade result"): a warning, exit 0.
    if (result.drift !== undefined) {
      process.stderr.write(`phonebridge: ${printable(secrets.text(driftWarning(provider, result.drift)))}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const refused = error instanceof IdRefused ? error : undefined;
    const info = refused?.info ?? describeError(error, secrets);
    if (json) out(JSON.stringify({ provider, ...ids(), error: info }));
    process.stderr.write(`phonebridge: ${printable(secrets.text(errorLine(info)))}\n`);
    if (refused !== undefined) return refused.exitCode;
    // Input the facade refused is a usage error: nothing was sent.
    return info.code === "invalid_input" || info.code === "unsupported_change" ? 2 : 1;
  } finally {
    await connections.stop();
  }
}
