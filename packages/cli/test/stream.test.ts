// Unit tests of the streaming readers: an input file read in chunks of any size, cut anywhere
// (inside a row, a multi-byte character, a CRLF, a BOM), gives the same rows and the same errors
// as the file read whole (CONTRACT.md, CLI); the two passes of apply over one file; a results
// file read line by line for --resume.
import { writeFileSync } from "node:fs";
import { capabilities } from "@phonebridge/facade";
import { describe, expect, it } from "vitest";
import { byteLines } from "../src/byte-lines.js";
import { InputFile } from "../src/input-file.js";
import { checkInput, InputChanged, rowsToRun } from "../src/input-passes.js";
import { DoneRows, doneRows, resultsTarget } from "../src/results.js";
import { type Format, type InputRow, inputRows } from "../src/rows.js";
import { Secrets } from "../src/secrets.js";
import { UsageError } from "../src/usage-error.js";
import { fileWith } from "./helpers.js";

/** `bytes` cut into chunks of `size` bytes (the last one shorter). */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

/** The rows of `chunks`, or the message of the error that refused them. */
async function read(chunks: Buffer[], format: Format): Promise<InputRow[] | string> {
  const rows: InputRow[] = [];
  try {
    for await (const row of inputRows(chunks, { path: `rows.${format}`, format })) rows.push(row);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return rows;
}

/** Chunk sizes that cut every row, character and line ending somewhere, and one chunk for all. */
const SIZES = [1, 2, 3, 4, 5, 7, 11, 64];

/** Reads `bytes` whole and in every chunk size; expects the same answer each time, and returns it. */
async function sameInEveryChunking(bytes: Buffer, format: Format): Promise<InputRow[] | string> {
  const whole = await read([bytes], format);
  for (const size of SIZES) {
    expect(await read(chunked(bytes, size), format), `chunks of ${size} bytes`).toEqual(whole);
  }
  return whole;
}

const summary = (rows: InputRow[] | string) =>
  typeof rows === "string"
    ? rows
    : rows.map((r) =>
        r.ok ? `${r.row}@${r.line} ${r.id} ${JSON.stringify(r.changes)}` : `${r.row}@${r.line} ${r.reason}`,
      );

describe("an input file read in chunks of any size", () => {
  it("CSV: a BOM, CRLF, multi-byte characters, quoted line breaks, bad rows by number", async () => {
    const csv =
      "\uFEFFprovider,id,label\r\n" +
      "retell,+14155550100,Büro €\r\n" +
      '\r\nretell,+14155550101,"two\nlines 😀"\r\n' +
      "retell,+14155550102\r\n" + // a wrong cell count: bad row 3
      'retell,+14155550103,a "b" c\r\n' + // a stray quote: bad row 4
      "retell,+14155550104,\r\n" + // changes nothing: bad row 5
      "retell,+14155550105,Zoë\r\n";
    const rows = await sameInEveryChunking(Buffer.from(csv), "csv");
    expect(summary(rows)).toEqual([
      '1@2 +14155550100 {"label":"Büro €"}',
      '2@5 +14155550101 {"label":"two\\nlines 😀"}',
      "3@6 expected 3 fields, found 2",
      "4@7 the label cell holds a quote but does not start with one: quote the whole cell and double the quotes inside",
      "5@8 the row changes nothing: give agent, label or outbound_agent (null removes or clears)",
      '6@9 +14155550105 {"label":"Zoë"}',
    ]);
  });

  it("JSONL: a BOM, CRLF, blank lines, multi-byte characters, bad lines by number", async () => {
    const jsonl =
      '\uFEFF{"provider":"retell","id":"+14155550100","label":"Büro €"}\r\n' +
      "\r\n" +
      '{"provider":"retell","id":"+14155550101","label":"😀"}\r\n' +
      "not json\r\n" +
      '{"provider":"retell","id":"+14155550102","label":"a","label":"b"}\n' +
      '{"provider":"retell","id":"+14155550103","agent":"Zoë"}';
    const rows = await sameInEveryChunking(Buffer.from(jsonl), "jsonl");
    expect(summary(rows)).toEqual([
      '1@1 +14155550100 {"label":"Büro €"}',
      '2@3 +14155550101 {"label":"😀"}',
      "3@4 the line is not valid JSON",
      '4@5 the key "label" appears twice: which value is meant is unknown',
      '5@6 +14155550103 {"agentId":"Zoë"}',
    ]);
  });

  it("a quote never closed is refused with the line its row starts on", async () => {
    const csv = 'provider,id,label\nretell,+14155550100,a\n\nretell,+14155550101,"open\nretell,+14155550102,b\n';
    expect(await sameInEveryChunking(Buffer.from(csv), "csv")).toMatch(
      /a quote opened in the row starting at line 4 is never closed/,
    );
  });

  it("a bad header is refused", async () => {
    expect(await sameInEveryChunking(Buffer.from("provider,idd,label\nretell,+1,a\n"), "csv")).toMatch(
      /unknown column "idd" in the header/,
    );
  });

  it("invalid UTF-8 in the very last byte: refused with its byte offset and row", async () => {
    for (const format of ["csv", "jsonl"] as const) {
      const body =
        format === "csv"
          ? "provider,id,label\nretell,+14155550100,Büro\nretell,+14155550101,caf"
          : '{"provider":"retell","id":"+14155550100","label":"Büro"}\n{"provider":"retell","id":"+14155550101","label":"caf';
      // 0xC3 starts a two-byte character that the file ends before finishing.
      const bytes = Buffer.concat([Buffer.from(body), Buffer.from([0xc3])]);
      const row = format === "csv" ? "row 2 (line 3)" : "row 2 (line 2)";
      expect(await sameInEveryChunking(bytes, format)).toMatch(
        new RegExp(`is not UTF-8: invalid byte at byte offset ${bytes.length - 1}, ${row.replace(/[()]/g, "\\$&")}`),
      );
    }
  });

  it("an invalid byte in the middle of a character split between chunks: its offset", async () => {
    const head = Buffer.from("provider,id,label\nretell,+14155550100,€");
    // E2 82 then 0x41: a three-byte character broken by an ASCII byte.
    const bytes = Buffer.concat([head, Buffer.from([0xe2, 0x82, 0x41]), Buffer.from("\nretell,+14155550101,a\n")]);
    expect(await sameInEveryChunking(bytes, "csv")).toMatch(
      new RegExp(`invalid byte at byte offset ${head.length}, row 1 \\(line 2\\)`),
    );
  });

  it("byteLines keeps a character split between chunks whole", async () => {
    const text = "a€\nb😀c\n\nlast";
    for (const size of SIZES) {
      const lines: string[] = [];
      for await (const line of byteLines(chunked(Buffer.from(text), size))) lines.push(line);
      expect(lines).toEqual(["a€", "b😀c", "", "last"]);
    }
  });
});

/** A CSV of `count` Retell rows with distinct numbers. */
function csvRows(count: number, id = (i: number) => `+1415${String(i).padStart(7, "0")}`): string {
  const lines = ["provider,id,agent"];
  for (let i = 0; i < count; i++) lines.push(`retell,${id(i)},agent_1`);
  return `${lines.join("\n")}\n`;
}

describe("apply's two passes over one input file", () => {
  it("a number given twice 90,000 rows apart is found, in chunks far smaller than the file", async () => {
    const path = fileWith(
      "far.csv",
      csvRows(90_001, (i) => (i === 90_000 ? "+14150000007" : `+1415${String(i).padStart(7, "0")}`)),
    );
    const file = await InputFile.open(path);
    try {
      await expect(checkInput(file, capabilities)).rejects.toThrow(/rows 8, 90001: retell "\+14150000007"/);
    } finally {
      await file.close();
    }
  });

  it("the sending pass stops when the file changed after it was checked", async () => {
    const path = fileWith("rows.csv", csvRows(300));
    const file = await InputFile.open(path);
    try {
      const checked = await checkInput(file, capabilities);
      expect(checked.rows).toBe(300);
      // Rewritten in place (the same file the handle reads): row 200 now names another number.
      writeFileSync(
        path,
        csvRows(300, (i) => (i === 199 ? "+19990000000" : `+1415${String(i).padStart(7, "0")}`)),
      );
      const sent: number[] = [];
      const reading = (async () => {
        for await (const row of rowsToRun(file, checked, new DoneRows(checked.rows), new Secrets())) sent.push(row.row);
      })();
      await expect(reading).rejects.toBeInstanceOf(InputChanged);
      expect(sent).toEqual(Array.from({ length: 199 }, (_, i) => i + 1));
    } finally {
      await file.close();
    }
  });

  it("the sending pass stops when rows were added after the check", async () => {
    const path = fileWith("rows.jsonl", '{"provider":"retell","id":"+14155550100","agent":"a"}\n');
    const file = await InputFile.open(path);
    try {
      const checked = await checkInput(file, capabilities);
      writeFileSync(
        path,
        '{"provider":"retell","id":"+14155550100","agent":"a"}\n{"provider":"retell","id":"+14155550101","agent":"a"}\n',
      );
      const reading = (async () => {
        for await (const _ of rowsToRun(file, checked, new DoneRows(checked.rows), new Secrets())) {
          // sent
        }
      })();
      await expect(reading).rejects.toBeInstanceOf(InputChanged);
    } finally {
      await file.close();
    }
  });

  it("a FIFO is refused: it can be read only once", async () => {
    const { execFileSync } = await import("node:child_process");
    const path = `${fileWith("x", "")}.fifo`;
    execFileSync("mkfifo", [path]);
    await expect(InputFile.open(path)).rejects.toThrow(/is not a regular file \(a FIFO, a socket or a device\)/);
  });
});

describe("--resume reads the results file as a stream", () => {
  it("keeps the done rows of a results file longer than a chunk; lines cut short are ignored", async () => {
    const rows = 5000;
    const input = fileWith("rows.csv", csvRows(rows));
    const lines: string[] = [];
    for (let row = 1; row <= rows; row++) {
      const id = `+1415${String(row - 1).padStart(7, "0")}`;
      // Every third row failed; the others are done. Labels hold multi-byte characters.
      lines.push(
        JSON.stringify({ row, provider: "retell", id, ok: row % 3 !== 0, result: { label: `Büro ${"€".repeat(20)}` } }),
      );
    }
    lines.push('{"row":5001,"provider":"retell","id":"+1415'); // cut short by a crash
    const results = fileWith("rows.results.jsonl", `${lines.join("\n")}`);
    const file = await InputFile.open(input);
    try {
      const checked = await checkInput(file, capabilities);
      const done = await doneRows(resultsTarget(results, input), { ...checked, rowAt: async () => undefined });
      expect(done.size).toBe(rows - Math.floor(rows / 3));
      for (const row of [1, 2, 3, 4999, 5000]) expect(done.has(row)).toBe(row % 3 !== 0);
      expect(done.goodRowsOf("retell")).toBe(done.size);
    } finally {
      await file.close();
    }
  });
});
