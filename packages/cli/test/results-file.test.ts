// The results file: never the input under any name, replaced only when it holds results, and
// never a folder, a FIFO or a file in a missing folder (CONTRACT.md, CLI). The real binary
// against a local server.
import { spawnSync } from "node:child_process";
import { linkSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_KEY, fileWith, localServer, ok, readResults, retellCsv, retellId, run } from "./helpers.js";

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
    for (const flags of [[], ["--overwrite"], ["--resume"]]) {
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
