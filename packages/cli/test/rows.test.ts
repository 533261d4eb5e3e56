// Unit tests of the input parsing and flag values (the rest of the suite runs the real binary).

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROVIDERS } from "@phonebridge/core";
import { describe, expect, it } from "vitest";
import { parsePerProvider, valueFor } from "../src/config.js";
import { type InputRow, inputRows, readRows } from "../src/rows.js";
import { Secrets } from "../src/secrets.js";
import { UsageError } from "../src/usage-error.js";
import { tempDir } from "./helpers.js";

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe("CSV rows", () => {
  it("maps columns in any order; empty leaves unchanged, null removes", async () => {
    const rows = await readRows(
      file(
        "a.csv",
        '\uFEFFlabel,ID,Provider,agent\r\n" Front, desk ",+14155550100,Retell,null\r\n,pn_1,cald,a1\r\n\r\nnull,pn_2,verbex,\r\n',
      ),
    );
    expect(rows).toEqual([
      {
        ok: true,
        row: 1,
        line: 2,
        provider: "retell",
        id: "+14155550100",
        changes: { label: " Front, desk ", agentId: null },
      },
      { ok: true, row: 2, line: 3, provider: "cald", id: "pn_1", changes: { agentId: "a1" } },
      { ok: true, row: 3, line: 5, provider: "verbex", id: "pn_2", changes: { label: null } },
    ]);
  });

  it("bad rows keep their number and reason", async () => {
    const rows = await readRows(
      file("b.csv", "provider,id,agent\nretell,+14155550100\nacme,x,a\n,,a\nretell,+14155550100,\n"),
    );
    expect(rows.map((r) => (r.ok ? "ok" : `${r.row}: ${r.reason}`))).toEqual([
      "1: expected 3 fields, found 2",
      `2: unknown provider "acme" (one of ${PROVIDERS.join(", ")})`,
      "3: provider is missing; id is missing",
      "4: the row changes nothing: give agent, label or outbound_agent (null removes or clears)",
    ]);
  });

  // Where a row ends, whatever the line breaks: a CRLF inside a quoted cell is one line break,
  // as it is in an editor, and the rows after it keep their line.
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("rows after a quoted cell with line breaks keep their line (%s)", async (_name, nl) => {
    const text = [
      "provider,id,label",
      `retell,pn_1,"two${nl}lines"`,
      `retell,pn_2,"three${nl}${nl}lines"`,
      "",
      'retell,pn_3,a"b',
      "retell,pn_4,",
      "retell,pn_5,ok",
    ].join(nl);
    const expected = ["1@3: ok", "2@6: ok", "3@8: the label cell holds a quote", "4@9: the row changes", "5@10: ok"];
    const described = (rows: InputRow[]) => rows.map((r) => `${r.row}@${r.line}: ${r.ok ? "ok" : r.reason}`);
    const whole = described(await readRows(file("lines.csv", text)));
    expect(whole.map((line, i) => line.slice(0, (expected[i] as string).length))).toEqual(expected);
    // Read a byte at a time, so that a CRLF is split between two chunks.
    const bytes = [...Buffer.from(text)].map((byte) => Buffer.of(byte));
    const streamed: InputRow[] = [];
    for await (const row of inputRows(bytes, { path: "lines.csv", format: "csv" })) streamed.push(row);
    expect(described(streamed)).toEqual(whole);
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("an unclosed quote is placed at the line of its row (%s)", async (_name, nl) => {
    const text = [
      "provider,id,label",
      `retell,pn_1,"a${nl}b"`,
      "",
      `retell,pn_2,"never${nl}closed`,
      "retell,pn_3,c",
      "",
    ];
    await expect(readRows(file("open.csv", text.join(nl)))).rejects.toThrow(/row starting at line 5 is never closed/);
  });

  it("a quote never closed in a long file is refused once its row passes 1 MiB", async () => {
    const text = `provider,id,label\nretell,pn_1,a\nretell,pn_2,"open\n${"retell,pn_x,abc\n".repeat(100_000)}`;
    await expect(readRows(file("long.csv", text))).rejects.toThrow(
      /the row starting at line 3 is over 1 MiB, most likely from a quote that is never closed/,
    );
  });

  it("a bad header or broken CSV is a usage error", async () => {
    await expect(readRows(file("c.csv", "provider,agent\nretell,a\n"))).rejects.toThrow(/no "id" column/);
    await expect(readRows(file("d.csv", "provider,id,id\n"))).rejects.toThrow(/appears twice/);
    await expect(readRows(file("e.csv", ""))).rejects.toThrow(UsageError);
    await expect(readRows(file("f.csv", 'provider,id,agent\nretell,"+1415,a\n'))).rejects.toThrow(/not valid CSV/);
  });
});

describe("JSONL rows", () => {
  it("reads keys, null and absent keys; rejects empty strings and non-strings", async () => {
    const rows = await readRows(
      file(
        "a.jsonl",
        [
          '{"provider":"retell","id":"+14155550100","agent":"a","outbound_agent":null}',
          "",
          '{"provider":"cald","id":"pn_1","agent":""}',
          '{"provider":"cald","id":7,"agent":"a"}',
          "[1]",
        ].join("\n"),
      ),
    );
    expect(rows[0]).toEqual({
      ok: true,
      row: 1,
      line: 1,
      provider: "retell",
      id: "+14155550100",
      changes: { agentId: "a", outboundAgentId: null },
    });
    expect(rows.slice(1).map((r) => (r.ok ? "ok" : `${r.row}@${r.line}: ${r.reason}`))).toEqual([
      '2@3: agent is "": leave the key out to keep the field, or use null to remove or clear it',
      "3@4: id must be a string",
      "4@5: the line is not a JSON object",
    ]);
  });
});

describe("flag values", () => {
  it("--api-key and --base-url: a value for all, or provider=value", () => {
    const keys = parsePerProvider("api-key", ["k_all=with=equals", "retell=k_retell"]);
    expect(valueFor(keys, "retell")).toBe("k_retell");
    expect(valueFor(keys, "cald")).toBe("k_all=with=equals");
    expect(() => parsePerProvider("base-url", ["retel=http://x"])).toThrow(
      /"retel"=… names no provider; did you mean retell\?/,
    );
    expect(() => parsePerProvider("api-key", ["cald="])).toThrow(UsageError);
  });

  it("Secrets redacts known keys, credential headers and secret fields", () => {
    const secrets = new Secrets({ RETELL_API_KEY: "sk_env_key_123" });
    secrets.add("sk_flag_key_456");
    expect(secrets.text("a sk_env_key_123 b sk_flag_key_456")).toBe("a [redacted] b [redacted]");
    expect(secrets.headers({ Authorization: "Bearer x", "x-trace": "sk_env_key_123" })).toEqual({
      Authorization: "[redacted]",
      "x-trace": "[redacted]",
    });
    expect(
      secrets.value({
        a: [{ sip_trunk_password: "p", twilio_auth_token: "t", auth_password: "q", ok: "sk_flag_key_456!" }],
      }),
    ).toEqual({
      a: [
        {
          sip_trunk_password: "[redacted]",
          twilio_auth_token: "[redacted]",
          auth_password: "[redacted]",
          ok: "[redacted]!",
        },
      ],
    });
  });
});
