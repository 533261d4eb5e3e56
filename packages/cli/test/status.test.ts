/**
 * `phonebridge status` (docs/CONTRACT.md#cli-phonebridge): every number of the configured
 * vendors, streamed page after page, progress on stderr; a vendor that cannot list said once and
 * skipped (exit 1 when named by --provider). Through the real binary, against a fake Retell.
 */

import { afterEach, describe, expect, it } from "vitest";
import { cleanEnv, FAKE_KEY, jsonLines, localServer, retellBody, run } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const PAGES = 5;
const PER_PAGE = 300;

/** A Retell listing PAGES pages of PER_PAGE numbers, the page in its pagination key. */
async function retell() {
  const s = await localServer((request, response) => {
    const key = /pagination_key=p(\d+)/.exec(request.url);
    const page = key ? Number(key[1]) : 0;
    const items = Array.from({ length: PER_PAGE }, (_, i) =>
      JSON.parse(retellBody(`+1415${String(page * PER_PAGE + i).padStart(7, "0")}`)),
    );
    const more = page + 1 < PAGES;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ items, has_more: more, ...(more ? { pagination_key: `p${page + 1}` } : {}) }));
  });
  close = s.close;
  return s;
}

const FLAGS = (url: string) => ["--api-key", `retell=${FAKE_KEY}`, "--base-url", `retell=${url}`];

describe("status", () => {
  it("streams every number of every page, with progress on stderr", async () => {
    const s = await retell();
    const result = await run(["status", ...FLAGS(s.url)]);
    expect(result.code).toBe(0);
    expect(s.requests).toHaveLength(PAGES);
    const lines = result.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(PAGES * PER_PAGE);
    expect(lines[0]).toBe("retell  +14150000000  agent=agent_1  outbound=-  label=-");
    expect(result.stderr).toContain("1000 numbers listed");
    expect(result.stderr).toContain(`${PAGES * PER_PAGE} numbers listed from retell`);
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);
  });

  it("--json: one line per number", async () => {
    const s = await retell();
    const result = await run(["status", "--json", "--provider", "retell", ...FLAGS(s.url)]);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(PAGES * PER_PAGE);
    expect(lines[1]).toEqual({
      provider: "retell",
      id: "+14150000001",
      number: "+14150000001",
      agentId: "agent_1",
      outboundAgentId: null,
      label: null,
    });
  });

  it("a vendor that cannot list is said once and skipped; exit 1 only when named", async () => {
    const s = await retell();
    const env = cleanEnv({ VERBEX_API_KEY: FAKE_KEY });
    const keyed = await run(["status", ...FLAGS(s.url)], { env });
    expect(keyed.code).toBe(0);
    expect(keyed.stderr.match(/verbex documents no list/g)).toHaveLength(1);
    const named = await run(["status", "--provider", "retell", "--provider", "verbex", ...FLAGS(s.url)], { env });
    expect(named.code).toBe(1);
    expect(named.stdout.split("\n").filter(Boolean)).toHaveLength(PAGES * PER_PAGE);
    expect(named.stdout + named.stderr).not.toContain(FAKE_KEY);
  });

  it("exit 2 with no vendor configured, an unknown provider or an argument", async () => {
    expect((await run(["status"])).code).toBe(2);
    expect((await run(["status", "--provider", "retel"])).code).toBe(2);
    expect((await run(["status", "retell"])).code).toBe(2);
  });
});
