// Hostile input files against the real binary and a local server playing Retell (and Cald):
// bytes that are not UTF-8, CSV errors that keep or lose row boundaries, the same number twice,
// and JSONL keys given twice (CONTRACT.md, CLI).
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_KEY, fileWith, jsonLines, localServer, ok, readResults, retellId, run } from "./helpers.js";

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

/** `apply <file>` with the fake key, Retell (and Cald) pointed at `url`. */
function apply(file: string, url: string, ...flags: string[]) {
  return run([
    "apply",
    file,
    ...flags,
    "--api-key",
    `retell=${FAKE_KEY}`,
    "--api-key",
    `cald=${FAKE_KEY}`,
    "--base-url",
    `retell=${url}`,
    "--base-url",
    `cald=${url}`,
  ]);
}

const ID = (i: number) => `+1415555${String(i).padStart(4, "0")}`;

describe("invalid UTF-8", () => {
  it("a CSV with a byte that is not UTF-8 is refused, naming the row and the byte offset; nothing sent", async () => {
    const s = await server();
    const head = Buffer.from(`provider,id,agent\nretell,${ID(0)},a\nretell,${ID(1)},agent_`);
    // A real U+FFFD before the bad byte is fine: only the 0xFF is invalid.
    const file = fileWith(
      "rows.csv",
      Buffer.concat([head, Buffer.from([0xff]), Buffer.from(`\nretell,${ID(2)},a \uFFFD\n`)]),
    );
    const result = await apply(file, s.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`invalid byte at byte offset ${head.length}, row 2 (line 3)`);
    expect(s.requests).toHaveLength(0);
    expect(existsSync(`${file}.results.jsonl`)).toBe(false);
  });

  it("JSONL gets the same rule, rows counted without blank lines", async () => {
    const s = await server();
    const first = `{"provider":"retell","id":"${ID(0)}","agent":"a"}\n\n`;
    const second = Buffer.from(`{"provider":"retell","id":"${ID(1)}","label":"caf`);
    const file = fileWith(
      "rows.jsonl",
      Buffer.concat([Buffer.from(first), second, Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]),
    );
    const result = await apply(file, s.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `invalid byte at byte offset ${Buffer.byteLength(first) + second.length}, row 2 (line 3)`,
    );
    expect(s.requests).toHaveLength(0);
  });

  it("a UTF-16 file is refused at byte 0 with a hint", async () => {
    const file = fileWith("rows.csv", Buffer.from("\uFEFFprovider,id\n", "utf16le"));
    const result = await run(["apply", file, "--dry-run"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("byte offset 0, line 1 (the header) (the file looks like UTF-16");
  });
});

describe("CSV errors", () => {
  it("a stray quote or a wrong cell count is a bad row by number; the good rows go, numbered right", async () => {
    const s = await server();
    const file = fileWith(
      "rows.csv",
      [
        "provider,id,agent",
        `retell,${ID(0)},a`,
        `retell,${ID(1)},ag"ent`, // a quote inside an unquoted cell
        "",
        `retell,${ID(2)},a,extra`, // a cell too many
        `retell,${ID(3)}`, // a cell too few
        `retell,"${ID(4)}",a`,
        `retell,${ID(5)},"two`, // a quoted cell over two lines (an agent id the facade refuses)
        'lines"',
        `retell,${ID(6)},a`,
      ].join("\r\n"),
    );
    const result = await apply(file, s.url, "--json");
    expect(result.code).toBe(1);
    expect(s.requests.map((r) => retellId(r.url)).sort()).toEqual([ID(0), ID(4), ID(6)]);
    const lines = readResults(`${file}.results.jsonl`).sort((a, b) => a.row - b.row);
    expect(lines.map((l) => [l.row, l.ok])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
      [5, true],
      [6, false],
      [7, true],
    ]);
    expect(lines[1]?.error).toMatchObject({ code: "invalid_row" });
    expect(lines[1]?.error?.message).toContain("the agent cell holds a quote");
    expect(lines[2]?.error?.message).toBe("expected 3 fields, found 4");
    expect(lines[3]?.error?.message).toBe("expected 3 fields, found 2");
    expect(lines[4]?.id).toBe(ID(4));
    expect(result.stderr).toMatch(/^row 2: bad row: the agent cell holds a quote/m);
  });

  it.each([
    ["an unclosed quote", `provider,id,agent\nretell,${ID(0)},a\nretell,"${ID(1)},a\nretell,${ID(2)},a\n`, "line 3"],
    ["text after a closing quote", `provider,id,agent\nretell,"${ID(1)}"x,a\nretell,"${ID(2)}",a\n`, "line 2"],
    ["a stray quote in the header", `provider,i"d,agent\nretell,${ID(0)},a\n`, "(the header)"],
  ])("%s loses where rows end: the file is refused, nothing sent", async (_name, text, where) => {
    const s = await server();
    const file = fileWith("rows.csv", text);
    const result = await apply(file, s.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not valid CSV");
    expect(result.stderr).toContain(where);
    expect(s.requests).toHaveLength(0);
    expect(existsSync(`${file}.results.jsonl`)).toBe(false);
  });

  it("a BOM, CRLF, NUL bytes and a provider with spaces and capitals", async () => {
    const s = await server();
    const file = fileWith("rows.csv", `\uFEFF Provider , ID ,Agent\r\n RETELL ,${ID(0)},a\r\nretell,${ID(1)}\0,a\r\n`);
    const result = await apply(file, s.url);
    expect(result.code).toBe(1);
    expect(s.requests.map((r) => retellId(r.url))).toEqual([ID(0)]);
    expect(result.stderr).toMatch(/^row 2 retell "\+14155550001\\u0000": bad row: invalid_input/m);
  });
});

describe("the same number in two rows", () => {
  it("refuses the file before anything is sent, naming every row of every number given twice", async () => {
    const s = await server();
    const file = fileWith(
      "rows.csv",
      [
        "provider,id,agent",
        `retell,${ID(0)},agent_old`,
        "cald,pn_1,a",
        `retell,${ID(1)},a`,
        // The same numbers, spelt as the facade would send them alike.
        ` Retell , ${ID(0)} ,agent_new`,
        "CALD,pn_1,null",
        `retell,${ID(0)},agent_newest`,
      ].join("\n"),
    );
    const result = await apply(file, s.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("2 phone numbers appear in more than one row");
    expect(result.stderr).toContain(`rows 1, 4, 6: retell "${ID(0)}"`);
    expect(result.stderr).toContain('rows 2, 5: cald "pn_1"');
    expect(result.stderr).not.toContain("rows 3");
    expect(s.requests).toHaveLength(0);
    expect(existsSync(`${file}.results.jsonl`)).toBe(false);
  });

  it("in JSONL too, and in a dry run", async () => {
    const file = fileWith(
      "rows.jsonl",
      `{"provider":"cald","id":"pn_1","agent":"a"}\n{"provider":"cald ","id":"pn_1","agent":null}\n`,
    );
    const result = await run(["apply", file, "--dry-run", "--json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rows 1, 2: cald "pn_1"');
    expect(jsonLines(result.stdout)).toEqual([
      { error: { code: "usage", message: expect.stringContaining("more than one row") } },
    ]);
  });

  it("quotes at most 40 characters of an id given twice", async () => {
    const long = "x".repeat(10_000);
    const file = fileWith("rows.csv", `provider,id,agent\ncald,${long},a\ncald,${long},b\n`);
    const result = await run(["apply", file, "--dry-run", "--api-key", `cald=${FAKE_KEY}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`rows 1, 2: cald "${"x".repeat(40)}…"`);
    expect(result.stderr).not.toMatch(/x{41}/);
  });
});

describe("JSONL", () => {
  it("a key given twice in one object is a bad row (JSON.parse would keep the last silently)", async () => {
    const s = await server();
    const file = fileWith(
      "rows.jsonl",
      [
        `{"provider":"retell","id":"${ID(0)}","agent":"a","agent":null}`,
        `{"provider":"retell","id":"${ID(1)}","label":"x","nested":{"agent":1,"agent":2}}`,
        `{"provider":"retell","id":"${ID(2)}","label":"a \\"agent\\": b"}`,
      ].join("\n"),
    );
    const result = await apply(file, s.url);
    expect(result.code).toBe(1);
    const lines = readResults(`${file}.results.jsonl`).sort((a, b) => a.row - b.row);
    expect(lines[0]?.error?.message).toContain('the key "agent" appears twice');
    expect(lines[1]?.error?.message).not.toContain("appears twice");
    expect(lines[2]?.ok).toBe(true);
  });
});
