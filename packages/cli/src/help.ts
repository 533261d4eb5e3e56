import { type LookupWay, lookupWay, SEARCH_LIMIT } from "./number-ids.js";
import { ENV_PREFIXES, EXAMPLE_IDS, PROVIDER_TITLES, PROVIDERS, type Provider } from "./providers.js";

/** What a vendor supports, as the facade's capability matrix says (loaded for `help update`). */
export interface ChangeSupport {
  set: string;
  clear: string;
}
export type Capabilities = Readonly<
  Record<
    Provider,
    {
      agentId: ChangeSupport;
      label: ChangeSupport;
      outboundAgentId: ChangeSupport;
      reads?: { get: string; list: string; find?: string };
    }
  >
>;

/** "a, b and c". */
function list(items: readonly string[], last = "and"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

/** Words wrapped at 90 columns, every line after the first indented by `indent`. */
function wrap(text: string, indent: string, width = 90): string {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width - (out.length ? indent.length : 0)) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out.join(`\n${indent}`);
}

const titles = list(PROVIDERS.map((provider) => PROVIDER_TITLES[provider]));
const envVars = (suffix: string) => PROVIDERS.map((provider) => `${ENV_PREFIXES[provider]}_${suffix}`).join(", ");
const example = (provider: Provider) => EXAMPLE_IDS[provider];

export const MAIN_HELP = `phonebridge: assign or remove the agent of a phone number, or set its label, on
${wrap(`${titles}, with the same meaning everywhere.`, "")}

Usage:
  phonebridge update <provider> <id> [change flags] [options]
  phonebridge plan <file.csv|file.jsonl> [options]
  phonebridge apply <file.csv|file.jsonl> [options]
  phonebridge status [--provider <provider>...] [options]
  phonebridge verify <provider> [options]
  phonebridge help [update|plan|apply|status|verify]
  phonebridge --version

${wrap(`Providers: ${PROVIDERS.join(", ")}.`, "  ")}
Run "phonebridge <command> --help" for the flags, the file format and examples.

Exit codes: 0 everything done; 1 a vendor or network error, or any bad or failed row;
2 usage error, a file refused, a missing key or base URL, or a results file in use
(nothing sent); 130 interrupted. With --dry-run: 0 the real run could start and every row
is valid; 1 it could start, some rows are bad; 2 it could not start. plan: 0 nothing would
change; 1 something would change, or a row cannot be read; 2 usage error or a file refused.
status: 0 listed; 1 a list failed or a named vendor cannot list. verify: 0 no drift; 1 drift,
or the list failed; 2 usage error.
`;

const CONNECTION = `Connection:
  --api-key <provider>=<key>  API key of one provider (repeatable); otherwise
                              ${wrap(`<VENDOR>_API_KEY (${envVars("API_KEY")}). A key without "provider=" only when the run touches one provider. Prefer the env vars: a flag is visible to other users in the process list.`, " ".repeat(30), 92)}
  --base-url <provider>=<url> Base URL of one provider (repeatable); otherwise
                              <VENDOR>_BASE_URL, then the vendor's default. Without
                              "provider=" only when the run touches one provider.
                              A vendor whose spec names no server needs one.
  --mock                      Start the embedded Prism mocks of the vendors' specs on
                              127.0.0.1, send everything there, stop them at the end.
                              No key needed (a placeholder is sent).
  --timeout <ms>              Per-attempt timeout (default 60000).
  --max-retries <n>           Retries after a 408, 409, 429, 5xx, timeout or connection
                              error (default 2).
  --verbose                   Log every request attempt on stderr (method, URL, status,
                              duration, attempt, wait before a retry), secrets redacted.
                              Same as PHONEBRIDGE_LOG=debug; the log never goes to stdout.
`;

