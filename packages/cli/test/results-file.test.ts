// The results file: never the input under any name, replaced only when it holds results, one run
// at a time (a lock taken before anything is sent, taken over from a process that is gone), and
// lines appended whole (CONTRACT.md, CLI). The real binary against a local server.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  linkSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  FAKE_KEY,
  fileWith,
  localServer,
  ok,
  readResults,
  retellCsv,
  retellId,
  run,
  start,
  waitFor,
} from "./helpers.js";

let close: (() => Promise<void>) | undefined;
const release: (() => void)[] = [];
afterEach(async () => {
  for (const answer of release.splice(0)) answer();
  await close?.();
  close = undefined;
});

/** A Retell server that answers at once, or holds every request while `hold()` says so. */
async function server(hold: () => boolean = () => false) {
  const s = await localServer((req, res) => {
    const answer = () => ok(res, retellId(req.url));
    if (hold()) release.push(answer);
    else answer();
  });
  close = s.close;
  return s;
}

function args(file: string, url: string, ...flags: string[]) {
  return ["apply", file, ...flags, "--api-key", FAKE_KEY, "--base-url", url];
}

const lockOf = (results: string) => `${realpathSync(results)}.lock`;

describe("the input is never the output", () => {
  it.each([
    ["the same path", (_dir: string, input: string) => input],
    [
      "a symbolic link to it",
      (dir: string, input: string) => {
        symlinkSync(input, join(dir, "link.jsonl"));
        return join(dir, "link.jsonl");
      },
    ],
    [
      "a hard link to it",
      (dir: string, input: string) => {
        linkSync(input, join(dir, "hard.jsonl"));
        return join(dir, "hard.jsonl");
      },
    ],
    [
      "its name through a linked folder",
      (dir: string) => {
        symlinkSync(dir, join(dir, "up"));
        return join(dir, "up", "rows.csv");
      },
    ],
  ])("--results naming the input as %s: exit 2, input untouched, nothing sent", async (_name, results) => {
    const s = await server();
    const input = fileWith("rows.csv", retellCsv(2));
    const dir = join(input, "..");
    const before = readFileSync(input, "utf8");
    for (const flags of [[], ["--overwrite"], ["--resume"], ["--dry-run"]]) {
      const result = await run(args(input, s.url, "--results", results(dir, input), ...flags));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("is the input file itself");
      for (const name of ["link.jsonl", "hard.jsonl", "up"]) rmSync(join(dir, name), { force: true });
    }
    expect(readFileSync(input, "utf8")).toBe(before);
    expect(s.requests).toHaveLength(0);
  });

  it("--overwrite replaces a results file, and refuses anything else, untouched", async () => {
    const s = await server();
    const input = fileWith("rows.csv", retellCsv(1));
    const notes = fileWith("notes.txt", "my notes\n");
    const refused = await run(args(input, s.url, "--results", notes, "--overwrite"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is not a phonebridge results file (line 1); it is left untouched");
    expect(readFileSync(notes, "utf8")).toBe("my notes\n");
    const resumed = await run(args(input, s.url, "--results", notes, "--resume"));
    expect(resumed.code).toBe(2);
    expect(readFileSync(notes, "utf8")).toBe("my notes\n");
    expect(s.requests).toHaveLength(0);

    const results = fileWith("old.jsonl", '{"row":1,"provider":"retell","id":"+19999999999","ok":true}\n{"row":2,"pro');
    const replaced = await run(args(input, s.url, "--results", results, "--overwrite"));
    expect(replaced.code).toBe(0);
    expect(readResults(results).map((line) => line.id)).toEqual(["+14155550000"]);
  });

  it.each([
    ["a folder", (dir: string) => dir, "is a folder"],
    ["in a folder that does not exist", (dir: string) => join(dir, "nope", "r.jsonl"), "does not exist"],
    [
      "a FIFO",
      (dir: string) => {
        spawnSync("mkfifo", [join(dir, "fifo")]);
        return join(dir, "fifo");
      },
      "not a regular file",
    ],
    [
      "a link to nothing",
      (dir: string) => {
        symlinkSync(join(dir, "gone"), join(dir, "dangling"));
        return join(dir, "dangling");
      },
      "a symbolic link to nothing",
    ],
  ])("--results %s: exit 2 at once, nothing sent", async (_name, results, message) => {
    const s = await server();
    const input = fileWith("rows.csv", retellCsv(1));
    const result = await run(args(input, s.url, "--results", results(join(input, ".."))));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(s.requests).toHaveLength(0);
  });
});

describe("one run per results file", () => {
  it("a second run, fresh or --resume, exits 2 naming the holder and sends nothing", async () => {
    let holding = true;
    const s = await server(() => holding);
    const input = fileWith("rows.csv", retellCsv(3));
    const results = `${input}.results.jsonl`;
    const first = start(args(input, s.url, "--concurrency", "1"));
    await waitFor(() => release.length === 1);
    const lock = JSON.parse(readFileSync(lockOf(results), "utf8")) as { pid: number; host: string };
    expect(lock).toMatchObject({ pid: first.child.pid, host: hostname() });
    for (const flags of [[], ["--resume"], ["--overwrite"]]) {
      const second = await run(args(input, s.url, ...flags));
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`is in use by another run (pid ${first.child.pid} on this host, since `);
    }
    // Through another name of the same file too.
    symlinkSync(results, join(input, "..", "alias.jsonl"));
    const aliased = await run(args(input, s.url, "--resume", "--results", join(input, "..", "alias.jsonl")));
    expect(aliased.code).toBe(2);
    expect(s.requests).toHaveLength(1);
    holding = false;
    for (const answer of release.splice(0)) answer();
    expect((await first.done).code).toBe(0);
    expect(existsSync(lockOf(results))).toBe(false);
    expect(readResults(results).filter((line) => line.ok)).toHaveLength(3);
  });

  it("a lock left by a process that is gone is taken over, and the run says so", async () => {
    const s = await server();
    const input = fileWith("rows.csv", retellCsv(2));
    const results = `${input}.results.jsonl`;
    writeFileSync(results, "");
    const gone = spawnSync(process.execPath, ["-e", "process.pid"]).pid as number;
    const since = "2026-01-01T00:00:00.000Z";
    writeFileSync(
      lockOf(results),
      JSON.stringify({ lock: "phonebridge results lock", pid: gone, host: hostname(), since }),
    );
    const result = await run(args(input, s.url, "--resume"));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`lock was left by pid ${gone} (since ${since}), which is gone: taken over`);
    expect(s.requests).toHaveLength(2);
    expect(existsSync(lockOf(results))).toBe(false);
  });

  it("a lock file that is not phonebridge's is left alone: exit 2", async () => {
    const s = await server();
    const input = fileWith("rows.csv", retellCsv(1));
    const results = `${input}.results.jsonl`;
    writeFileSync(results, "");
    writeFileSync(lockOf(results), "something else\n");
    const result = await run(args(input, s.url));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is no phonebridge lock");
    expect(readFileSync(lockOf(results), "utf8")).toBe("something else\n");
    expect(s.requests).toHaveLength(0);
  });

  it("kill -9, then two --resume runs at once: one runs, the other exits 2; every row one ok line", async () => {
    let holding = true;
    const s = await server(() => holding && s.requests.length > 5);
    const input = fileWith("rows.csv", retellCsv(30));
    const results = `${input}.results.jsonl`;
    const first = start(args(input, s.url, "--concurrency", "4"));
    await waitFor(() => release.length === 4 && readResults(results).length === 5);
    first.child.kill("SIGKILL");
    await first.done;
    expect(existsSync(lockOf(results))).toBe(true);
    // The server holds every answer until one of the two runs has ended: the run with the lock
    // cannot finish before the other has tried to take it, however late that one starts.
    const runs = [start(args(input, s.url, "--resume", "--json")), start(args(input, s.url, "--resume", "--json"))];
    let ended = 0;
    for (const r of runs) void r.done.then(() => ended++);
    // Neither ending while every answer is held means both took the lock.
    await waitFor(() => ended > 0);
    holding = false;
    for (const answer of release.splice(0)) answer();
    const [a, b] = await Promise.all(runs.map((r) => r.done));
    expect([a?.code, b?.code].sort()).toEqual([0, 2]);
    const loser = a?.code === 2 ? a : b;
    expect(loser?.stderr).toMatch(/is in use by another run|other runs keep taking it/);
    const lines = readResults(results);
    for (let row = 1; row <= 30; row++) expect(lines.filter((l) => l.row === row && l.ok)).toHaveLength(1);
    expect(existsSync(lockOf(results))).toBe(false);
  });

  it.each([
    ["Ctrl-C", ["SIGINT"]],
    ["Ctrl-C twice", ["SIGINT", "SIGINT"]],
    ["SIGTERM", ["SIGTERM"]],
    ["SIGHUP (the terminal closed)", ["SIGHUP"]],
  ] as const)("%s releases the lock", async (_name, signals) => {
    const s = await server(() => true);
    const input = fileWith("rows.csv", retellCsv(5));
    const results = `${input}.results.jsonl`;
    const first = start(args(input, s.url, "--concurrency", "2"));
    await waitFor(() => release.length === 2);
    expect(existsSync(lockOf(results))).toBe(true);
    for (const signal of signals) first.child.kill(signal);
    const stopped = await first.done;
    // A second signal can land after the run has ended on the first and let go of its handlers:
    // the process then dies of it, which a shell reports as 130 (128 + SIGINT) all the same.
    const exitStatus = stopped.signal === "SIGINT" && signals.length > 1 ? 130 : stopped.code;
    expect(exitStatus).toBe(130);
    expect(existsSync(lockOf(results))).toBe(false);
    expect(s.requests).toHaveLength(2);
  });

  it("each line is appended whole (O_APPEND): another writer's line is never overwritten", async () => {
    let holding = true;
    const s = await server(() => holding);
    const input = fileWith("rows.csv", retellCsv(2));
    const results = `${input}.results.jsonl`;
    const first = start(args(input, s.url, "--concurrency", "1"));
    await waitFor(() => release.length === 1);
    // Another program appends to the file while the run has it open.
    const foreign = `${JSON.stringify({ row: 99, provider: "retell", id: "+19999999999", ok: false })}\n`;
    appendFileSync(results, foreign);
    holding = false;
    for (const answer of release.splice(0)) answer();
    expect((await first.done).code).toBe(0);
    const text = readFileSync(results, "utf8");
    expect(text.startsWith(foreign)).toBe(true);
    expect(readResults(results).map((line) => line.row)).toEqual([99, 1, 2]);
  });
});
