import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { VERSION } from "../src/version.js";
import { cleanEnv, FAKE_KEY, localServer, ok, readResults, retellCsv, retellId, run, tempDir } from "./helpers.js";

// A local node:http server on 127.0.0.1 that plays Retell and injects faults.
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function server(handler: Parameters<typeof localServer>[0]) {
  const s = await localServer(handler);
  close = s.close;
  return s;
}

/** `phonebridge apply <file> [flags]` with the fake key, Retell pointed at `url`. */
function applyRetell(file: string, url: string, ...flags: string[]) {
  return run(["apply", file, ...flags, "--api-key", FAKE_KEY, "--base-url", `retell=${url}`]);
}

function csvFile(text: string, name = "rows.csv"): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

const ID = (i: number) => `+1415555${String(i).padStart(4, "0")}`;

describe("retries and failures", () => {
  it("retries a 429 and succeeds", async () => {
    const seen = new Map<string, number>();
    const s = await server((req, res) => {
      const id = retellId(req.url);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      if (seen.get(id) === 1) {
        res.writeHead(429, { "retry-after-ms": "1", "content-type": "application/json" });
        res.end('{"status":429,"message":"slow down"}');
      } else ok(res, id);
    });
    const file = csvFile(retellCsv(3));
    const result = await applyRetell(file, s.url);
    expect(result.code).toBe(0);
    expect(s.requests).toHaveLength(6);
    expect(readResults(`${file}.results.jsonl`).map((l) => l.ok)).toEqual([true, true, true]);
  });

  it("a row that keeps getting 5xx fails after the retries; the other rows are done (exit 1)", async () => {
    const s = await server((req, res) => {
      const id = retellId(req.url);
      if (id === ID(1)) {
        res.writeHead(503, { "retry-after-ms": "1", "content-type": "application/json" });
        res.end('{"status":503,"message":"down for maintenance"}');
      } else ok(res, id);
    });
    const file = csvFile(retellCsv(3));
    const result = await applyRetell(file, s.url, "--max-retries", "2");
    expect(result.code).toBe(1);
    const lines = readResults(`${file}.results.jsonl`);
    const failed = lines.find((l) => l.row === 2);
    expect(failed).toMatchObject({
      ok: false,
      provider: "retell",
      id: ID(1),
      error: { code: "server", status: 503, attempts: 3 },
    });
    expect(failed?.error?.message).toContain("down for maintenance");
    expect(
      lines
        .filter((l) => l.ok)
        .map((l) => l.row)
        .sort(),
    ).toEqual([1, 3]);
    expect(result.stderr).toMatch(/^row 2 retell \+14155550001: failed: server: Retell: HTTP 503/m);
    expect(result.stdout).toMatch(/2 ok, 1 failed, 0 bad/);
  });

  it("a row whose server never answers times out; the others are done", async () => {
    const s = await server((req, res) => {
      const id = retellId(req.url);
      if (id !== ID(0)) ok(res, id); // ID(0) is held open until the server closes
    });
    const file = csvFile(retellCsv(3));
    const result = await applyRetell(file, s.url, "--timeout", "1000", "--max-retries", "1");
    expect(result.code).toBe(1);
    const lines = readResults(`${file}.results.jsonl`);
    expect(lines.find((l) => l.row === 1)).toMatchObject({ ok: false, error: { code: "timeout", attempts: 2 } });
    expect(lines.filter((l) => l.ok)).toHaveLength(2);
  });

  it("a refused connection is a failed row with code connection", async () => {
    const s = await server(() => undefined);
    const url = s.url;
    await s.close();
    close = undefined;
    const file = csvFile(retellCsv(1));
    const result = await applyRetell(file, url, "--max-retries", "0");
    expect(result.code).toBe(1);
    expect(readResults(`${file}.results.jsonl`)[0]).toMatchObject({ row: 1, ok: false, error: { code: "connection" } });
  });

  it("a connection reset after the status line is a failed row with code connection", async () => {
    const s = await server((req, res) => {
      const id = retellId(req.url);
      if (id !== ID(1)) return ok(res, id);
      res.socket?.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"phone');
      setTimeout(() => res.socket?.destroy(), 5);
    });
    const file = csvFile(retellCsv(2));
    const result = await applyRetell(file, s.url, "--max-retries", "1");
    expect(result.code).toBe(1);
    const lines = readResults(`${file}.results.jsonl`);
    expect(lines.find((l) => l.row === 2)).toMatchObject({ ok: false, error: { code: "connection", attempts: 2 } });
    expect(lines.find((l) => l.row === 1)?.ok).toBe(true);
  });

  it("update: a 404 is exit 1 with the vendor's message", async () => {
    const s = await server((_req, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"status":404,"message":"no such number"}');
    });
    const result = await run(["update", "retell", ID(0), "--agent", "a", "--api-key", FAKE_KEY, "--base-url", s.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("phonebridge: not_found: Retell: HTTP 404: no such number\n");
  });
});

describe("concurrency and rate", () => {
  it("never has more than --concurrency requests in flight", async () => {
    let max = 0;
    const held: (() => void)[] = [];
    const s = await server((req, res) => {
      const release = () => ok(res, retellId(req.url));
      max = Math.max(max, s.inFlight());
      held.push(release);
      // Hold each request until three are in flight (or the queue is draining), then release all.
      if (held.length >= 3 || s.requests.length >= 10) for (const r of held.splice(0)) r();
    });
    const file = csvFile(retellCsv(10));
    const result = await applyRetell(file, s.url, "--concurrency", "3");
    expect(result.code).toBe(0);
    expect(max).toBe(3);
    expect(readResults(`${file}.results.jsonl`).filter((l) => l.ok)).toHaveLength(10);
  });

  /** `apply --rate <rate> --json` over `rows` Retell rows against `handler`; the run's seconds. */
  async function applyAtRate(rows: number, rate: string, handler: Parameters<typeof localServer>[0]) {
    const s = await server(handler);
    const file = csvFile(retellCsv(rows));
    const result = await applyRetell(file, s.url, "--rate", rate, "--json");
    expect(result.code).toBe(0);
    return { requests: s.requests.length, seconds: (JSON.parse(result.stdout) as { seconds: number }).seconds };
  }

  it("--rate spaces the requests of a provider (lower bound only)", async () => {
    const { requests, seconds } = await applyAtRate(6, "20", (req, res) => ok(res, retellId(req.url)));
    expect(requests).toBe(6);
    // At 20/s the sixth request cannot start before five intervals of 50 ms have passed, however
    // fast the machine. (Arrival times at the server are no lower bound: connection set-up and
    // scheduling delay some arrivals more than others.)
    expect(seconds).toBeGreaterThanOrEqual(0.245);
  });

  it("--rate below 0.001 is refused before anything is sent (a longer wait overflowed Node's timers)", async () => {
    const s = await server((req, res) => ok(res, retellId(req.url)));
    const result = await applyRetell(csvFile(retellCsv(3)), s.url, "--rate", "1e-9");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--rate must be a number of at least 0.001, not "1e-9"');
    expect(s.requests).toHaveLength(0);
  });

  it("--rate counts retries too", async () => {
    // Each number's first request gets a 503 asking for no wait, so the facade retries at once:
    // only the limiter can space the retry from the next request.
    const seen = new Set<string>();
    const { requests, seconds } = await applyAtRate(2, "10", (req, res) => {
      const id = retellId(req.url);
      if (seen.has(id)) return ok(res, id);
      seen.add(id);
      res.writeHead(503, { "content-type": "application/json", "retry-after-ms": "0" }).end("{}");
    });
    expect(requests).toBe(4);
    // Four requests at 10/s: three intervals of 100 ms at least (two rows alone would need one).
    expect(seconds).toBeGreaterThanOrEqual(0.295);
  });
});

describe("dry run", () => {
  it("apply --dry-run prints each request, secrets redacted, and sends nothing", async () => {
    const s = await server((req, res) => ok(res, retellId(req.url)));
    const file = csvFile(
      [
        "provider,id,agent,label,outbound_agent",
        `retell,${ID(0)},agent_1,Front desk,`,
        `retell,${ID(1)},null,,null`,
        "retell,12345,a,,",
        "cald,pn_1,,x,",
      ].join("\n"),
    );
    const result = await run([
      "apply",
      file,
      "--dry-run",
      "--json",
      "--api-key",
      `retell=${FAKE_KEY}`,
      "--base-url",
      `retell=${s.url}`,
      "--api-key",
      `cald=${FAKE_KEY}`,
    ]);
    expect(s.requests).toHaveLength(0);
    expect(existsSync(`${file}.results.jsonl`)).toBe(false);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown> & { request?: { body?: unknown } });
    expect(lines[0]).toEqual({
      row: 1,
      provider: "retell",
      id: ID(0),
      request: {
        method: "PATCH",
        url: `${s.url}/update-phone-number/${ID(0)}`,
        headers: {
          accept: "application/json",
          authorization: "[redacted]",
          "content-type": "application/json",
          // Every request names the CLI and its version (docs/CONTRACT.md#what-every-request-carries).
          "user-agent": `@phonebridge/cli/${VERSION} node/${process.versions.node}`,
        },
        body: { inbound_agents: [{ agent_id: "agent_1", weight: 1 }], nickname: "Front desk" },
      },
    });
    expect(lines[1]?.request?.body).toEqual({ inbound_agents: null, outbound_agents: null });
    expect(lines[2]).toMatchObject({ row: 3, error: { code: "invalid_input", field: "id" } });
    expect(lines[3]).toMatchObject({ row: 4, error: { code: "unsupported_change", field: "label" } });
    expect(lines[4]).toEqual({ dryRun: true, rows: 4, valid: 2, bad: 2, alreadyDone: 0, canStart: true, problems: [] });
    expect(result.stderr).toMatch(/^row 3 retell 12345: bad row/m);
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);
  });

  it("update --dry-run redacts the vendor's secret fields and sends nothing", async () => {
    const s = await server((req, res) => ok(res, retellId(req.url)));
    const result = await run(
      [
        "update",
        "verbex",
        "pn_1",
        "--agent",
        "a",
        "--vendor-json",
        '{"sip_trunk_password":"hunter2-trunk-pass","sip_trunk_username":"u"}',
        "--dry-run",
        "--base-url",
        s.url,
      ],
      { env: cleanEnv({ VERBEX_API_KEY: FAKE_KEY }) },
    );
    expect(result.code).toBe(0);
    expect(s.requests).toHaveLength(0);
    expect(result.stdout).toContain(`PATCH ${s.url}/v1/phone-numbers/pn_1`);
    expect(result.stdout).toContain("authorization: [redacted]");
    expect(result.stdout).toContain('"sip_trunk_password":"[redacted]"');
    expect(result.stdout).not.toContain("hunter2-trunk-pass");
    expect(result.stdout).not.toContain(FAKE_KEY);
  });
});