/** The vendors' support, one line each: what `update` may change, and an id of theirs. */
function supportLines(capabilities: Capabilities): string {
  const width = Math.max(...PROVIDERS.map((provider) => provider.length)) + 2;
  const lines = PROVIDERS.map((provider) => {
    const { agentId, label, outboundAgentId } = capabilities[provider];
    const parts: string[] = [];
    const add = (name: string, change: ChangeSupport) => {
      if (change.set === "unsupported" && change.clear === "unsupported") return;
      const only = change.clear === "unsupported" ? " (set only)" : change.set === "unsupported" ? " (clear only)" : "";
      parts.push(`${name}${only}`);
    };
    add("agent", agentId);
    add("label", label);
    add("outbound agent", outboundAgentId);
    return `  ${provider.padEnd(width)}${(parts.join(", ") || "nothing").padEnd(34)} id like ${example(provider)}`;
  });
  return lines.join("\n");
}

/** The first provider whose capability row passes `test`, else the first of all. */
function firstWith(capabilities: Capabilities, test: (row: Capabilities[Provider]) => boolean): Provider {
  return PROVIDERS.find((provider) => test(capabilities[provider])) ?? (PROVIDERS[0] as Provider);
}

/** `phonebridge update --help`: the vendors' support comes from the facade's capability matrix. */
export function updateHelp(capabilities: Capabilities): string {
  const labelled = firstWith(capabilities, (row) => row.label.set !== "unsupported");
  const cleared = firstWith(capabilities, (row) => row.label.clear !== "unsupported");
  const unassigned = firstWith(capabilities, (row) => row.agentId.clear !== "unsupported");
  const last = PROVIDERS.at(-1) as Provider;
  const [search, listed] = providersByWay(capabilities);
  const numbered = listed[0] ?? search[0];
  return `Usage: phonebridge update <provider> <id> [change flags] [options]

Updates one phone number and prints the normalized result: a table, or JSON with --json.
A response that drifts from the vendor's spec (a field missing, of another type, an unknown
enum value) is still done: the fields it could read, and a warning on stderr naming each
path and problem (with --json, the result's "drift" too); exit 0.

Change flags (at least one):
  --agent <id>                Assign the inbound agent.
  --unassign                  Remove the inbound agent.
  --label <text>              Set the label (1 to 255 characters).
  --clear-label               Clear the label.
  --outbound-agent <id>       Assign the outbound agent.
  --unassign-outbound         Remove the outbound agent.
  --vendor-json <json>        The vendor's own request fields, as a JSON object, for what
                              the change flags do not map (weighted agent lists, SIP
                              settings, ..., as the vendor's spec names them).

What each vendor supports (anything else is refused before sending), and an id of its:
${supportLines(capabilities)}

${updateNumbersHelp(capabilities)}

Options:
  --json                      Print the result (or the error) as JSON.
  --dry-run                   Print the request it would send, secrets redacted; send nothing.
                              Needs no key: a missing one is named, exit 2.
  -h, --help                  This help.

Exit codes: 0 done; 1 the vendor or the network failed (a lookup included), or the vendor
holds no such number; 2 usage error, input refused before sending (a bad id, an unsupported
change, a number the vendor cannot look up or holds twice), a missing key or base URL.

${CONNECTION}
Examples:
  phonebridge update ${labelled} ${example(labelled)} --agent agent_7f3c --label "Front desk"
  phonebridge update ${unassigned} ${example(unassigned)} --unassign --json
  ${ENV_PREFIXES[cleared]}_API_KEY=... phonebridge update ${cleared} ${example(cleared)} --clear-label --dry-run
  phonebridge update ${last} ${example(last)} --agent agent_1 --mock
${numbered === undefined ? "" : `  phonebridge update ${numbered} +14155550100 --agent agent_7f3c   # its id looked up\n`}
Nothing secret is ever printed: keys, the Authorization header and the vendors' secret fields
show as "[redacted]".
`;
}

/** The providers of each way of looking a number up: search, list, is-id, none. */
function providersByWay(capabilities: Capabilities): [Provider[], Provider[], Provider[], Provider[]] {
  const by = (way: LookupWay) => PROVIDERS.filter((provider) => lookupWay(capabilities, provider) === way);
  return [by("search"), by("list"), by("is-id"), by("none")];
}

/**
 * How `update`'s <id> may be a number, per vendor, from the capability matrix
 * (docs/CONTRACT.md#cli-phonebridge): one paragraph of `update --help`.
 */
function updateNumbersHelp(capabilities: Capabilities): string {
  const [search, listed, isId, none] = providersByWay(capabilities);
  const parts: string[] = [];
  if (search.length > 0) parts.push(`${list(search)}: a search;`);
  if (listed.length > 0) parts.push(`${list(listed)}: the list read once;`);
  if (isId.length > 0) parts.push(`${list(isId)}: the id is the number, nothing to look up;`);
  if (none.length > 0) parts.push(`${list(none)}: cannot look a number up (no list), exit 2.`);
  const text =
    "<id> may be the E.164 number instead of the id: its id is looked up before anything is " +
    `sent. ${parts.join(" ")} A number the vendor does not hold is not_found (exit 1); one it ` +
    "holds twice names both ids and guesses neither (exit 2); a lookup that fails sends " +
    'nothing (exit 1). Output shows both ("resolvedId" beside "id" with --json); --dry-run looks ' +
    "nothing up and shows <id of +1…> where the id goes.";
  return wrap(text, "");
}

/**
 * How a number in the id column becomes an id, per vendor, from the capability matrix
 * (docs/CONTRACT.md#cli-phonebridge): one paragraph of `apply --help` and `plan --help`.
 */
function numbersHelp(capabilities: Capabilities): string {
  const [search, listed, isId, none] = providersByWay(capabilities);
  const parts: string[] = [];
  if (search.length > 0) {
    parts.push(`${list(search)}: a search per number, or the list read once above ${SEARCH_LIMIT} numbers;`);
  }
  if (listed.length > 0) parts.push(`${list(listed)}: the list read once;`);
  if (isId.length > 0) parts.push(`${list(isId)}: the id is the number, nothing to look up;`);
  if (none.length > 0) parts.push(`${list(none)}: cannot look a number up (no list), the row is bad.`);
  const text =
    "The id cell may hold the E.164 number instead of the id: it is looked up after the check " +
    `and before anything is sent. ${parts.join(" ")} A number not found, or found twice, is a ` +
    "bad row; a lookup that fails stops the run, nothing sent (exit 1); a number and its id in " +
    'two rows are refused as one number twice. Output shows both ("resolvedId" beside "id"); ' +
    "--dry-run looks nothing up and shows <id of +1…> where the id goes.";
  return wrap(text, "");
}

/** `phonebridge apply --help`: its examples are rows the vendors of the registry accept. */
export function applyHelp(capabilities: Capabilities): string {
  const labelled = firstWith(capabilities, (row) => row.label.set !== "unsupported");
  const unassigned = firstWith(capabilities, (row) => row.agentId.clear !== "unsupported");
  const outbound = firstWith(
    capabilities,
    (row) => row.outboundAgentId.set !== "unsupported" && row.label.clear !== "unsupported",
  );
  const outboundRow = capabilities[outbound].outboundAgentId.set === "unsupported" ? "agent_2,," : ",null,agent_out_2";
  return `Usage: phonebridge apply <file.csv|file.jsonl> [options]

Applies one update per row of the file, several at a time, and records each finished row in
a results file as it finishes.

File format: CSV with a header naming the columns (any order; only provider and id are
required):
  provider        ${wrap(list(PROVIDERS, "or"), " ".repeat(18), 92)}
  id              the phone number's id, as the vendor writes it (phonebridge help update
                  shows one of each vendor's), or its E.164 number (see below)
  agent           inbound agent id to assign; null removes the agent
  label           label to set; null clears it
  outbound_agent  outbound agent id to assign; null removes it
An empty cell leaves the field unchanged; the cell null removes or clears it. A row that
changes nothing is a bad row, and so is a row with too many or too few cells or a quote
inside an unquoted cell. The file must be UTF-8; an unclosed quote, or a number (provider
and id) in more than one row, refuses the whole file. The file is read twice, as a stream
(checked whole before anything is sent, then sent): give a regular file that does not change
during the run. Example:

  provider,id,agent,label,outbound_agent
  ${labelled},${example(labelled)},agent_7f3c,Front desk,
  ${unassigned},${example(unassigned)}${labelled === unassigned ? "0" : ""},null,,
  ${outbound},${example(outbound)}9,${outboundRow}

Or JSONL (.jsonl, .ndjson), one object per line with the same keys; a key left out leaves the
field unchanged, JSON null removes or clears it:

  {"provider":"${labelled}","id":${JSON.stringify(example(labelled))},"agent":"agent_7f3c","label":"Front desk"}
  {"provider":"${unassigned}","id":${JSON.stringify(`${example(unassigned)}${labelled === unassigned ? "0" : ""}`)},"agent":null}

Rows are numbered from 1, counting neither the header nor blank lines.

${numbersHelp(capabilities)}

Options:
  --concurrency <n>           Rows in flight at once (default 8).
  --rate <n>                  At most n requests per second per provider, retries included
                              (default: no limit).
  --results <file>            Results file (default: <file>.results.jsonl beside the input);
                              never the input file, under any name.
  --resume                    Continue a results file: skip rows that already have an
                              ok: true line, run every other row again (failed ones and rows
                              that were in flight when the run stopped).
  --overwrite                 Start the results file afresh (only a file that is empty or
                              holds results lines).
  --dry-run                   Check everything a real run would (rows, keys, the results
                              file and its lock; every other flag applies, --resume too) and
                              print the request each row would send, secrets redacted. Sends
                              nothing, writes nothing, needs no key.
  --skip-unchanged            Read each number first and send only rows not already in the
                              desired state; a skipped row gets an ok: true line with
                              "skipped":"unchanged" (--resume does not read it again) and
                              the summary counts it. Only for vendors that can read a number.
  --table                     At the end, print the rows' results (or errors) as a table:
                              the first 1,000 rows of the run (the results file has all).
  --json                      Summary (and --dry-run requests) as JSON lines.
  -h, --help                  This help.

${CONNECTION}
Results file: append-only JSONL, one line per row as soon as it finishes:
  {"row":1,"provider":"${labelled}","id":${JSON.stringify(example(labelled))},"ok":true,"result":{...}}
  {"row":2,"provider":"${unassigned}","id":${JSON.stringify(`${example(unassigned)}${labelled === unassigned ? "0" : ""}`)},"ok":false,"error":{"code":"not_found","message":"..."}}
Delivery is at least once: a row in flight when the process died has no line yet and is sent
again by --resume (updates are idempotent). No row ever gets two ok: true lines. Without
--resume or --overwrite an existing, non-empty results file is a usage error. One run per
results file: <results>.lock holds the run's pid and host; a second run exits 2 naming
them, and a lock left by a process that is gone (on this host) is taken over.

Progress goes to stderr: a bar with rate and ETA on a terminal, a plain line at every tenth
otherwise. Bad and failed rows are reported there with their row number and reason; the
summary goes to stdout (with --json, stdout holds JSON lines only). Ctrl-C stops sending,
waits for nothing, and exits 130: run again with --resume.

A row whose response drifts from the vendor's spec (a field missing, of another type, an
unknown enum value) was done: it is ok (its result has "drift", the paths and problems, never
a value), --resume does not send it again, a warning on stderr names the row, the vendor and
each path and problem, and the summary counts it ("drifted" with --json).

