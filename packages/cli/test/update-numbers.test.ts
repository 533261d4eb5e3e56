/**
 * `update <provider> <E.164 number>` (docs/CONTRACT.md#cli-phonebridge, ids given as numbers): the
 * number is turned into the vendor's id as the id column of a file is, before anything is sent.
 * Retell's id is the number (nothing looked up); Vogent's list is read, Cartesia searched; Verbex
 * and Cald cannot look a number up. Through the real binary, against local fake vendors.
 */

import { afterEach, describe, expect, it } from "vitest";
import { cleanEnv, FAKE_KEY, jsonLines, localServer, ok, retellId, run } from "./helpers.js";
import { cartesia, closeFakes, closeLater, json, keyed, listReads, vogent, writes } from "./number-vendors.js";

afterEach(closeFakes);

/** A server no request may reach: it records any that does. */
async function untouched() {
  const s = await localServer((_request, response) => json(response, 500, {}));
  closeLater(s.close);
  return s;
}

describe("update with a number as its id", () => {
  it("retell: the number is the id, nothing is looked up", async () => {
    const s = await localServer((request, response) => ok(response, retellId(request.url)));
    closeLater(s.close);
    const result = await run([
      "update",
      "retell",
      "+14155550001",
      "--agent",
      "agent_1",
      "--json",
      ...keyed("retell", s.url),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(s.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["PATCH /update-phone-number/+14155550001"]);
    expect(result.stderr).not.toContain("looking up");
    const [line] = jsonLines(result.stdout);
    expect(line).toEqual(expect.objectContaining({ provider: "retell", id: "+14155550001" }));
    expect(line).not.toHaveProperty("resolvedId");
  });

  it("vogent (no filter by number): its list is read once, then the id found is updated", async () => {
    const s = await vogent();
    const result = await run(["update", "vogent", "+14155550001", "--agent", "agent_new", ...keyed("vogent", s.url)]);
    expect(result.code, result.stderr).toBe(0);
    // The whole list, three pages of two.
    expect(listReads(s)).toHaveLength(3);
    expect(writes(s).map((r) => `${r.method} ${r.url}`)).toEqual(["PUT /phone_numbers/pn_v1"]);
    expect(result.stderr).toContain("looking up +14155550001 on vogent: its list, read once");
    expect(result.stdout).toMatch(/^id\s+\+14155550001 \(id pn_v1\)$/m);
    expect(result.stdout).toMatch(/^agent\s+agent_new$/m);

    const asJson = await run([
      "update",
      "vogent",
      "+14155550001",
      "--agent",
      "agent_new",
      "--json",
      ...keyed("vogent", s.url),
    ]);
    expect(asJson.code, asJson.stderr).toBe(0);
    expect(jsonLines(asJson.stdout)).toEqual([
      expect.objectContaining({
        provider: "vogent",
        id: "+14155550001",
        resolvedId: "pn_v1",
        number: "+14155550001",
        agentId: "agent_new",
      }),
    ]);
  });

  it("cartesia (a search by number): one search, checked for the exact number", async () => {
    const s = await cartesia();
    const result = await run([
      "update",
      "cartesia",
      "+14155550001",
      "--agent",
      "agent_new",
      "--json",
      ...keyed("cartesia", s.url),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const reads = s.requests.filter((r) => r.method === "GET").map((r) => new URL(r.url, "http://x"));
    expect(reads.map((url) => url.searchParams.get("q"))).toEqual(["+14155550001"]);
    // +141555500019 matches the fuzzy search too: only the exact number counts.
    expect(writes(s).map((r) => `${r.method} ${r.url}`)).toEqual(["PATCH /agents/phone-numbers/pn_c1"]);
    expect(result.stderr).toContain("looking up +14155550001 on cartesia: one search each");
    expect(jsonLines(result.stdout)).toEqual([
      expect.objectContaining({ provider: "cartesia", id: "+14155550001", resolvedId: "pn_c1", agentId: "agent_new" }),
    ]);
  });

  it.each(["verbex", "cald"])(
    "%s (no list documented): a bad-input error naming the vendor, nothing sent, exit 2",
    async (provider) => {
      const s = await untouched();
      for (const extra of [[], ["--dry-run"]]) {
        const result = await run([
          "update",
          provider,
          "+14155550001",
          "--agent",
          "a",
          "--json",
          ...keyed(provider, s.url),
          ...extra,
        ]);
        expect(result.code, result.stderr).toBe(2);
        const message = `the id +14155550001 is a phone number, and ${provider} cannot look a number up (it documents no list of numbers): give its id`;
        expect(result.stderr).toContain(`phonebridge: invalid_input: ${message}`);
        expect(jsonLines(result.stdout)).toEqual([
          { provider, id: "+14155550001", error: { code: "invalid_input", field: "id", message } },
        ]);
      }
      expect(s.requests).toHaveLength(0);
    },
  );

  it("a number the vendor does not hold: not_found, exit 1, nothing sent", async () => {
    const v = await vogent();
    const c = await cartesia();
    for (const [provider, s, how] of [
      ["vogent", v, "in its list"],
      ["cartesia", c, "by its search"],
    ] as const) {
      const result = await run([
        "update",
        provider,
        "+14155550099",
        "--agent",
        "a",
        "--json",
        ...keyed(provider, s.url),
      ]);
      expect(result.code, result.stderr).toBe(1);
      const message = `${provider} has no number +14155550099 (looked up ${how}): check the number, or give its id`;
      expect(result.stderr).toContain(`phonebridge: not_found: ${message}`);
      expect(jsonLines(result.stdout)).toEqual([
        { provider, id: "+14155550099", error: { code: "not_found", field: "id", message } },
      ]);
      expect(writes(s)).toHaveLength(0);
    }
  });

  it("a number the vendor holds twice: both ids named, never a guess, exit 2, nothing sent", async () => {
    const v = await vogent();
    const listed = await run(["update", "vogent", "+14155550003", "--agent", "a", "--json", ...keyed("vogent", v.url)]);
    expect(listed.code, listed.stderr).toBe(2);
    expect(listed.stderr).toContain(
      'phonebridge: invalid_input: vogent has more than one number +14155550003 (ids "pn_v3a", "pn_v3b"): which one is meant is unknown; give its id',
    );
    expect(jsonLines(listed.stdout)).toEqual([
      {
        provider: "vogent",
        id: "+14155550003",
        error: expect.objectContaining({ code: "invalid_input", field: "id" }),
      },
    ]);
    expect(writes(v)).toHaveLength(0);

    const c = await cartesia();
    const searched = await run(["update", "cartesia", "+14155550009", "--agent", "a", ...keyed("cartesia", c.url)]);
    expect(searched.code, searched.stderr).toBe(2);
    expect(searched.stderr).toMatch(/cartesia has more than one number \+14155550009 \(.*"pn_c9a".*"pn_c9b"/);
    expect(writes(c)).toHaveLength(0);
  });

  it("a lookup that fails (401, or a 5xx after the retries): exit 1, nothing sent, never taken as unknown", async () => {
    const denied = await vogent({ failList: 401 });
    const result = await run([
      "update",
      "vogent",
      "+14155550001",
      "--agent",
      "a",
      "--json",
      ...keyed("vogent", denied.url),
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      "phonebridge: unauthorized: cannot look up +14155550001 (unauthorized: Vogent: HTTP 401",
    );
    expect(result.stderr).toContain("never taken as unknown: nothing sent");
    expect(jsonLines(result.stdout)).toEqual([
      { provider: "vogent", id: "+14155550001", error: expect.objectContaining({ code: "unauthorized" }) },
    ]);
    expect(writes(denied)).toHaveLength(0);
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);

    const down = await vogent({ failList: 503 });
    const retried = await run([
      "update",
      "vogent",
      "+14155550001",
      "--agent",
      "a",
      ...keyed("vogent", down.url),
      "--max-retries",
      "1",
    ]);
    expect(retried.code, retried.stderr).toBe(1);
    expect(retried.stderr).toContain("phonebridge: server: cannot look up +14155550001 (server: Vogent: HTTP 503");
    expect(listReads(down)).toHaveLength(2);
    expect(writes(down)).toHaveLength(0);
  });

  it("an update that fails after the lookup: its error line keeps both ids", async () => {
    const s = await vogent({ failUpdate: "pn_v1" });
    const result = await run(["update", "vogent", "+14155550001", "--agent", "a", "--json", ...keyed("vogent", s.url)]);
    expect(result.code, result.stderr).toBe(1);
    expect(jsonLines(result.stdout)).toEqual([
      {
        provider: "vogent",
        id: "+14155550001",
        resolvedId: "pn_v1",
        error: expect.objectContaining({ code: "server", status: 500 }),
      },
    ]);
  });
});

describe("update --dry-run with a number as its id", () => {
  it("looks nothing up and needs no key: <id of +1…> where the id goes, said to be looked up at run time", async () => {
    const s = await vogent();
    const base = ["update", "vogent", "+14155550001", "--agent", "a", "--dry-run", "--base-url", `vogent=${s.url}`];
    const text = await run(base, { env: cleanEnv() });
    // No key: the real update could not start (exit 2), the request is shown all the same.
    expect(text.code, text.stderr).toBe(2);
    expect(text.stdout).toContain("+14155550001: its id is looked up on vogent at run time");
    expect(text.stdout).toContain(`PUT ${s.url}/phone_numbers/<id of +14155550001>`);
    expect(text.stderr).toContain("vogent: no API key");

    const keyedRun = await run([...base, "--api-key", `vogent=${FAKE_KEY}`, "--json"], { env: cleanEnv() });
    expect(keyedRun.code, keyedRun.stderr).toBe(0);
    expect(jsonLines(keyedRun.stdout)).toEqual([
      {
        provider: "vogent",
        id: "+14155550001",
        resolvedId: null,
        request: expect.objectContaining({ method: "PUT", url: `${s.url}/phone_numbers/<id of +14155550001>` }),
        canStart: true,
        problems: [],
      },
    ]);
    expect(keyedRun.stdout + keyedRun.stderr).not.toContain(FAKE_KEY);
    expect(s.requests).toHaveLength(0);
  });
});

describe("update --help", () => {
  it("says, per vendor from the capability matrix, how a number given as the id is looked up", async () => {
    const help = (await run(["update", "--help"])).stdout.replace(/\s+/g, " ");
    expect(help).toContain("<id> may be the E.164 number instead of the id");
    expect(help).toContain("cartesia: a search;");
    expect(help).toContain("vogent: the list read once;");
    expect(help).toContain("retell: the id is the number");
    expect(help).toContain("cald and verbex: cannot look a number up");
  });
});