describe("secrets", () => {
  it("never prints or writes the key, even when the vendor echoes it back", async () => {
    const s = await server((req, res) => {
      const id = retellId(req.url);
      const auth = String(req.headers.authorization);
      if (id === ID(0)) {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: 400, message: `bad request from ${auth}` }));
      } else {
        ok(res, id, { nickname: `set by ${auth}`, auth_password: FAKE_KEY });
      }
    });
    const env = cleanEnv({ RETELL_API_KEY: FAKE_KEY, RETELL_BASE_URL: s.url });
    const file = csvFile(retellCsv(2));
    const outputs: string[] = [];
    for (const args of [
      ["apply", file, "--table"],
      ["apply", file, "--resume", "--json"],
      ["update", "retell", ID(0), "--agent", "a", "--json"],
      ["update", "retell", ID(1), "--agent", "a", "--json"],
      ["update", "retell", ID(1), "--agent", "a"],
      ["update", "retell", ID(1), "--agent", "a", "--api-key", FAKE_KEY, "--json"],
      ["apply", file, "--concurrency", "zero", "--api-key", `retell=${FAKE_KEY}`],
    ]) {
      const result = await run(args, { env });
      outputs.push(result.stdout, result.stderr);
    }
    outputs.push(readFileSync(`${file}.results.jsonl`, "utf8"));
    const all = outputs.join("\n");
    expect(s.requests.length).toBeGreaterThanOrEqual(6);
    expect(all).toContain("[redacted]");
    expect(all).not.toContain(FAKE_KEY);
    expect(all).not.toContain(FAKE_KEY.slice(0, 20));
  });
});