Exit codes: 0 every row done; 1 any bad or failed row; 2 usage error, a file refused, a
missing key or base URL, or a results file in use (nothing sent); 130 interrupted.
With --dry-run: 0 the real run could start and every row is valid; 1 it could start and
some rows are bad; 2 it could not start (each reason on stderr and in the JSON summary).

Examples:
  phonebridge apply numbers.csv --concurrency 16 --rate 10
  phonebridge apply numbers.csv --resume
  phonebridge apply numbers.jsonl --dry-run --resume --json
  phonebridge apply numbers.csv --mock
`;
}

/** `phonebridge plan --help`. */
export function planHelp(capabilities: Capabilities): string {
  return `Usage: phonebridge plan <file.csv|file.jsonl> [options]

Reads the current state of each row's number (one read per row, no write) and prints what
"phonebridge apply" would change, one line per row, in the file's order:
  change        the fields that differ: agent, outbound agent, label (held -> wanted)
  unchanged     the number is already as the row asks
  not found     the vendor has no such number
  cannot read   the vendor documents no read of a number, or the read failed (the vendor
                and the reason are named, never a secret)
Bad rows are reported on stderr, as apply reports them. Run plan, read it, then apply.

Takes the files of apply (see phonebridge apply --help) and its key rules; nothing is sent
but reads, and no results file is written.

