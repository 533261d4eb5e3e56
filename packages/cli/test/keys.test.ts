// A key never goes to a vendor it was not meant for, and what a run lacks is said in CLI words,
// for every provider at once (CONTRACT.md, CLI). The real binary against a local server.
import { afterEach, describe, expect, it } from "vitest";
import { cleanEnv, FAKE_KEY, fileWith, localServer, ok, retellId, run } from "./helpers.js";

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

const TWO_VENDORS = "provider,id,agent\nretell,+14155550000,a\ncald,pn_1,a\n";

describe("--api-key and --base-url", () => {
  it.each([
    ["--api-key", `retel=${FAKE_KEY}`, "retell"],
    ["--api-key", `cartesa=${FAKE_KEY}`, "cartesia"],
    ["--base-url", "vebrex=http://127.0.0.1:9", "verbex"],
    ["--api-key", ` retel = ${FAKE_KEY}`, "retell"],
  ])("%s %s is a usage error naming the closest provider; nothing sent", async (flag, value, closest) => {
    const s = await server();
    const file = fileWith("rows.csv", "provider,id,agent\nretell,+14155550000,a\n");
    const result = await run(["apply", file, flag, value, "--base-url", `retell=${s.url}`], {
      env: cleanEnv({ RETELL_API_KEY: "sk_env_key_0001" }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`did you mean ${closest}?`);
    expect(result.stderr).not.toContain(FAKE_KEY);
    expect(s.requests).toHaveLength(0);
  });

  it.each([`cald:${FAKE_KEY}`, `cald ${FAKE_KEY}`, ` CALD: ${FAKE_KEY}`])(
    "--api-key %s, a provider written with the wrong separator, never becomes another provider's key",
    async (value) => {
      const s = await server();
      const file = fileWith("rows.csv", "provider,id,agent\nretell,+14155550000,a\n");
      const result = await run(["apply", file, "--api-key", value, "--base-url", s.url]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("--api-key cald…: write it as --api-key cald=<value>");
      expect(result.stderr).not.toContain(FAKE_KEY);
      expect(s.requests).toHaveLength(0);
    },
  );

  it("a provider prefix in capitals or with spaces counts as the provider", async () => {
    const s = await server();
    const result = await run([
      "update",
      "retell",
      "+14155550000",
      "--agent",
      "a",
      "--api-key",
      ` Retell =${FAKE_KEY}`,
      "--base-url",
      s.url,
    ]);
    expect(result.code).toBe(0);
    expect(s.requests[0]?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
  });

  it("a key without a provider goes to a run of one provider only", async () => {
    const s = await server();
    const two = fileWith("rows.csv", TWO_VENDORS);
    const refused = await run(["apply", two, "--api-key", FAKE_KEY, "--base-url", `retell=${s.url}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--api-key without a provider would go to all 2 providers of this run");
    expect(refused.stderr).toContain("<VENDOR>_API_KEY");
    expect(s.requests).toHaveLength(0);

    const one = fileWith("rows.csv", "provider,id,agent\nretell,+14155550000,a\n");
    const accepted = await run(["apply", one, "--api-key", FAKE_KEY, "--base-url", s.url]);
    expect(accepted.code).toBe(0);
    expect(s.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${FAKE_KEY}`]);
  });

  it("with several providers, keys per provider or from the env vars are accepted", async () => {
    const s = await server();
    const file = fileWith("rows.csv", TWO_VENDORS);
    const result = await run(
      [
        "apply",
        file,
        "--api-key",
        `retell=${FAKE_KEY}`,
        "--base-url",
        `retell=${s.url}`,
        "--base-url",
        `cald=${s.url}`,
      ],
      { env: cleanEnv({ CALD_API_KEY: "cald_env_key_0002" }) },
    );
    expect(result.code).toBe(0);
    expect(s.requests.map((r) => r.headers.authorization).sort()).toEqual([`Bearer ${FAKE_KEY}`, "cald_env_key_0002"]);
  });

  it("a base URL without a provider goes to a run of one provider only (every key would go to one host)", async () => {
    const s = await server();
    const file = fileWith("rows.csv", TWO_VENDORS);
    const result = await run(["apply", file, "--base-url", s.url], {
      env: cleanEnv({ RETELL_API_KEY: "sk_env_key_0001", CALD_API_KEY: "cald_env_key_0002" }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--base-url without a provider would go to all 2 providers");
    expect(s.requests).toHaveLength(0);
  });
});

describe("what a run lacks, in CLI words", () => {
  it("every provider without a key (and Verbex without a base URL) at once; nothing sent", async () => {
    const file = fileWith(
      "rows.csv",
      "provider,id,agent\nretell,+14155550000,a\ncald,pn_1,a\nverbex,pn_2,a\nvogent,pn_3,a\n",
    );
    const result = await run(["apply", file, "--api-key", `vogent=${FAKE_KEY}`]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toBe("phonebridge: providers lack what the run needs (nothing sent):");
    expect(lines.slice(1)).toEqual([
      "  retell: no API key: give --api-key retell=<key> or set RETELL_API_KEY",
      "  cald: no API key: give --api-key cald=<key> or set CALD_API_KEY",
      "  verbex: no base URL (the vendor publishes none): give --base-url verbex=<url> or set VERBEX_BASE_URL",
    ]);
    expect(result.stderr).not.toMatch(/apiKey|baseUrl/);
  });

  it("update names the flag and the env var, never the library's option", async () => {
    const result = await run(["update", "cald", "pn_1", "--agent", "a"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cald: no API key: give --api-key cald=<key> or set CALD_API_KEY");
    expect(result.stderr).not.toMatch(/apiKey/);
  });

  it("a key that cannot be sent names where it came from", async () => {
    const result = await run(["update", "cald", "pn_1", "--agent", "a"], {
      env: cleanEnv({ CALD_API_KEY: "two\nlines" }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cald: the API key from CALD_API_KEY is refused");
    expect(result.stderr).not.toMatch(/apiKey/);
  });
});