describe("results file and resume", () => {
  it("refuses to mix a new run into an existing results file (exit 2, nothing sent)", async () => {
    const s = await server((req, res) => ok(res, retellId(req.url)));
    const file = csvFile(retellCsv(2));
    writeFileSync(`${file}.results.jsonl`, '{"row":1,"provider":"retell","id":"+14155550000","ok":true}\n');
    const result = await applyRetell(file, s.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--resume");
    expect(s.requests).toHaveLength(0);
  });

  it("--resume re-sends only the rows without an ok line; every row ends with exactly one", async () => {
    let failing = true;
    const s = await server((req, res) => {
      const id = retellId(req.url);
      if (failing && id === ID(2)) {
        res.writeHead(500);
        res.end();
      } else ok(res, id);
    });
    const file = csvFile(retellCsv(5));
    const results = `${file}.results.jsonl`;
    const first = await applyRetell(file, s.url, "--max-retries", "0");
    expect(first.code).toBe(1);
    expect(s.requests).toHaveLength(5);
    failing = false;
    // A crash in the middle of a write leaves a cut line: resume ignores it and starts a new line.
    appendFileSync(results, '{"row":3,"provider":"ret');
    const second = await applyRetell(file, s.url, "--resume", "--json");
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ rows: 5, ok: 1, alreadyDone: 4, failed: 0 });
    expect(s.requests.slice(5).map((r) => retellId(r.url))).toEqual([ID(2)]);
    const text = readFileSync(results, "utf8");
    const lines = text
      .split("\n")
      .filter((l) => l.startsWith('{"row"') && l.endsWith("}"))
      .map((l) => JSON.parse(l) as { row: number; ok: boolean });
    for (let row = 1; row <= 5; row++) expect(lines.filter((l) => l.row === row && l.ok)).toHaveLength(1);
    // A third run has nothing left to do.
    const third = await applyRetell(file, s.url, "--resume");
    expect(third.code).toBe(0);
    expect(s.requests).toHaveLength(6);
  });

  it("--resume refuses a results file of another input", async () => {
    const s = await server((req, res) => ok(res, retellId(req.url)));
    const file = csvFile(retellCsv(2));
    writeFileSync(`${file}.results.jsonl`, '{"row":1,"provider":"retell","id":"+19999999999","ok":true}\n');
    const result = await applyRetell(file, s.url, "--resume");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("does not belong to this input");
    expect(s.requests).toHaveLength(0);
  });
});

