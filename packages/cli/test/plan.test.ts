/**
 * `phonebridge plan` (docs/CONTRACT.md#cli-phonebridge): each row's number read, what apply
 * would change printed per row, no write sent; exit 0 nothing would change, 1 something would
 * (or a row cannot be read), 2 usage or a refused file. Through the real binary, against a
 * local fake Retell.
 */

import { closeSync, openSync, writeSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_KEY, fileWith, jsonLines, localServer, retellBody, retellCsv, run, start, waitFor } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** What the fake Retell holds: number → its fields (absent: 404). */
const HELD: Record<string, Record<string, unknown>> = {
  "+14155550001": { inbound_agents: [{ agent_id: "agent_1", weight: 1 }], nickname: "Front desk" },
  "+14155550002": { inbound_agents: [{ agent_id: "agent_old", weight: 1 }], nickname: null },
  "+14155550003": { inbound_agents: [{ agent_id: "agent_1", weight: 1 }] },
  // Drifts from the spec: a type the spec does not know.
  "+14155550007": { inbound_agents: [{ agent_id: "agent_1", weight: 1 }], phone_number_type: 42 },
};

/** The fake Retell; `before` runs before each read is answered (to hold one back). */
async function retell(before?: (id: string) => Promise<void>) {
  const s = await localServer(async (request, response) => {
    const match = /^\/get-phone-number\/(.+)$/.exec(request.url);
    const id = match ? decodeURIComponent(match[1] as string) : "";
    if (request.method !== "GET" || !match) {
      response.writeHead(405).end();
      return;
    }
    await before?.(id);
    if (id === "+14155550500") {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(`{"message":"internal error ${FAKE_KEY}"}`);
      return;
    }
    const held = HELD[id];
    if (held === undefined) {
      response.writeHead(404, { "content-type": "application/json" });
      response.end('{"message":"not found"}');
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(retellBody(id, held));
  });
  close = s.close;
  return s;
}

const FLAGS = (url: string) => ["--api-key", `retell=${FAKE_KEY}`, "--base-url", `retell=${url}`, "--max-retries", "0"];

describe("plan", () => {
  it("prints change, unchanged, not found and cannot read per row; sends only reads; exit 1", async () => {
    const s = await retell();
    const input = fileWith(
      "rows.csv",
      [
        "provider,id,agent,label",
        "retell,+14155550001,agent_1,Front desk",
        "retell,+14155550002,agent_new,Sales",
        "retell,+14155550404,agent_1,",
        "retell,+14155550500,agent_1,",
        "verbex,pn_1,agent_1,",
        "",
      ].join("\n"),
    );
    const result = await run([
      "plan",
      input,
      ...FLAGS(s.url),
      "--base-url",
      "verbex=http://127.0.0.1:9",
      "--api-key",
      `verbex=${FAKE_KEY}`,
      "--concurrency",
      "1",
    ]);
    expect(result.code).toBe(1);
    expect(s.requests.every((r) => r.method === "GET")).toBe(true);
    expect(s.requests).toHaveLength(4);
    expect(result.stdout).toContain("row 1 retell +14155550001: unchanged");
    expect(result.stdout).toContain(
      'row 2 retell +14155550002: change: agent "agent_old" -> "agent_new", label (none) -> "Sales"',
    );
    expect(result.stdout).toContain("row 3 retell +14155550404: not found");
    expect(result.stdout).toMatch(/row 4 retell \+14155550500: cannot read: retell: server/);
    expect(result.stdout).toMatch(/row 5 verbex pn_1: cannot read: verbex: unsupported_change/);
    expect(result.stdout).toContain(
      "plan: 5 rows: 1 would change, 1 unchanged, 1 not found, 2 cannot be read, 0 bad; nothing sent",
    );
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);
  });

  it("--json: one line per row with its outcome, then the summary", async () => {
    const s = await retell();
    const input = fileWith(
      "rows.csv",
      "provider,id,agent\nretell,+14155550002,agent_new\nretell,+14155550003,agent_1\n",
    );
    const result = await run(["plan", input, ...FLAGS(s.url), "--json"]);
    expect(result.code).toBe(1);
    const lines = jsonLines(result.stdout);
    expect(lines).toContainEqual({
      row: 1,
      provider: "retell",
      id: "+14155550002",
      outcome: "change",
      changes: [{ field: "agent", from: "agent_old", to: "agent_new" }],
    });
    expect(lines).toContainEqual({ row: 2, provider: "retell", id: "+14155550003", outcome: "unchanged" });
    expect(lines.at(-1)).toEqual(expect.objectContaining({ plan: true, rows: 2, change: 1, unchanged: 1 }));
  });

  it("a drifted read is a warning that the number was read, not that an update was done", async () => {
    const s = await retell();
    const input = fileWith("rows.csv", "provider,id,agent\nretell,+14155550007,agent_1\n");
    const result = await run(["plan", input, ...FLAGS(s.url)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("row 1 retell +14155550007: unchanged");
    expect(result.stderr).toContain("drifts from its spec (the number was read): phone_number_type:");
    expect(result.stderr).not.toContain("update");
  });

  it("exit 0 when nothing would change", async () => {
    const s = await retell();
    const input = fileWith("rows.csv", "provider,id,agent\nretell,+14155550001,agent_1\nretell,+14155550003,agent_1\n");
    const result = await run(["plan", input, ...FLAGS(s.url)]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("0 would change, 2 unchanged");
  });

  it("a bad row is reported and is exit 1", async () => {
    const s = await retell();
    const input = fileWith("rows.csv", "provider,id,agent\nretell,+14155550001,agent_1\nretell,+14155550003,\n");
    const result = await run(["plan", input, ...FLAGS(s.url)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("row 2 retell +14155550003: bad row");
  });

  it("exit 2 for usage, a refused file and a missing key, nothing read", async () => {
    const s = await retell();
    expect((await run(["plan", ...FLAGS(s.url)])).code).toBe(2);
    expect((await run(["plan", "a.csv", "--dry-run", ...FLAGS(s.url)])).code).toBe(2);
    const repeated = fileWith("rows.csv", "provider,id,agent\nretell,+14155550001,a\nretell,+14155550001,b\n");
    expect((await run(["plan", repeated, ...FLAGS(s.url)])).code).toBe(2);
    const good = fileWith("rows.csv", "provider,id,agent\nretell,+14155550001,a\n");
    const keyless = await run(["plan", good, "--base-url", `retell=${s.url}`]);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain("--api-key retell=<key>");
    expect(s.requests).toHaveLength(0);
  });

  it("--mock reads from the embedded mocks", async () => {
    const input = fileWith("rows.csv", "provider,id,agent\nretell,+14155550001,agent_1\n");
    const result = await run(["plan", input, "--mock", "--json"]);
    expect([0, 1]).toContain(result.code);
    const lines = jsonLines(result.stdout);
    expect(lines[0]).toEqual(expect.objectContaining({ row: 1, provider: "retell" }));
    expect(["change", "unchanged"]).toContain(lines[0]?.outcome);
  }, 60_000);

  describe("lines in the file's order at any --concurrency (docs/CONTRACT.md#cli-phonebridge)", () => {
    // Row 1 would change, row 2 is unchanged, row 3 not found, row 4 cannot be read, row 5 is bad.
    const ROWS = [
      "provider,id,agent,label",
      "retell,+14155550002,agent_new,",
      "retell,+14155550001,agent_1,Front desk",
      "retell,+14155550404,agent_1,",
      "retell,+14155550500,agent_1,",
      "retell,+14155550003,,",
      "",
    ].join("\n");

    /** A fake Retell that answers the first row's read last: once the three others are answered. */
    async function firstAnsweredLast() {
      let answered = 0;
      const s = await retell(async (id) => {
        if (id !== "+14155550002") {
          answered += 1;
          return;
        }
        await waitFor(() => answered === 3);
        // Time for the CLI to take in the three answers before this one arrives.
        await sleep(300);
      });
      return s;
    }

    it("text: row 1's line first though its read is answered last", async () => {
      const s = await firstAnsweredLast();
      const result = await run(["plan", fileWith("rows.csv", ROWS), ...FLAGS(s.url), "--concurrency", "4"]);
      expect(result.code).toBe(1);
      expect(result.stdout.split("\n").filter((line) => line !== "")).toEqual([
        'row 1 retell +14155550002: change: agent "agent_old" -> "agent_new"',
        "row 2 retell +14155550001: unchanged",
        "row 3 retell +14155550404: not found",
        expect.stringMatching(/^row 4 retell \+14155550500: cannot read: retell: server/),
        "plan: 5 rows: 1 would change, 1 unchanged, 1 not found, 1 cannot be read, 1 bad; nothing sent",
      ]);
      expect(result.stderr).toContain("row 5 retell +14155550003: bad row");
    });

    it("--json: the rows' lines in row order, then the summary", async () => {
      const s = await firstAnsweredLast();
      const result = await run(["plan", fileWith("rows.csv", ROWS), ...FLAGS(s.url), "--concurrency", "4", "--json"]);
      expect(result.code).toBe(1);
      const lines = jsonLines(result.stdout);
      expect(lines.map((line) => line.row ?? "summary")).toEqual([1, 2, 3, 4, 5, "summary"]);
      expect(lines.map((line) => line.outcome ?? null)).toEqual([
        "change",
        "unchanged",
        "not found",
        "cannot read",
        null,
        null,
      ]);
    });

    it("a slow first row holds the next rows back: fewer than 2 x --concurrency read meanwhile", async () => {
      const concurrency = 2;
      let lastRead = Date.now();
      let readWhileHeld = 0;
      const s = await retell(async (id) => {
        lastRead = Date.now();
        if (id !== "+14155550000") return;
        // Held until no read has come for a while: the rows the CLI takes past a row not printed.
        await waitFor(() => Date.now() - lastRead > 500);
        readWhileHeld = s.requests.length;
      });
      const input = fileWith("rows.csv", retellCsv(40));
      const result = await run(["plan", input, ...FLAGS(s.url), "--concurrency", String(concurrency), "--json"]);
      expect(readWhileHeld).toBeGreaterThan(1);
      expect(readWhileHeld).toBeLessThan(2 * concurrency);
      expect(s.requests).toHaveLength(40);
      const rows = jsonLines(result.stdout).map((line) => line.row);
      expect(rows).toEqual([...Array.from({ length: 40 }, (_, i) => i + 1), undefined]);
    });
  });

  it("a file changed while reading: the rows read before it printed in order, then stopped, exit 1", async () => {
    let release: (() => void) | undefined;
    const s = await retell(async () => {
      if (release === undefined) await new Promise<void>((resolve) => (release = resolve));
    });
    // Long rows, so that the rows near the end are read after the change (the readers hold a few
    // chunks of 64 KiB ahead of the rows in flight).
    const rows = 3000;
    const moved = 2500;
    const id = (i: number) => `+1415555${String(i).padStart(4, "0")}`;
    const text = `${["provider,id,label", ...Array.from({ length: rows }, (_, i) => `retell,${id(i)},${"x".repeat(200)}`)].join("\n")}\n`;
    const file = fileWith("rows.csv", text);
    const running = start(["plan", file, ...FLAGS(s.url), "--concurrency", "4", "--json"]);
    await waitFor(() => release !== undefined);
    // Row 2501 now names a number the check never saw, the file's size kept.
    const fd = openSync(file, "r+");
    writeSync(fd, "+19990000000", text.indexOf(id(moved)));
    closeSync(fd);
    release?.();
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rows\.csv changed after it was checked/);
    const lines = jsonLines(result.stdout);
    const read = lines.slice(0, -1).map((line) => line.row);
    expect(read).toEqual(Array.from({ length: read.length }, (_, i) => i + 1));
    expect(read.length).toBeLessThanOrEqual(moved);
    expect(s.requests.map((r) => r.url)).not.toContain("/get-phone-number/%2B19990000000");
    expect(lines.at(-1)).toEqual(expect.objectContaining({ plan: true, rows }));
  }, 60_000);

  it("help plan and plan --help document the exit codes", async () => {
    const help = await run(["help", "plan"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("0 nothing would change; 1 something would change");
    expect((await run(["plan", "--help"])).stdout).toBe(help.stdout);
  });
});