${numbersHelp(capabilities)}

Options:
  --concurrency <n>           Rows read at once (default 8).
  --rate <n>                  At most n requests per second per provider, retries included.
  --json                      One JSON line per row ({"row","provider","id","outcome",
                              "changes"|"error"}, and "resolvedId" for a number looked
                              up), then a summary line.
  -h, --help                  This help.

${CONNECTION}
Exit codes: 0 nothing would change; 1 something would change, or a row is bad, not found or
cannot be read; 2 usage error, a file refused, a missing key or base URL (nothing read).

Examples:
  phonebridge plan numbers.csv
  phonebridge plan numbers.csv --json --concurrency 16
  phonebridge plan numbers.csv --mock
`;
}

/** `phonebridge verify --help`: its examples name vendors that can list, from the capability matrix. */
export function verifyHelp(capabilities: Capabilities): string {
  const canList = (row: Capabilities[Provider]) => (row.reads?.list ?? "unsupported") !== "unsupported";
  const first = firstWith(capabilities, canList);
  const second = PROVIDERS.find((provider) => provider !== first && canList(capabilities[provider])) ?? first;
  return `Usage: phonebridge verify <provider> [options]

A live contract check of a real account: lists every number of the account (page after page)
and checks each number, and each page's own fields (its cursor, has-more flag), against the
vendor's spec. Every drift (a field missing, of another type, an unknown enum value) is printed,
one line per path and problem, with the number or the page (page 1 is the first); never a value.
A vendor that documents no list (the README's capability matrix says which) cannot be
verified: exit 2, nothing sent.

Options:
  --json                      One JSON line per drifting number ({"provider","id","number",
                              "drift":[{"path","problem"}]}) or page ({"provider","page",
                              "drift"}), then a summary line.
  -h, --help                  This help.

${CONNECTION}
Exit codes: 0 no drift; 1 drift, or the vendor or network failed the list; 2 usage error, a
provider that cannot list, a missing key or base URL (nothing sent).

Examples:
  phonebridge verify ${first}
  phonebridge verify ${second} --json
`;
}

/** `phonebridge status --help`. */
export function statusHelp(): string {
  return `Usage: phonebridge status [--provider <provider>...] [options]

Lists every number of the configured vendors (those with a key, from --api-key or
<VENDOR>_API_KEY, or those named by --provider; every vendor with --mock), page after page, one
line per number: provider, number, agent, outbound agent, label. Progress goes to stderr. A
vendor that documents no list is said once on stderr and skipped.

Options:
  --provider <provider>       List this vendor (repeatable); otherwise every vendor with a key.
  --json                      One JSON line per number ({"provider","id","number","agentId",
                              "outboundAgentId","label"}).
  -h, --help                  This help.

${CONNECTION}
Exit codes: 0 every vendor listed; 1 a vendor named by --provider cannot list, or a list
failed; 2 usage error, no vendor configured, a missing key or base URL (nothing sent).
`;
}