describe("responses that drift from the vendor's spec (CONTRACT.md, Facade result)", () => {
  /** Retell's answer without phone_number_type (its spec requires it), and one with an enum value it does not list. */
  const drifting = (id: string) => {
    if (id === ID(1)) return { phone_number_type: undefined };
    if (id === ID(3)) return { phone_number_type: `${FAKE_KEY}-type`, nickname: 5 };
    return undefined;
  };

  it("apply: a drifted row is ok, warned about on stderr, counted, and never sent again by --resume", async () => {
    const s = await server((req, res) => {
      const id = retellId(req.url);
      ok(res, id, drifting(id));
    });
    const file = csvFile(retellCsv(4));
    const results = `${file}.results.jsonl`;
    const first = await applyRetell(file, s.url);
    expect(first.code).toBe(0);
    expect(s.requests).toHaveLength(4);
    expect(first.stdout).toContain("done: 4 rows: 4 ok (2 with drift), 0 failed, 0 bad");
    expect(first.stdout).not.toContain("--resume");
    const warnings = first.stderr.split("\n").filter((line) => line.includes("warning"));
    expect(warnings.sort()).toEqual([
      `row 2 retell ${ID(1)}: warning: Retell's response drifts from its spec (the update was done): phone_number_type: required field missing`,
      `row 4 retell ${ID(3)}: warning: Retell's response drifts from its spec (the update was done): phone_number_type: unknown enum value; nickname: expected string, got number`,
    ]);
    // Never a value: the unknown enum value held the key.
    expect(first.stderr + readFileSync(results, "utf8")).not.toContain(FAKE_KEY);
    const lines = readResults(results);
    expect(lines.map((l) => l.ok)).toEqual([true, true, true, true]);
    const byRow = (row: number) => lines.find((l) => l.row === row)?.result;
    expect(byRow(2)).toEqual({
      provider: "retell",
      id: ID(1),
      number: ID(1),
      label: null,
      agentId: "agent_1",
      outboundAgentId: null,
      drift: [{ path: "phone_number_type", problem: "required field missing" }],
    });
    expect(byRow(1)).not.toHaveProperty("drift");
    // Done: a resume sends nothing again.
    const second = await applyRetell(file, s.url, "--resume", "--json");
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ rows: 4, ok: 0, drifted: 0, alreadyDone: 4 });
    expect(s.requests).toHaveLength(4);
  });

  it("apply --json: the summary counts the drifted rows; --table marks them", async () => {
    const s = await server((req, res) => {
      const id = retellId(req.url);
      ok(res, id, drifting(id));
    });
    const file = csvFile(retellCsv(2));
    const result = await applyRetell(file, s.url, "--json", "--table");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 2, ok: 2, drifted: 1, failed: 0 });
    expect(result.stderr).toMatch(new RegExp(`^2 +retell +\\${ID(1)} +ok, drift `, "m"));
  });

  it("update: the result, a warning on stderr, exit 0; --json has the drift", async () => {
    const s = await server((req, res) => ok(res, retellId(req.url), { phone_number_type: undefined }));
    const args = ["update", "retell", ID(0), "--agent", "a", "--api-key", FAKE_KEY, "--base-url", s.url];
    const text = await run(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`number          ${ID(0)}`);
    expect(text.stderr).toBe(
      "phonebridge: warning: Retell's response drifts from its spec (the update was done): phone_number_type: required field missing\n",
    );
    const json = await run([...args, "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      number: ID(0),
      drift: [{ path: "phone_number_type", problem: "required field missing" }],
    });
  });
});

