/**
 * Numbers in the id column (docs/CONTRACT.md#cli-phonebridge): an E.164 number given instead of
 * the vendor's id is looked up before anything is sent (the list read once for a vendor without
 * a filter by number, one search per number for a vendor with one), and an unknown or ambiguous
 * number, or a number for a vendor that cannot look one up, is a bad row. Through the real
 * binary, against local fake vendors that serve the vendors' list and update shapes.
 */

import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_KEY, fileWith, jsonLines, localServer, readResults, run, tempDir } from "./helpers.js";
import { cartesia, closeFakes, closeLater, json, keyed, listReads, vogent, writes } from "./number-vendors.js";

afterEach(closeFakes);

function csv(dir: string, ...rows: string[]): string {
  return fileWith("rows.csv", `${["provider,id,agent", ...rows].join("\n")}\n`, dir);
}

describe("a number in the id column, on a vendor whose find is a scan", () => {
  it("is looked up by one read of the list, then sent to its id; results keep both", async () => {
    const s = await vogent();
    const dir = tempDir();
    const input = csv(dir, "vogent,+14155550001,agent_new", "vogent,pn_v2,agent_2", "vogent,+14155550004,agent_4");
    const result = await run(["apply", input, ...keyed("vogent", s.url), "--concurrency", "1"]);
    expect(result.code).toBe(0);
    // One read of the whole list (three pages), for both numbers.
    expect(listReads(s)).toHaveLength(3);
    expect(writes(s).map((r) => r.url)).toEqual([
      "/phone_numbers/pn_v1",
      "/phone_numbers/pn_v2",
      "/phone_numbers/pn_v4",
    ]);
    expect(result.stderr).toContain("looking up 2 numbers of the id column on vogent: its list, read once");
    const results = readResults(join(dir, "rows.csv.results.jsonl"));
    expect(results[0]).toEqual(
      expect.objectContaining({ row: 1, provider: "vogent", id: "+14155550001", resolvedId: "pn_v1", ok: true }),
    );
    expect(results[0]?.result).toEqual(expect.objectContaining({ id: "pn_v1", agentId: "agent_new" }));
    expect(results[1]).not.toHaveProperty("resolvedId");
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);
  });

  it("an unknown number and a number held twice are bad rows; nothing is sent for them", async () => {
    const s = await vogent();
    const dir = tempDir();
    const input = csv(dir, "vogent,+14155550099,agent_1", "vogent,+14155550003,agent_1", "vogent,+14155550004,agent_4");
    const result = await run(["apply", input, ...keyed("vogent", s.url), "--table"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "row 1 vogent +14155550099: bad row: vogent has no number +14155550099 (looked up in its list)",
    );
    expect(result.stderr).toContain(
      'row 2 vogent +14155550003: bad row: vogent has more than one number +14155550003 (ids "pn_v3a", "pn_v3b")',
    );
    expect(writes(s).map((r) => r.url)).toEqual(["/phone_numbers/pn_v4"]);
    const results = readResults(join(dir, "rows.csv.results.jsonl"));
    expect(results.find((line) => line.row === 1)).toEqual(
      expect.objectContaining({
        id: "+14155550099",
        ok: false,
        error: expect.objectContaining({ code: "invalid_row" }),
      }),
    );
    expect(result.stdout).toMatch(/\+14155550004 \(id pn_v4\)\s+ok/);
    expect(result.stdout).toContain("1 ok, 0 failed, 2 bad");
  });

  it("a number and its own id in two rows are one number given twice: the file is refused", async () => {
    const s = await vogent();
    const input = csv(tempDir(), "vogent,+14155550001,agent_1", "vogent,pn_v4,agent_4", "vogent,pn_v1,agent_2");
    const result = await run(["apply", input, ...keyed("vogent", s.url)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("a phone number appears in more than one row");
    expect(result.stderr).toContain('rows 1, 3: vogent "pn_v1" (given as +14155550001 in row 1)');
    expect(writes(s)).toHaveLength(0);
    // plan refuses it the same way.
    const planned = await run(["plan", input, ...keyed("vogent", s.url)]);
    expect(planned.code).toBe(2);
    expect(planned.stderr).toContain("rows 1, 3: vogent");
  });

  it("a list that fails stops the run before anything is sent: never taken as unknown", async () => {
    const s = await vogent({ failList: 401 });
    const dir = tempDir();
    const input = csv(dir, "vogent,pn_v2,agent_2", "vogent,+14155550001,agent_1");
    const result = await run(["apply", input, ...keyed("vogent", s.url), "--json"]);
    expect(result.code).toBe(1);
    expect(writes(s)).toHaveLength(0);
    expect(result.stderr).toContain("cannot look up the numbers of the id column (unauthorized: Vogent: HTTP 401");
    expect(result.stderr).toContain("nothing sent");
    expect(result.stderr).not.toContain("bad row");
    expect(jsonLines(result.stdout)).toEqual([{ error: expect.objectContaining({ code: "unauthorized" }) }]);
    expect(readResults(join(dir, "rows.csv.results.jsonl"))).toEqual([]);
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);
  });

  it("--resume matches rows as written, and looks up only the numbers still to send", async () => {
    const dir = tempDir();
    const input = csv(dir, "vogent,+14155550001,agent_1", "vogent,pn_v2,agent_2", "vogent,+14155550004,agent_4");
    const first = await vogent({ failUpdate: "pn_v2" });
    expect((await run(["apply", input, ...keyed("vogent", first.url)])).code).toBe(1);
    await first.close();
    // Only row 2 (an id) is left: nothing to look up.
    const second = await vogent();
    const resumed = await run(["apply", input, ...keyed("vogent", second.url), "--resume"]);
    expect(resumed.code).toBe(0);
    expect(listReads(second)).toHaveLength(0);
    expect(writes(second).map((r) => r.url)).toEqual(["/phone_numbers/pn_v2"]);
    const results = readResults(join(dir, "rows.csv.results.jsonl"));
    expect(
      results
        .filter((line) => line.ok)
        .map((line) => line.row)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it("--resume after a bad number looks up that number again", async () => {
    const dir = tempDir();
    const input = csv(dir, "vogent,+14155550099,agent_1", "vogent,+14155550004,agent_4");
    const s = await vogent();
    expect((await run(["apply", input, ...keyed("vogent", s.url)])).code).toBe(1);
    const resumed = await run(["apply", input, ...keyed("vogent", s.url), "--resume"]);
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toContain("looking up 1 number of the id column on vogent");
    expect(resumed.stderr).toContain("row 1 vogent +14155550099: bad row: vogent has no number");
    expect(writes(s).map((r) => r.url)).toEqual(["/phone_numbers/pn_v4"]);
  });

  it("--skip-unchanged reads the id looked up; the skipped line keeps both", async () => {
    const s = await vogent();
    const dir = tempDir();
    const input = csv(dir, "vogent,+14155550002,agent_1", "vogent,+14155550001,agent_new");
    const result = await run(["apply", input, ...keyed("vogent", s.url), "--skip-unchanged"]);
    expect(result.code).toBe(0);
    expect(s.requests.some((r) => r.method === "GET" && r.url === "/phone_numbers/pn_v2")).toBe(true);
    expect(writes(s).map((r) => r.url)).toEqual(["/phone_numbers/pn_v1"]);
    const results = readResults(join(dir, "rows.csv.results.jsonl"));
    expect(results.find((line) => line.row === 1)).toEqual(
      expect.objectContaining({ id: "+14155550002", resolvedId: "pn_v2", ok: true, skipped: "unchanged" }),
    );
  });

  it("plan looks the number up, then reads its id, and shows both", async () => {
    const s = await vogent();
    const input = csv(tempDir(), "vogent,+14155550001,agent_new", "vogent,+14155550099,agent_1");
    const result = await run(["plan", input, ...keyed("vogent", s.url), "--json"]);
    expect(result.code).toBe(1);
    expect(writes(s)).toHaveLength(0);
    expect(s.requests.some((r) => r.url === "/phone_numbers/pn_v1")).toBe(true);
    const lines = jsonLines(result.stdout);
    expect(lines).toContainEqual({
      row: 1,
      provider: "vogent",
      id: "+14155550001",
      resolvedId: "pn_v1",
      outcome: "change",
      changes: [{ field: "agent", from: "agent_old", to: "agent_new" }],
    });
    expect(lines).toContainEqual(
      expect.objectContaining({ row: 2, id: "+14155550099", error: expect.objectContaining({ code: "invalid_row" }) }),
    );
    const text = await run(["plan", input, ...keyed("vogent", s.url)]);
    expect(text.stdout).toContain('row 1 vogent +14155550001 (id pn_v1): change: agent "agent_old" -> "agent_new"');
  });
});

describe("a number in the id column, on a vendor with a search", () => {
  it("a few numbers: one search each, checked for the exact number; two matches are a bad row", async () => {
    const s = await cartesia();
    const dir = tempDir();
    const input = csv(
      dir,
      "cartesia,+14155550001,agent_new",
      "cartesia,+14155550009,agent_1",
      "cartesia,+14155550077,agent_1",
    );
    const result = await run(["apply", input, ...keyed("cartesia", s.url), "--concurrency", "1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("looking up 3 numbers of the id column on cartesia: one search each");
    expect(result.stderr).toContain(
      "row 3 cartesia +14155550077: bad row: cartesia has no number +14155550077 (looked up by its search)",
    );
    const searches = s.requests.filter((r) => r.method === "GET").map((r) => new URL(r.url, "http://x"));
    expect(searches.map((url) => url.searchParams.get("q")).sort()).toEqual([
      "+14155550001",
      "+14155550009",
      "+14155550077",
    ]);
    // +141555500019 also holds +14155550001: the search is fuzzy, the match exact.
    expect(writes(s).map((r) => r.url)).toEqual(["/agents/phone-numbers/pn_c1"]);
    expect(result.stderr).toMatch(
      /row 2 cartesia \+14155550009: bad row: cartesia has more than one number \+14155550009 \(.*pn_c9a.*pn_c9b/,
    );
  });

  it("more numbers than are worth a search each: the list is read once", async () => {
    const s = await cartesia();
    const rows = Array.from({ length: 25 }, (_, i) => `cartesia,+1415555${String(100 + i).padStart(4, "0")},agent_1`);
    const result = await run([
      "apply",
      csv(tempDir(), ...rows, "cartesia,+14155559999,agent_1"),
      ...keyed("cartesia", s.url),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("looking up 26 numbers of the id column on cartesia: its list, read once");
    expect(result.stderr).toContain(
      "row 26 cartesia +14155559999: bad row: cartesia has no number +14155559999 (looked up in its list)",
    );
    const reads = s.requests.filter((r) => r.method === "GET");
    // 29 numbers, 10 a page.
    expect(reads).toHaveLength(3);
    expect(reads.every((r) => !r.url.includes("q="))).toBe(true);
    expect(writes(s)).toHaveLength(25);
  });
});

describe("a number in the id column, on a vendor that cannot look one up", () => {
  it("is a bad row, decided before any request; the other rows go", async () => {
    const none = await localServer((_request, response) => json(response, 500, {}));
    closeLater(none.close);
    const s = await vogent();
    const dir = tempDir();
    const input = csv(dir, "verbex,+14155550001,agent_1", "vogent,pn_v2,agent_2");
    const result = await run([
      "apply",
      input,
      ...keyed("vogent", s.url),
      "--api-key",
      `verbex=${FAKE_KEY}`,
      "--base-url",
      `verbex=${none.url}`,
    ]);
    expect(result.code).toBe(1);
    expect(none.requests).toHaveLength(0);
    expect(result.stderr).toContain(
      "row 1 verbex +14155550001: bad row: the id +14155550001 is a phone number, and verbex cannot look a number up",
    );
    expect(writes(s)).toHaveLength(1);
  });
});

describe("--dry-run with numbers in the id column", () => {
  it("needs no key, looks nothing up, shows where the id goes and checks the vendor can look it up", async () => {
    const input = csv(tempDir(), "vogent,+14155550001,agent_1", "verbex,+14155550002,agent_1", "vogent,pn_v2,agent_2");
    const result = await run(["apply", input, "--dry-run"]);
    // Keys and verbex's base URL are missing: the real run could not start (exit 2), all the same
    // every row is checked and shown.
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("row 1 vogent +14155550001 (its id is looked up on vogent at run time)");
    expect(result.stdout).toContain("PUT https://api.vogent.ai/api/phone_numbers/<id of +14155550001>");
    expect(result.stderr).toContain("row 2 verbex +14155550002: bad row: the id +14155550002 is a phone number");
    expect(result.stdout).toContain("dry run: 3 rows, 2 valid, 1 bad");
    const asJson = await run(["apply", input, "--dry-run", "--json"]);
    expect(jsonLines(asJson.stdout)[0]).toEqual(
      expect.objectContaining({ row: 1, id: "+14155550001", resolvedId: null }),
    );
  });
});

describe("help", () => {
  it("apply and plan say, per vendor from the capability matrix, how a number is looked up", async () => {
    for (const command of ["apply", "plan"]) {
      const help = (await run(["help", command])).stdout.replace(/\s+/g, " ");
      expect(help).toContain("The id cell may hold the E.164 number instead of the id");
      expect(help).toContain("cartesia: a search per number, or the list read once above 20 numbers;");
      expect(help).toContain("vogent: the list read once;");
      expect(help).toContain("retell: the id is the number");
      expect(help).toContain("cald and verbex: cannot look a number up");
    }
  });
});
