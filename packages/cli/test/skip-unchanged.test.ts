/**
 * `apply --skip-unchanged` (docs/CONTRACT.md#cli-phonebridge): each number read first, a row
 * already in the desired state not sent but given an ok line (`skipped: "unchanged"`) that
 * `--resume` honours, and counted in the summary. Through the real binary, against a fake Retell.
 */

import { afterEach, describe, expect, it } from "vitest";
import { FAKE_KEY, fileWith, jsonLines, localServer, readResults, retellBody, run, tempDir } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A Retell holding agent_1 on 0001 and agent_old on 0002; updates fail while `failing` holds. */
async function retell(failing: Set<string>) {
  const held: Record<string, string> = { "+14155550001": "agent_1", "+14155550002": "agent_old" };
  const s = await localServer((request, response) => {
    const id = decodeURIComponent(request.url.replace(/^\/(get|update)-phone-number\//, ""));
    if (request.url.startsWith("/update-phone-number/") && failing.has(id)) {
      response.writeHead(500, { "content-type": "application/json" });
      response.end('{"message":"internal error"}');
      return;
    }
    const agent = held[id] as string;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(retellBody(id, { inbound_agents: [{ agent_id: agent, weight: 1 }] }));
  });
  close = s.close;
  return s;
}

const FLAGS = (url: string) => ["--api-key", `retell=${FAKE_KEY}`, "--base-url", `retell=${url}`, "--max-retries", "0"];
const paths = (s: { requests: { url: string }[] }) => s.requests.map((r) => r.url.replace(/%2B/gi, "+")).sort();

describe("apply --skip-unchanged", () => {
  it("reads each number, sends only the rows that change; --resume reads skipped rows no more", async () => {
    const failing = new Set(["+14155550002"]);
    const s = await retell(failing);
    const dir = tempDir();
    const input = fileWith(
      "rows.csv",
      "provider,id,agent\nretell,+14155550001,agent_1\nretell,+14155550002,agent_new\n",
      dir,
    );

    const first = await run(["apply", input, "--skip-unchanged", "--json", ...FLAGS(s.url)]);
    expect(first.code).toBe(1);
    expect(paths(s)).toEqual([
      "/get-phone-number/+14155550001",
      "/get-phone-number/+14155550002",
      "/update-phone-number/+14155550002",
    ]);
    const results = readResults(`${input}.results.jsonl`);
    expect(results.find((line) => line.row === 1)).toEqual(
      expect.objectContaining({
        ok: true,
        skipped: "unchanged",
        result: expect.objectContaining({ agentId: "agent_1" }),
      }),
    );
    expect(jsonLines(first.stdout).at(-1)).toEqual(expect.objectContaining({ ok: 1, unchanged: 1, failed: 1 }));

    failing.clear();
    s.requests.length = 0;
    const resumed = await run(["apply", input, "--skip-unchanged", "--resume", ...FLAGS(s.url)]);
    expect(resumed.code).toBe(0);
    expect(paths(s)).toEqual(["/get-phone-number/+14155550002", "/update-phone-number/+14155550002"]);
    expect(resumed.stdout).toContain("1 already done");
  });

  it("summary counts the unchanged rows; exit 0", async () => {
    const s = await retell(new Set());
    const input = fileWith("rows.csv", "provider,id,agent\nretell,+14155550001,agent_1\n");
    const result = await run(["apply", input, "--skip-unchanged", ...FLAGS(s.url)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 ok (1 unchanged, not sent)");
    expect(s.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("a vendor that cannot read a number is a usage error naming it, nothing sent", async () => {
    const s = await retell(new Set());
    const input = fileWith("rows.csv", "provider,id,agent\nretell,+14155550001,agent_1\nverbex,pn_1,agent_1\n");
    const result = await run([
      "apply",
      input,
      "--skip-unchanged",
      ...FLAGS(s.url),
      "--api-key",
      `verbex=${FAKE_KEY}`,
      "--base-url",
      `verbex=${s.url}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("verbex documents no read of a number");
    expect(s.requests).toHaveLength(0);
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);
  });
});
