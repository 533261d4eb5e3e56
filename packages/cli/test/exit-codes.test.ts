/**
 * Exit 1 (docs/CONTRACT.md#cli-phonebridge): a bad row in a CSV, beside good rows or alone, and an
 * `update` the vendor or the network fails. Bad rows of broken CSV syntax and a 404 are checked
 * in input-files.test.ts and faults.test.ts; these are the rows the CSV reads fine but that
 * cannot be sent, and the other ways a single update fails.
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_KEY, jsonLines, localServer, ok, readResults, retellId, run, tempDir } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A Retell that answers 200, and 500 for the numbers in `failing`. */
async function retell(failing: string[] = []) {
  const s = await localServer((request, response) => {
    const id = retellId(request.url);
    if (!failing.includes(id)) return ok(response, id);
    response.writeHead(500, { "content-type": "application/json" });
    response.end('{"status":500,"message":"internal error"}');
  });
  close = s.close;
  return s;
}

const FLAGS = (url: string) => ["--api-key", FAKE_KEY, "--base-url", `retell=${url}`, "--max-retries", "1"];

function csv(text: string): string {
  const file = join(tempDir(), "rows.csv");
  writeFileSync(file, text);
  return file;
}

describe("apply: a bad row the CSV reads fine is exit 1", () => {
  it("beside good rows: the good ones go, the bad one is named by number", async () => {
    const s = await retell();
    const file = csv(
      [
        "provider,id,agent,label",
        "retell,+14155550001,agent_1,",
        "retell,+14155550002,,", // changes nothing
        "acme,+14155550003,agent_1,", // no such provider
        "retell,+14155550004,agent_1,",
      ].join("\n"),
    );
    const result = await run(["apply", file, "--json", ...FLAGS(s.url)]);
    expect(result.code, result.stderr).toBe(1);
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ rows: 4, ok: 2, failed: 0, bad: 2 });
    expect(s.requests.map((r) => retellId(r.url)).sort()).toEqual(["+14155550001", "+14155550004"]);
    const lines = readResults(`${file}.results.jsonl`);
    expect(lines.filter((l) => l.ok).map((l) => l.row)).toEqual(expect.arrayContaining([1, 4]));
    expect(
      lines
        .filter((l) => !l.ok)
        .map((l) => l.row)
        .sort(),
    ).toEqual([2, 3]);
  });

  it("alone: nothing is sent, still exit 1 (not 2: the file itself was read)", async () => {
    const s = await retell();
    const result = await run(["apply", csv("provider,id,agent\nretell,+14155550001,\n"), ...FLAGS(s.url)]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/row 1/);
    expect(s.requests).toHaveLength(0);
  });
});

describe("update: a failed update is exit 1", () => {
  it("a 500 after the retries, in the table and with --json", async () => {
    const s = await retell(["+14155550009"]);
    const plain = await run(["update", "retell", "+14155550009", "--agent", "a", ...FLAGS(s.url)]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/server: Retell: HTTP 500/);
    const json = await run(["update", "retell", "+14155550009", "--agent", "a", "--json", ...FLAGS(s.url)]);
    expect(json.code).toBe(1);
    expect(jsonLines(json.stdout)).toEqual([
      expect.objectContaining({ provider: "retell", error: expect.objectContaining({ code: "server", status: 500 }) }),
    ]);
    expect(s.requests).toHaveLength(4);
  });

  it("a connection refused", async () => {
    const s = await retell();
    const { url } = s;
    await s.close();
    close = undefined;
    const result = await run(["update", "retell", "+14155550009", "--agent", "a", ...FLAGS(url)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/connection/);
  });
});
