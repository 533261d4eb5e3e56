// Benchmark (not a test): `phonebridge apply` on 100,000 rows, through the real binary, against a
// local node:http server on 127.0.0.1 that answers every update at once, at concurrency 32. The
// input is read as a stream, so the goal is a peak RSS under 200 MB whatever the file's length.
// For each format (CSV and JSONL) it runs, on the same file:
//   dry-run   `apply --dry-run --json`: every row checked and its request printed (stdout counted, not kept)
//   apply     `apply --json`: every row sent, its line appended to the results file
//   resume    `apply --resume --json` on the finished results file: every line read, nothing sent
// and reports rows/s, peak RSS and CPU of each. Prints one JSON line on stdout.
//
//   node bench/cli/stream.bench.mjs [--rows 100000] [--concurrency 32] [--formats csv,jsonl] [--out file.json]
//                                   [--bin path/to/bin.js]
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
    formats: { type: "string", default: "csv,jsonl" },
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

// The vendor server: Retell's update, a valid body at once.
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
      nickname: "Front desk",
      inbound_agents: [{ agent_id: "agent_bench", weight: 1 }],
    });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 10_000;
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const dir = mkdtempSync(join(tmpdir(), "phonebridge-stream-bench-"));

/** 100,000 distinct Retell numbers; every 10th label holds a multi-byte character. */
function inputFile(format) {
  const id = (i) => `+1415${String(i).padStart(7, "0")}`;
  const label = (i) => (i % 10 === 0 ? `Büro ${i}` : `Desk ${i}`);
  const lines =
    format === "csv"
      ? [
          "provider,id,agent,label",
          ...Array.from({ length: ROWS }, (_, i) => `retell,${id(i)},agent_bench,${label(i)}`),
        ]
      : Array.from({ length: ROWS }, (_, i) =>
          JSON.stringify({ provider: "retell", id: id(i), agent: "agent_bench", label: label(i) }),
        );
  const path = join(dir, `rows.${format}`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** Runs the CLI under GNU time; stdout is counted in lines, only its last line kept. */
async function runCli(args) {
  const timeFile = join(dir, "time.txt");
  const before = requests;
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
    stdoutLines,
    summary,
    ...(code === 0 ? {} : { stderr: stderr.trim().split("\n").slice(-3).join("\n") }),
  };
}

const connection = ["--api-key", "bench-key-not-secret", "--base-url", `retell=${origin}`];
const runs = [];
for (const format of FORMATS) {
  const input = inputFile(format);
  const results = join(dir, `rows.${format}.results.jsonl`);
  const common = [input, "--concurrency", String(CONCURRENCY), "--json", "--results", results, ...connection];
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
    apply: { ...apply, okRows, pass: apply.exitCode === 0 && okRows === ROWS && apply.requests === ROWS },
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
