// Benchmark (not a test): `phonebridge apply` on 100,000 rows, through the real binary, against a
// local node:http server on 127.0.0.1 that answers every update at once, at concurrency 32. The
// input is read as a stream, so the goal is a peak RSS under 200 MB whatever the file's length.
// For each format (CSV and JSONL) it runs, on the same file:
//   dry-run   `apply --dry-run --json`: every row checked and its request printed (stdout counted, not kept)
//   apply     `apply --json`: every row sent, its line appended to the results file
//   resume    `apply --resume --json` on the finished results file: every line read, nothing sent
// and reports rows/s, peak RSS and CPU of each. Then the same three runs on a CSV of Vogent rows
// whose ids are E.164 numbers (format `lookup`): the real run looks every number up in Vogent's
// list, read once, 100,000 numbers in pages of 100 (the list's default `limit`, as its spec says),
// before it sends. Prints one JSON line on stdout.
//
//   node bench/cli/stream.bench.mjs [--rows 100000] [--concurrency 32] [--formats csv,jsonl,lookup]
//                                   [--out file.json] [--bin path/to/bin.js]
//
// Needs `pnpm build` first (it runs packages/cli/dist/bin.js). `--bin` runs another build of the
// CLI instead (an older one, to compare): it must sit where it resolves @phonebridge/* packages.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "32" },
    formats: { type: "string", default: "csv,jsonl,lookup" },
    out: { type: "string" },
    bin: { type: "string" },
  },
});
const ROWS = Number(values.rows);
const CONCURRENCY = Number(values.concurrency);
const FORMATS = values.formats.split(",");
const BIN = values.bin
  ? resolve(values.bin)
  : fileURLToPath(new URL("../../packages/cli/dist/bin.js", import.meta.url));
const GOAL = { peakRssMB: 200 };

if (!existsSync(BIN)) {
  process.stderr.write(`stream.bench: ${BIN} is missing: run pnpm build first\n`);
  process.exit(2);
}
if (!existsSync("/usr/bin/time")) {
  process.stderr.write("stream.bench: needs GNU time (/usr/bin/time) for the peak RSS\n");
  process.exit(2);
}

// Vogent's list holds the numbers of the lookup run: number i has a UUID-like id.
const VOGENT_PAGE = 100;
const vogentId = (i) => `6f1c2a4e-0b7d-4c3e-9a52-${i.toString(16).padStart(12, "0")}`;
const vogentNumber = (i) => `+1628${String(i).padStart(7, "0")}`;
const vogentItem = (i, agentId = "agent_old") => ({ id: vogentId(i), number: vogentNumber(i), type: "PSTN", agentId });

function answer(res, body) {
  const text = JSON.stringify(body);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

// The vendor server: Retell's update, a valid body at once; Vogent's list (an opaque cursor,
// null on the last page) and its update.
let requests = 0;
let listPages = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    requests += 1;
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/phone_numbers" && req.method === "GET") {
      listPages += 1;
      const limit = Number(url.searchParams.get("limit") ?? VOGENT_PAGE);
      const cursor = url.searchParams.get("cursor");
      const start = cursor === null ? 0 : Number(Buffer.from(cursor, "base64url").toString().slice(4));
      const end = Math.min(start + limit, ROWS);
      const data = Array.from({ length: end - start }, (_, k) => vogentItem(start + k));
      answer(res, { data, cursor: end < ROWS ? Buffer.from(`page${end}`).toString("base64url") : null });
      return;
    }
    if (url.pathname.startsWith("/phone_numbers/") && req.method === "PUT") {
      const id = decodeURIComponent(url.pathname.slice("/phone_numbers/".length));
      const i = Number.parseInt(id.slice(id.lastIndexOf("-") + 1), 16);
      answer(res, vogentItem(i, JSON.parse(Buffer.concat(chunks).toString()).agentId));
      return;
    }
    const id = decodeURIComponent(url.pathname.replace(/^\/update-phone-number\//, ""));
    answer(res, {
      phone_number: id,
      phone_number_type: "retell-twilio",
      last_modification_timestamp: 1_700_000_000_000,
      nickname: "Front desk",
      inbound_agents: [{ agent_id: "agent_bench", weight: 1 }],
    });
  });
});
server.keepAliveTimeout = 10_000;
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const dir = mkdtempSync(join(tmpdir(), "phonebridge-stream-bench-"));

/**
 * 100,000 distinct Retell numbers; every 10th label holds a multi-byte character. `lookup`: a CSV
 * of Vogent rows whose ids are the numbers of its list, to be looked up.
 */
