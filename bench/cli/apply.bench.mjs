// Benchmark (not a test): a 10,000-row `phonebridge apply` through the real binary against a
// local node:http server on 127.0.0.1 that answers every update after 50 ms, at concurrency 32.
// Theoretical throughput is concurrency / latency = 640 rows/s; the goal is at least 90% of it
// and a peak RSS under 200 MB. Prints one JSON line on stdout.
//
//   node bench/cli/apply.bench.mjs [--rows 10000] [--concurrency 32] [--latency 50] [--out file.json] [--no-baseline]
//
// Besides the goal's figures it reports the CLI's CPU per row and, as a reading aid on a busy
// machine, the throughput of a bare node:http client run right after against the same server.
//
// Needs `pnpm build` first (it runs packages/cli/dist/bin.js).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "32" },
    latency: { type: "string", default: "50" },
    out: { type: "string" },
    "no-baseline": { type: "boolean", default: false },
  },
});
const ROWS = Number(values.rows);
const CONCURRENCY = Number(values.concurrency);
const LATENCY_MS = Number(values.latency);
const BIN = fileURLToPath(new URL("../../packages/cli/dist/bin.js", import.meta.url));
const GOAL = { fraction: 0.9, peakRssMB: 200 };

if (!existsSync(BIN)) {
  process.stderr.write(`apply.bench: ${BIN} is missing: run pnpm build first\n`);
  process.exit(2);
}

// The vendor server: Retell's update, a valid body after LATENCY_MS.
let requests = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    requests += 1;
    const id = decodeURIComponent((req.url ?? "").replace(/^\/update-phone-number\//, ""));
    const body = JSON.stringify({
      phone_number: id,
      phone_number_type: "retell-twilio",
      last_modification_timestamp: 1_700_000_000_000,
      nickname: null,
      inbound_agents: [{ agent_id: "agent_bench", weight: 1 }],
    });
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    }, LATENCY_MS);
  });
});
server.keepAliveTimeout = 10_000;
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const dir = mkdtempSync(join(tmpdir(), "phonebridge-apply-bench-"));
const input = join(dir, "rows.csv");
const lines = ["provider,id,agent"];
for (let i = 0; i < ROWS; i++) lines.push(`retell,+1415${String(i).padStart(7, "0")},agent_bench`);
writeFileSync(input, `${lines.join("\n")}\n`);

// Peak RSS: GNU time's "maximum resident set size" when it is there, else VmHWM polled from /proc.
const gnuTime = existsSync("/usr/bin/time");
const timeFile = join(dir, "time.txt");
const cliArgs = [
  BIN,
  "apply",
  input,
  "--concurrency",
  String(CONCURRENCY),
  "--json",
  "--api-key",
  "bench-key-not-secret",
  "--base-url",
  `retell=${origin}`,
];
const [command, args] = gnuTime
  ? ["/usr/bin/time", ["-f", "%M %U %S", "-o", timeFile, process.execPath, ...cliArgs]]
  : [process.execPath, cliArgs];

const started = performance.now();
const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
let stdout = "";
let stderr = "";
child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
let polledPeakKB = 0;
const poll = gnuTime
  ? undefined
  : setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (match) polledPeakKB = Math.max(polledPeakKB, Number(match[1]));
      } catch {
        // exited
      }
    }, 50);
const code = await new Promise((resolve) => child.on("close", resolve));
const seconds = (performance.now() - started) / 1000;
if (poll) clearInterval(poll);
const cliRequests = requests;

// The same load through the cheapest possible client, at the same moment on the same machine.
let baselineRowsPerSecond = null;
if (!values["no-baseline"]) {
  const baseline = spawn(
    process.execPath,
    [fileURLToPath(new URL("./baseline-client.mjs", import.meta.url)), origin, String(ROWS), String(CONCURRENCY)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  baseline.stdout.setEncoding("utf8").on("data", (chunk) => (out += chunk));
  await new Promise((resolve) => baseline.on("close", resolve));
  baselineRowsPerSecond = Number(out.trim()) || null;
}
server.closeAllConnections();
server.close();

const timeLine = gnuTime ? (readFileSync(timeFile, "utf8").trim().split("\n").at(-1) ?? "").split(" ").map(Number) : [];
const peakKB = gnuTime ? (timeLine[0] ?? 0) : polledPeakKB;
const cpuSeconds = gnuTime ? (timeLine[1] ?? 0) + (timeLine[2] ?? 0) : null;
let summary = {};
try {
  summary = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
} catch {
  summary = {};
}
const okLines = readFileSync(`${input}.results.jsonl`, "utf8")
  .split("\n")
  .filter((l) => l.includes('"ok":true')).length;
rmSync(dir, { recursive: true, force: true });

const theoretical = (CONCURRENCY * 1000) / LATENCY_MS;
const rowsPerSecond = ROWS / seconds;
const result = {
  bench: "cli-apply",
  rows: ROWS,
  concurrency: CONCURRENCY,
  latencyMs: LATENCY_MS,
  exitCode: code,
  okRows: okLines,
  requests: cliRequests,
  seconds: Number(seconds.toFixed(3)),
  rowsPerSecond: Number(rowsPerSecond.toFixed(1)),
  theoreticalRowsPerSecond: theoretical,
  fraction: Number((rowsPerSecond / theoretical).toFixed(4)),
  // The CLI's own figure, from its first row to its summary (without process start-up).
  cliRowsPerSecond: summary.rowsPerSecond ?? null,
  // A bare node:http client under the same load right after: what the machine allowed.
  baselineRowsPerSecond,
  vsBaseline: baselineRowsPerSecond ? Number((rowsPerSecond / baselineRowsPerSecond).toFixed(4)) : null,
  peakRssMB: Number((peakKB / 1024).toFixed(1)),
  // CPU (user + system) of the CLI per row: what it costs whatever the machine's load.
  cpuMsPerRow: cpuSeconds === null ? null : Number(((cpuSeconds * 1000) / ROWS).toFixed(3)),
  loadAverage1m: Number(loadavg()[0].toFixed(2)),
  rssSource: gnuTime ? "/usr/bin/time %M" : "/proc VmHWM",
  goal: GOAL,
  pass:
    code === 0 && okLines === ROWS && rowsPerSecond / theoretical >= GOAL.fraction && peakKB / 1024 < GOAL.peakRssMB,
};
const line = JSON.stringify(result);
if (values.out) writeFileSync(values.out, `${line}\n`);
process.stdout.write(`${line}\n`);
if (code !== 0) process.stderr.write(stderr.slice(-2000));
process.exitCode = result.pass ? 0 : 1;
