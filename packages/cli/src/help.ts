export const MAIN_HELP = `phonebridge: assign or remove the agent of a phone number, or set its label, on
Retell, Cartesia, Verbex, Vogent and Cald, with the same meaning everywhere.

Usage:
  phonebridge update <provider> <id> [change flags] [options]
  phonebridge apply <file.csv|file.jsonl> [options]
  phonebridge help [update|apply]
  phonebridge --version

Providers: retell, cartesia, verbex, vogent, cald.
Run "phonebridge <command> --help" for the flags, the file format and examples.

Exit codes: 0 everything done; 1 a vendor or network error, or any bad or failed row;
2 usage error, a file refused, a missing key or base URL, or a results file in use
(nothing sent); 130 interrupted. With --dry-run: 0 the real run could start and every row
is valid; 1 it could start, some rows are bad; 2 it could not start.
`;

const CONNECTION = `Connection:
  --api-key <provider>=<key>  API key of one provider (repeatable); otherwise
                              <VENDOR>_API_KEY (RETELL_API_KEY, CARTESIA_API_KEY,
                              VERBEX_API_KEY, VOGENT_API_KEY, CALD_API_KEY). A key without
                              "provider=" only when the run touches one provider. Prefer the
                              env vars: a flag is visible to other users in the process list.
  --base-url <provider>=<url> Base URL of one provider (repeatable); otherwise
                              <VENDOR>_BASE_URL, then the vendor's default. Without
                              "provider=" only when the run touches one provider.
                              Verbex publishes none: give one.
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

export const UPDATE_HELP = `Usage: phonebridge update <provider> <id> [change flags] [options]

Updates one phone number and prints the normalized result: a table, or JSON with --json.

Change flags (at least one):
  --agent <id>                Assign the inbound agent.
  --unassign                  Remove the inbound agent.
  --label <text>              Set the label (1 to 255 characters).
  --clear-label               Clear the label.
  --outbound-agent <id>       Assign the outbound agent.
  --unassign-outbound         Remove the outbound agent.
  --vendor-json <json>        The vendor's own request fields, as a JSON object, for what
                              the change flags do not map (Retell weighted agents, Verbex
                              SIP settings, ...).

What each vendor supports (anything else is refused before sending):
  retell    agent, label, outbound agent   (id is the E.164 number, e.g. +14155550100)
  verbex    agent, label, outbound agent
  cartesia  agent, label (set only)
  vogent    agent
  cald      agent

Options:
  --json                      Print the result (or the error) as JSON.
  --dry-run                   Print the request it would send, secrets redacted; send nothing.
                              Needs no key: a missing one is named, exit 2.
  -h, --help                  This help.

${CONNECTION}
Examples:
  phonebridge update retell +14155550100 --agent agent_7f3c --label "Front desk"
  phonebridge update cald pn_123 --unassign --json
  RETELL_API_KEY=... phonebridge update retell +14155550100 --clear-label --dry-run
  phonebridge update vogent num_1 --agent agent_1 --mock

Nothing secret is ever printed: keys, the Authorization header and the vendors' secret fields
show as "[redacted]".
`;

export const APPLY_HELP = `Usage: phonebridge apply <file.csv|file.jsonl> [options]

Applies one update per row of the file, several at a time, and records each finished row in
a results file as it finishes.

File format: CSV with a header naming the columns (any order; only provider and id are
required):
  provider        retell, cartesia, verbex, vogent or cald
  id              the phone number's id (Retell: the E.164 number)
  agent           inbound agent id to assign; null removes the agent
  label           label to set; null clears it
  outbound_agent  outbound agent id to assign; null removes it
An empty cell leaves the field unchanged; the cell null removes or clears it. A row that
changes nothing is a bad row, and so is a row with too many or too few cells or a quote
inside an unquoted cell. The file must be UTF-8; an unclosed quote, or a number (provider
and id) in more than one row, refuses the whole file. Example:

  provider,id,agent,label,outbound_agent
  retell,+14155550100,agent_7f3c,Front desk,
  cald,pn_123,null,,
  verbex,pn_9,,null,agent_out_2

Or JSONL (.jsonl, .ndjson), one object per line with the same keys; a key left out leaves the
field unchanged, JSON null removes or clears it:

  {"provider":"retell","id":"+14155550100","agent":"agent_7f3c","label":"Front desk"}
  {"provider":"cald","id":"pn_123","agent":null}

Rows are numbered from 1, counting neither the header nor blank lines.

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
  --table                     At the end, print every row's result (or error) as a table:
                              for small files.
  --json                      Summary (and --dry-run requests) as JSON lines.
  -h, --help                  This help.

${CONNECTION}
Results file: append-only JSONL, one line per row as soon as it finishes:
  {"row":1,"provider":"retell","id":"+14155550100","ok":true,"result":{...}}
  {"row":2,"provider":"cald","id":"pn_123","ok":false,"error":{"code":"not_found","message":"..."}}
Delivery is at least once: a row in flight when the process died has no line yet and is sent
again by --resume (updates are idempotent). No row ever gets two ok: true lines. Without
--resume or --overwrite an existing, non-empty results file is a usage error. One run per
results file: <results>.lock holds the run's pid and host; a second run exits 2 naming
them, and a lock left by a process that is gone (on this host) is taken over.

Progress goes to stderr: a bar with rate and ETA on a terminal, a plain line at every tenth
otherwise. Bad and failed rows are reported there with their row number and reason; the
summary goes to stdout (with --json, stdout holds JSON lines only). Ctrl-C stops sending,
waits for nothing, and exits 130: run again with --resume.

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
