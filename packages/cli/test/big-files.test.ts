// apply on files larger than its buffers, through the real binary: output to a slow reader comes
// out whole, --table prints a bounded number of rows, a number given twice far apart is still
// found before anything is sent, and a file changed during the run is never sent on what the
// check did not see (CONTRACT.md, CLI). The memory target itself is checked by
// bench/cli/stream.bench.mjs, never here.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import {
  BIN,
  cleanEnv,
  FAKE_KEY,
  fileWith,
  jsonLines,
  localServer,
  ok,
  readResults,
  retellId,
  run,
  start,
  waitFor,
} from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function server() {
  const s = await localServer((req, res) => ok(res, retellId(req.url)));
  close = s.close;
  return s;
}

const ID = (i: number) => `+1415${String(i).padStart(7, "0")}`;

function retellRows(count: number, id = ID): string {
  const lines = ["provider,id,agent"];
  for (let i = 0; i < count; i++) lines.push(`retell,${id(i)},agent_1`);
  return `${lines.join("\n")}\n`;
}

/**
 * Runs the binary with its stdout read slowly (1 KiB every 10 ms, slower than it writes), so that
 * the pipe is full and
 * output is still queued when the command is done.
 */
function runSlowReader(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv(),
    cwd: tmpdir(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const timer = setInterval(() => {
    const chunk = child.stdout.read(1024) ?? child.stdout.read();
    if (chunk !== null) stdout.push(chunk as Buffer);
  }, 10);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      // The child is gone: what it wrote is in the pipe and the stream's buffer, read it all.
      clearInterval(timer);
      child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stdout.on("end", () => resolve({ code, stdout: Buffer.concat(stdout).toString("utf8"), stderr }));
    });
  });
}

describe("apply on big files", () => {
  it("--dry-run --json to a slow reader: every row's line and the summary come out", async () => {
    const rows = 1500;
    const file = fileWith("rows.csv", retellRows(rows));
    const result = await runSlowReader([
      "apply",
      file,
      "--dry-run",
      "--json",
      "--api-key",
      FAKE_KEY,
      "--base-url",
      "http://127.0.0.1:9",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(rows + 1);
    expect(lines.at(-2)).toMatchObject({ row: rows, id: ID(rows - 1) });
    expect(lines.at(-1)).toMatchObject({ dryRun: true, rows, valid: rows, bad: 0, canStart: true });
  }, 60_000);

  it("--table prints the first 1,000 rows and says where the others are", async () => {
    const s = await server();
    const rows = 1005;
    const file = fileWith("rows.csv", retellRows(rows));
    const result = await run([
      "apply",
      file,
      "--table",
      "--concurrency",
      "16",
      "--api-key",
      FAKE_KEY,
      "--base-url",
      s.url,
    ]);
    expect(result.code).toBe(0);
    expect(s.requests).toHaveLength(rows);
    expect(readResults(`${file}.results.jsonl`)).toHaveLength(rows);
    // Each row of the table shows its number; the table holds 1,000 of them.
    const tableRows = result.stdout.split("\n").filter((line) => line.includes("+1415"));
    expect(tableRows).toHaveLength(1000);
    expect(result.stdout).toContain(`(the first 1000 of the ${rows} rows of this run; every row is in `);
    expect(result.stdout).toMatch(/done: 1005 rows: 1005 ok, 0 failed, 0 bad/);
  }, 60_000);

  it("a number given twice 90,000 rows apart refuses the file; nothing sent", async () => {
    const s = await server();
    const rows = 90_001;
    const file = fileWith(
      "rows.csv",
      retellRows(rows, (i) => (i === rows - 1 ? ID(3) : ID(i))),
    );
    const result = await run(["apply", file, "--api-key", FAKE_KEY, "--base-url", s.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`rows 4, ${rows}: retell "${ID(3)}"`);
    expect(s.requests).toHaveLength(0);
    expect(existsSync(`${file}.results.jsonl`)).toBe(false);
  }, 60_000);

  it("a file changed while rows are sent: no row the check did not see is sent; stopped, exit 1", async () => {
    // The first request is held until the file has changed; the rest are answered at once.
    let release: (() => void) | undefined;
    const s = await localServer((req, res) => {
      const answer = () => ok(res, retellId(req.url));
      if (release === undefined && s.requests.length === 1) release = answer;
      else answer();
    });
    close = s.close;
    // Long rows, so that the rows near the end are read after the change: the readers hold a few
    // chunks of 64 KiB ahead of the rows in flight, here some hundreds of rows.
    const rows = 6000;
    const moved = 5000;
    const padded = (id: (i: number) => string) =>
      `${["provider,id,label", ...Array.from({ length: rows }, (_, i) => `retell,${id(i)},${"x".repeat(200)}`)].join("\n")}\n`;
    const file = fileWith("rows.csv", padded(ID));
    const running = start(["apply", file, "--concurrency", "4", "--api-key", FAKE_KEY, "--base-url", s.url]);
    await waitFor(() => release !== undefined);
    // Row 5001 now names a number the check never saw: its id overwritten in place, the file's
    // size kept, so that only the row itself tells.
    const fd = openSync(file, "r+");
    writeSync(fd, "+19990000000", padded(ID).indexOf(ID(moved)));
    closeSync(fd);
    release?.();
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rows\.csv changed after it was checked/);
    expect(result.stdout).toMatch(/^stopped: 6000 rows: \d+ ok, 0 failed, 0 bad, \d+ not done/m);
    const sent = s.requests.map((r) => retellId(r.url));
    expect(sent).not.toContain("+19990000000");
    expect(sent.length).toBeLessThanOrEqual(moved);
    expect(readResults(`${file}.results.jsonl`).every((line) => line.ok && line.row <= moved)).toBe(true);
  }, 60_000);
});
