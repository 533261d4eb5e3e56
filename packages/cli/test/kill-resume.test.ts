import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { FAKE_KEY, localServer, ok, retellCsv, retellId, run, start, tempDir, waitFor } from "./helpers.js";

const ROWS = 60;
const CONCURRENCY = 8;

it("SIGKILL with requests in flight, then --resume: every row ends with exactly one ok line", async () => {
  // The server answers the first 20 requests and holds every later one open, so the run is
  // killed with exactly CONCURRENCY requests in flight.
  let holding = true;
  const held: (() => void)[] = [];
  const server = await localServer((req, res) => {
    const answer = () => ok(res, retellId(req.url));
    if (!holding || server.requests.length <= 20) answer();
    else held.push(answer);
  });
  try {
    const dir = tempDir();
    const file = join(dir, "rows.csv");
    writeFileSync(file, retellCsv(ROWS));
    const results = `${file}.results.jsonl`;
    const args = [
      "apply",
      file,
      "--concurrency",
      String(CONCURRENCY),
      "--api-key",
      FAKE_KEY,
      "--base-url",
      `retell=${server.url}`,
    ];

    const first = start(args);
    await waitFor(() => held.length === CONCURRENCY && server.inFlight() === CONCURRENCY);
    await waitFor(() => readFileSync(results, "utf8").split("\n").filter(Boolean).length === 20);
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.signal).toBe("SIGKILL");

    const okAfterKill = readFileSync(results, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { row: number; ok: boolean });
    expect(okAfterKill).toHaveLength(20);
    expect(okAfterKill.every((l) => l.ok)).toBe(true);
    const inFlightIds = server.requests.slice(20).map((r) => retellId(r.url));
    expect(inFlightIds).toHaveLength(CONCURRENCY);

    holding = false;
    const second = await run([...args, "--resume", "--json"]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ rows: ROWS, ok: ROWS - 20, alreadyDone: 20, failed: 0, bad: 0 });

    const lines = readFileSync(results, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { row: number; ok: boolean; id: string });
    for (let row = 1; row <= ROWS; row++) {
      expect(
        lines.filter((l) => l.row === row && l.ok),
        `row ${row}`,
      ).toHaveLength(1);
    }
    expect(lines).toHaveLength(ROWS);
    // The rows that were in flight were sent again; the rows already done were not.
    const resent = server.requests.slice(20 + CONCURRENCY).map((r) => retellId(r.url));
    for (const id of inFlightIds) expect(resent).toContain(id);
    const doneIds = new Set(server.requests.slice(0, 20).map((r) => retellId(r.url)));
    expect(resent.filter((id) => doneIds.has(id))).toEqual([]);
    expect(resent).toHaveLength(ROWS - 20);
  } finally {
    for (const release of held.splice(0)) release();
    await server.close();
  }
});

it("Ctrl-C (SIGINT) stops sending, writes no line for rows in flight and exits 130", async () => {
  const held: (() => void)[] = [];
  const server = await localServer((req, res) => {
    const answer = () => ok(res, retellId(req.url));
    if (server.requests.length <= 5) answer();
    else held.push(answer);
  });
  try {
    const file = join(tempDir(), "rows.csv");
    writeFileSync(file, retellCsv(30));
    const results = `${file}.results.jsonl`;
    const first = start([
      "apply",
      file,
      "--concurrency",
      "4",
      "--api-key",
      FAKE_KEY,
      "--base-url",
      `retell=${server.url}`,
    ]);
    await waitFor(() => held.length === 4);
    await waitFor(() => readFileSync(results, "utf8").split("\n").filter(Boolean).length === 5);
    first.child.kill("SIGINT");
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toMatch(/^interrupted: 30 rows: 5 ok, 0 failed, 0 bad, 25 not done/m);
    expect(stopped.stderr).toContain("--resume");
    expect(readFileSync(results, "utf8").split("\n").filter(Boolean)).toHaveLength(5);
    expect(server.requests).toHaveLength(9);
  } finally {
    for (const release of held.splice(0)) release();
    await server.close();
  }
});
