// The CLI speaks CLI: unknown flags and commands get the closest one, `help <unknown>` is a usage
// error, with --json stdout holds JSON alone, and messages quote at most 40 characters of any
// input (CONTRACT.md, CLI). The real binary.

import { PROVIDERS } from "@phonebridge/core";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_KEY, fileWith, jsonLines, localServer, ok, retellCsv, retellId, run } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("suggestions", () => {
  it.each([
    [["apply", "rows.csv", "--concurency", "4"], 'unknown option "--concurency"; did you mean --concurrency?'],
    [["apply", "rows.csv", "--dryrun"], 'unknown option "--dryrun"; did you mean --dry-run?'],
    [["update", "cald", "pn_1", "--agnet", "a"], 'unknown option "--agnet"; did you mean --agent?'],
    [["update", "cald", "pn_1", "--agent", "a", "--apikey=sk_x"], 'unknown option "--apikey"; did you mean --api-key?'],
    [
      ["update", "retel", "+14155550000", "--agent", "a"],
      `unknown provider "retel" (one of ${PROVIDERS.join(", ")}); did you mean retell?`,
    ],
    [["aply", "rows.csv"], 'unknown command "aply" (update, plan, apply, status, verify, help); did you mean apply?'],
    [["help", "aply"], 'no help on "aply" (topics: update, plan, apply, status, verify); did you mean apply?'],
    [["help", "frobnicate"], 'no help on "frobnicate" (topics: update, plan, apply, status, verify)'],
  ])("%j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`phonebridge: ${message}`);
    expect(result.stdout).toBe("");
  });

  it("help for a known topic is still exit 0", async () => {
    for (const topic of ["update", "apply"]) expect((await run(["help", topic])).code).toBe(0);
  });
});

describe("--json: stdout holds JSON alone", () => {
  it("usage errors, bad rows, failed rows, tables, help and the version", async () => {
    const s = await localServer((req, res) => {
      const id = retellId(req.url);
      if (id.endsWith("1")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end('{"status":404,"message":"no such number"}');
      } else ok(res, id);
    });
    close = s.close;
    const file = fileWith("rows.csv", `${retellCsv(3)}retell,12345,a\nacme,x,a\n`);
    const connection = ["--api-key", FAKE_KEY, "--base-url", `retell=${s.url}`];
    const runs = [
      ["apply", file, "--json", "--dry-run", ...connection],
      ["apply", file, "--json", "--table", ...connection],
      ["apply", file, "--json", "--bogus"],
      ["apply", file, "--json", "--resume", ...connection],
      ["update", "retell", "+14155550001", "--agent", "a", "--json", ...connection],
      ["update", "retell", "+14155550002", "--agent", "a", "--json", ...connection],
      ["update", "cald", "pn_1", "--agent", "a", "--json"],
      ["apply", "--help", "--json"],
      ["help", "apply", "--json"],
      ["--version", "--json"],
      ["frobnicate", "--json"],
    ];
    for (const args of runs) {
      const result = await run(args);
      // Throws on any line that is not JSON (help goes to stderr: stdout stays empty).
      const lines = jsonLines(result.stdout);
      if (result.code === 2) expect(lines.at(-1)?.error, args.join(" ")).toMatchObject({ code: expect.any(String) });
    }
  });
});

const ID = (i: number) => `+1415555${String(i).padStart(4, "0")}`;

describe("messages quote at most 40 characters of any input", () => {
  const long = "x".repeat(10_000);
  it.each([
    ["an unknown provider", `provider,id,agent\n${long},pn_1,a\n`, "rows.csv"],
    ["an unknown column", `provider,id,${long}\nretell,${ID(0)},a\n`, "rows.csv"],
    ["an unknown JSONL key", `{"provider":"cald","id":"pn_1","${long}":"a"}\n`, "rows.jsonl"],
    ["a long id in a row label", `provider,id,label\ncald,${long},a\n`, "rows.csv"],
  ])("%s", async (_name, text, name) => {
    const file = fileWith(name, text);
    const result = await run(["apply", file, "--dry-run", "--json", "--api-key", `cald=${FAKE_KEY}`]);
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    // The facade's own messages are its own; the CLI's quote 40 characters and "…".
    const own = result.stderr.split("\n").map((line) => line.replace(/: (unsupported_change|invalid_input): .*$/, ""));
    for (const line of own) expect(line).not.toMatch(/x{41}/);
    expect(output).toContain(`${"x".repeat(40)}…`);
  });

  it("flag values", async () => {
    const long = "9".repeat(5000);
    for (const args of [
      ["apply", "rows.csv", "--concurrency", long],
      ["apply", "rows.csv", "--rate", `x${long}`],
      ["update", long, "x", "--agent", "a"],
      ["frobnicate", long],
      [`frob${long}`],
      ["help", long],
      ["update", "cald", "pn_1", "--agent", "a", `--${long}`],
    ]) {
      const result = await run(args);
      expect(result.code, args[0]).toBe(2);
      expect(result.stderr).not.toMatch(/9{41}/);
    }
  });
});

describe("what is shown of input on a terminal", () => {
  it("bidirectional overrides and line separators are escaped like control characters", async () => {
    const file = fileWith("rows.csv", "provider,id,agent\ncald,pn_\u202Eevil,a\ncald,pn_\u2028x,a\n");
    const result = await run(["apply", file, "--dry-run", "--api-key", `cald=${FAKE_KEY}`]);
    expect(result.stdout + result.stderr).not.toMatch(/[\u202E\u2028]/);
    expect(result.stdout + result.stderr).toContain("\\u202e");
  });
});

// The start every command shares (args.ts, readCommand): each command says what it takes and
// where its help is, and under --json prints its help on stderr, leaving stdout empty.
describe("every command checks its operands and prints its help the same way", () => {
  it.each([
    ["apply", ["a.csv", "b.csv"], "apply takes one <file.csv|file.jsonl>, got 2 argument(s)"],
    ["plan", [], "plan takes one <file.csv|file.jsonl>, got 0 argument(s)"],
    ["update", ["retell"], "update takes <provider> <id>, got 1 argument(s)"],
    ["verify", [], "verify takes one <provider>, got 0 argument(s)"],
    ["status", ["retell"], "status takes no argument, got 1 argument(s)"],
  ])("%s", async (command, operands, message) => {
    const wrong = await run([command, ...operands]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`${message}; see phonebridge ${command} --help`);
    const help = await run([command, "--help", "--json"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe("");
    expect(help.stderr).toContain(`phonebridge ${command}`);
  });
});