describe("usage errors (exit 2, nothing sent)", () => {
  it.each([
    [["frobnicate"], "unknown command"],
    [["update", "retell", "+14155550000"], "nothing to change"],
    [["update", "retell", "+14155550000", "--agent", "a", "--unassign"], "exclude each other"],
    [["update", "acme", "x", "--agent", "a"], 'unknown provider "acme"'],
    [["update", "retell", "+14155550000", "--agent", "a", "--bogus"], 'unknown option "--bogus"'],
    [["apply", "/nonexistent/rows.csv"], "cannot read /nonexistent/rows.csv"],
    [["apply"], "apply takes one"],
    [["update", "retell", "+14155550000", "--vendor-json", "{nope"], "--vendor-json is not valid JSON"],
  ])("%j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("a CSV header with an unknown column is refused before anything is sent", async () => {
    const s = await server((req, res) => ok(res, retellId(req.url)));
    const file = csvFile("provider,id,agnet\nretell,+14155550000,a\n");
    const result = await applyRetell(file, s.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown column "agnet"');
    expect(s.requests).toHaveLength(0);
    expect(existsSync(`${file}.results.jsonl`)).toBe(false);
  });

  it("a provider without a key fails the whole run before anything is sent", async () => {
    const s = await server((req, res) => ok(res, retellId(req.url)));
    const file = csvFile(`${retellCsv(1)}cald,pn_1,a\n`);
    const result = await run(["apply", file, "--api-key", `retell=${FAKE_KEY}`, "--base-url", `retell=${s.url}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("CALD_API_KEY");
    expect(s.requests).toHaveLength(0);
  });

  it("help documents the file format with an example", async () => {
    const result = await run(["apply", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("provider,id,agent,label,outbound_agent");
    expect(result.stdout).toContain('{"provider":"');
    const update = await run(["help", "update"]);
    expect(update.stdout).toContain("--unassign-outbound");
  });
});