function inputFile(format) {
  const id = (i) => `+1415${String(i).padStart(7, "0")}`;
  const label = (i) => (i % 10 === 0 ? `Büro ${i}` : `Desk ${i}`);
  const lines =
    format === "csv"
      ? [
          "provider,id,agent,label",
          ...Array.from({ length: ROWS }, (_, i) => `retell,${id(i)},agent_bench,${label(i)}`),
        ]
      : format === "lookup"
        ? ["provider,id,agent", ...Array.from({ length: ROWS }, (_, i) => `vogent,${vogentNumber(i)},agent_bench`)]
        : Array.from({ length: ROWS }, (_, i) =>
            JSON.stringify({ provider: "retell", id: id(i), agent: "agent_bench", label: label(i) }),
          );
  const path = join(dir, `rows.${format === "lookup" ? "lookup.csv" : format}`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** Runs the CLI under GNU time; stdout is counted in lines, only its last line kept. */
async function runCli(args) {
  const timeFile = join(dir, "time.txt");
  const before = requests;
  const pagesBefore = listPages;
  const started = performance.now();
  const child = spawn("/usr/bin/time", ["-f", "%M %U %S", "-o", timeFile, process.execPath, BIN, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  let stdoutLines = 0;
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    for (let i = chunk.indexOf("\n"); i >= 0; i = chunk.indexOf("\n", i + 1)) stdoutLines += 1;
    tail = (tail + chunk).slice(-65_536);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - started) / 1000;
  const [peakKB = 0, user = 0, system = 0] = (readFileSync(timeFile, "utf8").trim().split("\n").at(-1) ?? "")
    .split(" ")
    .map(Number);
  let summary = {};
  try {
    summary = JSON.parse(tail.trim().split("\n").at(-1) ?? "{}");
  } catch {
    summary = {};
  }
  return {
    exitCode: code,
    seconds: Number(seconds.toFixed(3)),
    rowsPerSecond: Number((ROWS / seconds).toFixed(1)),
    peakRssMB: Number((peakKB / 1024).toFixed(1)),
    cpuSeconds: Number((user + system).toFixed(2)),
    requests: requests - before,
    listPages: listPages - pagesBefore,
    stdoutLines,
    summary,
    ...(code === 0 ? {} : { stderr: stderr.trim().split("\n").slice(-3).join("\n") }),
  };
}

const connection = (format) =>
  format === "lookup"
    ? ["--api-key", "vogent=bench-key-not-secret", "--base-url", `vogent=${origin}`]
    : ["--api-key", "bench-key-not-secret", "--base-url", `retell=${origin}`];
/** The requests of a real run: the list's pages first when the ids are numbers to look up. */
const pagesOfList = Math.ceil(ROWS / VOGENT_PAGE);
const runs = [];
for (const format of FORMATS) {
  const input = inputFile(format);
  const results = join(dir, `rows.${format}.results.jsonl`);
  const common = [input, "--concurrency", String(CONCURRENCY), "--json", "--results", results, ...connection(format)];
  const dryRun = await runCli(["apply", ...common, "--dry-run"]);
  const apply = await runCli(["apply", ...common]);
  const okRows = existsSync(results)
    ? readFileSync(results, "utf8")
        .split("\n")
        .filter((l) => l.includes('"ok":true')).length
    : 0;
  const resume = await runCli(["apply", ...common, "--resume"]);
  runs.push({
    format,
    inputMB: Number((statSync(input).size / 1e6).toFixed(2)),
    dryRun: { ...dryRun, pass: dryRun.exitCode === 0 && dryRun.stdoutLines === ROWS + 1 && dryRun.requests === 0 },
    apply: {
      ...apply,
      okRows,
      pass:
        apply.exitCode === 0 &&
        okRows === ROWS &&
        apply.requests === ROWS + (format === "lookup" ? pagesOfList : 0) &&
        apply.listPages === (format === "lookup" ? pagesOfList : 0),
    },
    resume: { ...resume, pass: resume.exitCode === 0 && resume.requests === 0 && resume.summary.alreadyDone === ROWS },
  });
  rmSync(results, { force: true });
}
server.closeAllConnections();
server.close();
rmSync(dir, { recursive: true, force: true });

const all = runs.flatMap((r) => [r.dryRun, r.apply, r.resume]);
const peak = Math.max(...all.map((r) => r.peakRssMB));
const result = {
  bench: "cli-stream",
  bin: BIN,
  rows: ROWS,
  concurrency: CONCURRENCY,
  runs,
  peakRssMB: peak,
  loadAverage1m: Number(loadavg()[0].toFixed(2)),
  rssSource: "/usr/bin/time %M",
  goal: GOAL,
  pass: all.every((r) => r.pass) && peak < GOAL.peakRssMB,
};
const line = JSON.stringify(result);
if (values.out) writeFileSync(values.out, `${line}\n`);
process.stdout.write(`${line}\n`);
process.exitCode = result.pass ? 0 : 1;
