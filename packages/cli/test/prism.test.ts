import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROVIDERS } from "@phonebridge/core";
import { capabilities } from "@phonebridge/facade";
import { mockUrls } from "@phonebridge/testing/vitest";
import { describe, expect, it } from "vitest";
import { EXAMPLE_IDS } from "../src/generated/providers.js";
import { cleanEnv, FAKE_KEY, readResults, run, tempDir } from "./helpers.js";

// Against the Prism mocks the test run started (globalSetup), through the base-URL overrides.
const urls = mockUrls();
const baseUrls = Object.entries(urls).flatMap(([provider, url]) => ["--base-url", `${provider}=${url}`]);
/** The fake key for every provider, one `provider=key` each (a key without one goes to one provider only). */
const apiKeys = Object.keys(urls).flatMap((provider) => ["--api-key", `${provider}=${FAKE_KEY}`]);

describe("update against the Prism mocks", () => {
  /** Every vendor, with every change it takes (its capability row) and an id of its (its vendor.yaml's). */
  const cases: [string, string, string[]][] = PROVIDERS.map((provider) => {
    const { agentId, label, outboundAgentId } = capabilities[provider];
    const flags = [
      ...(agentId.set !== "unsupported"
        ? ["--agent", "agent_1"]
        : agentId.clear !== "unsupported"
          ? ["--unassign"]
          : []),
      ...(label.set !== "unsupported"
        ? ["--label", "Front desk"]
        : label.clear !== "unsupported"
          ? ["--clear-label"]
          : []),
      ...(outboundAgentId.clear !== "unsupported"
        ? ["--unassign-outbound"]
        : outboundAgentId.set !== "unsupported"
          ? ["--outbound-agent", "agent_2"]
          : []),
    ];
    return [provider, EXAMPLE_IDS[provider], flags];
  });

  it.each(cases)("%s: prints the normalized result as a table", async (provider, id, flags) => {
    const result = await run(["update", provider, id, ...flags, "--api-key", FAKE_KEY, ...baseUrls]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines.map((line) => line.split(/\s{2,}/)[0])).toEqual([
      "provider",
      "id",
      "number",
      "label",
      "agent",
      "outbound agent",
    ]);
    expect(lines[0]).toMatch(new RegExp(`^provider\\s+${provider}$`));
    expect(lines[1]).toContain(id);
    expect(result.stdout).not.toContain(FAKE_KEY);
  });

  it("--json prints the result with the vendor's redacted body", async () => {
    const result = await run([
      "update",
      "retell",
      "+14157774444",
      "--agent",
      "agent_1",
      "--json",
      "--api-key",
      FAKE_KEY,
      ...baseUrls,
    ]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ provider: "retell", id: "+14157774444", number: "+14157774444" });
    expect(Object.keys(parsed).sort()).toEqual([
      "agentId",
      "id",
      "label",
      "number",
      "outboundAgentId",
      "provider",
      "raw",
    ]);
  });

  it("takes the key and the base URL from the vendor env vars", async () => {
    const env = cleanEnv({ CALD_API_KEY: FAKE_KEY, CALD_BASE_URL: urls.cald as string });
    const result = await run(["update", "cald", "pn_1", "--agent", "agent_1", "--json"], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ provider: "cald", id: "pn_1" });
  });

  it("a vendor's validation error is exit 1 with the error code", async () => {
    // Prism validates bodies against the spec: a wrong-typed passthrough field is refused.
    const result = await run([
      "update",
      "verbex",
      "pn_1",
      "--vendor-json",
      '{"friendly_name":5}',
      "--json",
      "--api-key",
      FAKE_KEY,
      ...baseUrls,
    ]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { error: { code: string; status: number } };
    expect(parsed.error.code).toBe("validation");
    expect(parsed.error.status).toBe(422);
    expect(result.stderr).toMatch(/^phonebridge: validation: Verbex: HTTP 422/);
  });

  it("an unsupported change is refused before sending (exit 2)", async () => {
    const result = await run(["update", "cald", "pn_1", "--label", "x", "--api-key", FAKE_KEY, ...baseUrls]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unsupported_change");
    expect(result.stdout).toBe("");
  });

  it("a missing key is a usage error naming the env var", async () => {
    const result = await run(["update", "cald", "pn_1", "--agent", "a", ...baseUrls]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("CALD_API_KEY");
  });
});

describe("apply against the Prism mocks", () => {
  it("applies a CSV across every vendor and writes one ok line per row", async () => {
    const dir = tempDir();
    const file = join(dir, "numbers.csv");
    writeFileSync(
      file,
      ["provider,id,agent,label,outbound_agent", ...PROVIDERS.map((p) => `${p},${EXAMPLE_IDS[p]},agent_1,,`)].join(
        "\n",
      ),
    );
    const result = await run(["apply", file, "--json", ...apiKeys, ...baseUrls]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    const n = PROVIDERS.length;
    expect(summary).toMatchObject({ rows: n, ok: n, failed: 0, bad: 0, results: `${file}.results.jsonl` });
    const lines = readResults(`${file}.results.jsonl`);
    expect(lines.map((line) => [line.row, line.provider, line.ok]).sort()).toEqual(
      PROVIDERS.map((provider, i) => [i + 1, provider, true]).sort(),
    );
    for (const line of lines)
      expect(Object.keys(line.result ?? {}).sort()).toEqual([
        "agentId",
        "id",
        "label",
        "number",
        "outboundAgentId",
        "provider",
      ]);
  });

  it("reports bad JSONL rows by number and reason and still applies the good ones", async () => {
    const dir = tempDir();
    const file = join(dir, "numbers.jsonl");
    writeFileSync(
      file,
      [
        '{"provider":"retell","id":"+14157774444","agent":"agent_1"}',
        '{"provider":"cald","id":"pn_1","label":"Night"}',
        "",
        '{"provider":"vogent","id":"pn_1"}',
        "{not json",
        '{"provider":"acme","id":"x","agent":"a"}',
        '{"provider":"retell","id":"4157774444","agent":"agent_1"}',
        '{"provider":"cartesia","id":"pn_1","label":null}',
        '{"provider":"verbex","id":"pn_1","agent":null,"colour":"red"}',
        '{"provider":"cald","id":"pn_2","agent":null}',
      ].join("\n"),
    );
    const result = await run(["apply", file, ...apiKeys, ...baseUrls]);
    expect(result.code).toBe(1);
    const lines = readResults(`${file}.results.jsonl`);
    const byRow = new Map(lines.map((line) => [line.row, line]));
    expect(lines).toHaveLength(9);
    expect(byRow.get(1)?.ok).toBe(true);
    expect(byRow.get(2)?.error?.code).toBe("unsupported_change");
    expect(byRow.get(3)?.error?.message).toContain("changes nothing");
    expect(byRow.get(4)?.error?.message).toContain("not valid JSON");
    expect(byRow.get(5)?.error?.message).toContain('unknown provider "acme"');
    expect(byRow.get(6)?.error?.code).toBe("invalid_input");
    expect(byRow.get(7)?.error?.code).toBe("unsupported_change");
    expect(byRow.get(8)?.error?.message).toContain('unknown key "colour"');
    expect(byRow.get(9)?.ok).toBe(true);
    for (const row of [2, 3, 4, 5, 6, 7, 8]) expect(result.stderr).toMatch(new RegExp(`^row ${row}\\b.*bad row`, "m"));
    expect(result.stdout).toMatch(/2 ok, 0 failed, 7 bad/);
  });
});
