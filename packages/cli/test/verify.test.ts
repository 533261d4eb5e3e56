/**
 * `phonebridge verify <provider>` (docs/CONTRACT.md#cli-phonebridge): every number of the
 * account listed, each drift from the spec reported with its number, path and problem; exit 0
 * clean, 1 drift, 2 usage. Through the real binary, against a local fake Retell of two pages.
 */

import { afterEach, describe, expect, it } from "vitest";
import { FAKE_KEY, jsonLines, localServer, retellBody, run } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/**
 * A Retell listing two pages; `drifting` numbers come back with a timestamp that is no number,
 * and with `pageDrift` the last page says `has_more` as a string (the list still ends there).
 */
async function retell(drifting: string[] = [], pageDrift = false) {
  const item = (id: string) =>
    JSON.parse(retellBody(id, drifting.includes(id) ? { last_modification_timestamp: "yesterday" } : {}));
  const s = await localServer((request, response) => {
    if (!request.url.startsWith("/v2/list-phone-numbers")) {
      response.writeHead(404).end();
      return;
    }
    const second = request.url.includes("pagination_key=");
    const items = second ? [item("+14155550003")] : [item("+14155550001"), item("+14155550002")];
    response.writeHead(200, { "content-type": "application/json" });
    const hasMore = second && pageDrift ? "no" : !second;
    response.end(JSON.stringify({ items, has_more: hasMore, ...(second ? {} : { pagination_key: "page2" }) }));
  });
  close = s.close;
  return s;
}

const FLAGS = (url: string) => ["--api-key", FAKE_KEY, "--base-url", `retell=${url}`, "--max-retries", "0"];

describe("verify", () => {
  it("a clean account: every page read, exit 0", async () => {
    const s = await retell();
    const result = await run(["verify", "retell", ...FLAGS(s.url)]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(s.requests).toHaveLength(2);
    expect(s.requests.every((r) => r.method === "GET")).toBe(true);
    expect(result.stdout).toBe("verify retell: 3 numbers, no drift from the spec\n");
    const json = await run(["verify", "retell", "--json", ...FLAGS(s.url)]);
    expect(jsonLines(json.stdout)).toEqual([
      { provider: "retell", numbers: 3, drifted: 0, pages: 2, pagesDrifted: 0, problems: 0, clean: true },
    ]);
  });

  it("drift: each number, path and problem reported, exit 1, no value or key shown", async () => {
    const s = await retell(["+14155550003"]);
    const result = await run(["verify", "retell", ...FLAGS(s.url)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\+14155550003: last_modification_timestamp: .+$/m);
    expect(result.stdout).toContain("verify retell: 3 numbers, 1 drifting from the spec");
    expect(result.stdout).not.toContain("yesterday");
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);

    const json = await run(["verify", "retell", "--json", ...FLAGS(s.url)]);
    expect(json.code).toBe(1);
    const lines = jsonLines(json.stdout);
    expect(lines[0]).toEqual(
      expect.objectContaining({
        provider: "retell",
        number: "+14155550003",
        drift: [expect.objectContaining({ path: "last_modification_timestamp" })],
      }),
    );
    expect(lines.at(-1)).toEqual({
      provider: "retell",
      numbers: 3,
      drifted: 1,
      pages: 2,
      pagesDrifted: 0,
      problems: 1,
      clean: false,
    });
  });

  it("a page's own field that drifts: the page, path and problem reported, counted, exit 1", async () => {
    const s = await retell([], true);
    const result = await run(["verify", "retell", ...FLAGS(s.url)]);
    expect(result.code).toBe(1);
    expect(s.requests).toHaveLength(2);
    expect(result.stdout).toBe(
      "page 2: has_more: expected boolean, got string\n" +
        "verify retell: 3 numbers, 1 of 2 pages drifting from the spec (1 problem(s) above)\n",
    );
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);

    const json = await run(["verify", "retell", "--json", ...FLAGS(s.url)]);
    expect(json.code).toBe(1);
    expect(jsonLines(json.stdout)).toEqual([
      { provider: "retell", page: 2, drift: [{ path: "has_more", problem: "expected boolean, got string" }] },
      { provider: "retell", numbers: 3, drifted: 0, pages: 2, pagesDrifted: 1, problems: 1, clean: false },
    ]);
  });

  it("a number and a page drifting: both reported and counted", async () => {
    const s = await retell(["+14155550001"], true);
    const result = await run(["verify", "retell", ...FLAGS(s.url)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\+14155550001: last_modification_timestamp: .+$/m);
    expect(result.stdout).toMatch(/^page 2: has_more: .+$/m);
    expect(result.stdout).toContain(
      "verify retell: 3 numbers, 1 drifting from the spec, 1 of 2 pages drifting from the spec (2 problem(s) above)",
    );
    expect(result.stdout).not.toContain('"no"');
  });

  it("a failed list is exit 1, named with the vendor", async () => {
    const s = await localServer((_request, response) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(`{"message":"boom ${FAKE_KEY}"}`);
    });
    close = s.close;
    const result = await run(["verify", "retell", ...FLAGS(s.url)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("retell: the list stopped after 0 numbers: server");
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);
  });

  it("exit 2 for usage: no provider, an unknown one, one that cannot list, no key", async () => {
    const s = await retell();
    expect((await run(["verify"])).code).toBe(2);
    const unknown = await run(["verify", "retel"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("retell");
    const cannot = await run(["verify", "verbex", "--api-key", FAKE_KEY]);
    expect(cannot.code).toBe(2);
    expect(cannot.stderr).toContain("verbex documents no list");
    const keyless = await run(["verify", "retell", "--base-url", `retell=${s.url}`]);
    expect(keyless.code).toBe(2);
    expect(s.requests).toHaveLength(0);
  });

  it("help verify documents the exit codes", async () => {
    const help = await run(["help", "verify"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes: 0 no drift; 1 drift");
  });
});
