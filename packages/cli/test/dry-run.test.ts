// `apply --dry-run` takes every flag a real run takes, writes nothing (no results file, no lock),
// needs no real key, and says by its exit code whether the real run could start (CONTRACT.md, CLI).
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  cleanEnv,
  FAKE_KEY,
  fileWith,
  jsonLines,
  localServer,
  ok,
  retellCsv,
  retellId,
  run,
  start,
  waitFor,
} from "./helpers.js";

let close: (() => Promise<void>) | undefined;
const held: (() => void)[] = [];
afterEach(async () => {
  for (const answer of held.splice(0)) answer();
  await close?.();
  close = undefined;
});

async function server(hold = false) {
  const s = await localServer((req, res) => {
    const answer = () => ok(res, retellId(req.url));
    if (hold) held.push(answer);
    else answer();
  });
  close = s.close;
  return s;
}

const ROW = (i: number) => `+1415555${String(i).padStart(4, "0")}`;

describe("apply --dry-run", () => {
  it("takes every flag of a real run and writes nothing; with --resume, only the rows a resume would send", async () => {
    const s = await server();
    const input = fileWith("rows.csv", retellCsv(4));
    const dir = join(input, "..");
    const results = join(dir, "out.jsonl");
    const done = `${JSON.stringify({ row: 2, provider: "retell", id: ROW(1), ok: true })}\n`;
    writeFileSync(results, done);
    const result = await run([
      "apply",
      input,
      "--dry-run",
      "--json",
      "--resume",
      "--results",
      results,
      "--concurrency",
      "3",
      "--rate",
      "5",
      "--timeout",
      "1000",
      "--max-retries",
      "1",
      "--api-key",
      FAKE_KEY,
      "--base-url",
      s.url,
    ]);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.slice(0, -1).map((line) => line.row)).toEqual([1, 3, 4]);
    expect(lines.at(-1)).toEqual({
      dryRun: true,
      rows: 3,
      valid: 3,
      bad: 0,
      alreadyDone: 1,
      canStart: true,
      problems: [],
    });
    expect(readFileSync(results, "utf8")).toBe(done);
    expect(readdirSync(dir).sort()).toEqual(["out.jsonl", "rows.csv"]);
    expect(s.requests).toHaveLength(0);

    // --overwrite too, and the default results file is not created.
    const overwrite = await run([
      "apply",
      input,
      "--dry-run",
      "--overwrite",
      "--results",
      results,
      "--api-key",
      FAKE_KEY,
    ]);
    expect(overwrite.code).toBe(0);
    expect(readFileSync(results, "utf8")).toBe(done);
    expect(existsSync(`${input}.results.jsonl`)).toBe(false);
  });

  it("needs no key: each provider without one is named, every request still shown; exit 2", async () => {
    const input = fileWith("rows.csv", "provider,id,agent\nretell,+14155550000,a\ncald,pn_1,a\nverbex,pn_2,a\n");
    const result = await run(["apply", input, "--dry-run", "--json"], { env: cleanEnv() });
    expect(result.code).toBe(2);
    const lines = jsonLines(result.stdout);
    expect(lines.slice(0, 3).map((line) => (line.request as { url: string }).url)).toEqual([
      "https://api.retellai.com/update-phone-number/+14155550000",
      "https://my.cald.ai/client/api/v1/phonenumbers/pn_1",
      "<base URL>/v1/phone-numbers/pn_2",
    ]);
    expect(lines[3]).toMatchObject({
      canStart: false,
      problems: [
        "retell: no API key: give --api-key retell=<key> or set RETELL_API_KEY",
        "cald: no API key: give --api-key cald=<key> or set CALD_API_KEY",
        "verbex: no base URL (the vendor publishes none): give --base-url verbex=<url> or set VERBEX_BASE_URL",
      ],
    });
    expect(result.stderr).toContain("the real run would not start (exit 2):");
    // Bad rows with keys in place: exit 1, as the real run would end.
    const bad = fileWith("rows.csv", "provider,id,agent\ncald,pn_1,a\ncald,pn_2,\n");
    const badResult = await run(["apply", bad, "--dry-run", "--api-key", `cald=${FAKE_KEY}`]);
    expect(badResult.code).toBe(1);
  });

  it("exit 2 when the real run could not start for its results file; still nothing written", async () => {
    const input = fileWith("rows.csv", retellCsv(1));
    const results = `${input}.results.jsonl`;
    const flags = ["--api-key", FAKE_KEY];
    writeFileSync(results, '{"row":1,"provider":"retell","id":"+14155550000","ok":false}\n');
    const exists = await run(["apply", input, "--dry-run", ...flags]);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain("exists: pass --resume to continue it, or --overwrite");
    expect(exists.stdout).toContain("PATCH https://api.retellai.com/update-phone-number/+14155550000");
    const notResults = fileWith("notes.txt", "notes\n");
    const overwrite = await run(["apply", input, "--dry-run", "--overwrite", "--results", notResults, ...flags]);
    expect(overwrite.code).toBe(2);
    expect(readFileSync(notResults, "utf8")).toBe("notes\n");
  });

  it("while a real run holds the results file: exit 2 naming it, and the lock is left as it is", async () => {
    const s = await server(true);
    const input = fileWith("rows.csv", retellCsv(2));
    const lock = () => `${realpathSync(`${input}.results.jsonl`)}.lock`;
    const real = start(["apply", input, "--concurrency", "1", "--api-key", FAKE_KEY, "--base-url", s.url]);
    await waitFor(() => held.length === 1);
    const before = readFileSync(lock(), "utf8");
    const dry = await run(["apply", input, "--dry-run", "--resume", "--api-key", FAKE_KEY, "--base-url", s.url]);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain(`in use by another run (pid ${real.child.pid} on this host`);
    expect(readFileSync(lock(), "utf8")).toBe(before);
    real.child.kill("SIGINT");
    expect((await real.done).code).toBe(130);
  });
});

describe("update --dry-run", () => {
  it("needs no key: the request is shown, the missing key named, exit 2", async () => {
    const result = await run(["update", "vogent", "pn_1", "--agent", "a", "--dry-run", "--json"], { env: cleanEnv() });
    expect(result.code).toBe(2);
    expect(jsonLines(result.stdout)).toEqual([
      {
        provider: "vogent",
        id: "pn_1",
        request: expect.objectContaining({ method: "PUT", url: "https://api.vogent.ai/api/phone_numbers/pn_1" }),
        canStart: false,
        problems: ["vogent: no API key: give --api-key vogent=<key> or set VOGENT_API_KEY"],
      },
    ]);
  });
});
