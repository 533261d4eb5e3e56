// --verbose (docs/CONTRACT.md#log): every request attempt logged on stderr, redacted; stdout
// untouched, JSON only with --json; PHONEBRIDGE_LOG goes to stderr too. The real binary against
// a local server.
import { afterEach, describe, expect, it } from "vitest";
import { VERSION } from "../src/version.js";
import { cleanEnv, FAKE_KEY, localServer, ok, retellId, run } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const ATTEMPT = /^Retell: PATCH http:\/\/127\.0\.0\.1:\d+\/update-phone-number\/\+14155550000 → (\d{3}) in \d+ ms/;

describe("--verbose", () => {
  it("logs each attempt on stderr, retries included; stdout holds the JSON result only", async () => {
    let calls = 0;
    const s = await localServer((req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: `busy for ${FAKE_KEY}` }));
      } else ok(res, retellId(req.url));
    });
    close = s.close;
    const args = ["update", "retell", "+14155550000", "--agent", "a", "--base-url", s.url, "--json", "--verbose"];
    const result = await run(args, { env: cleanEnv({ RETELL_API_KEY: FAKE_KEY }) });
    expect(result.code).toBe(0);
    const attempts = result.stderr.split("\n").filter((line) => ATTEMPT.test(line));
    expect(attempts.map((line) => ATTEMPT.exec(line)?.[1])).toEqual(["503", "200"]);
    expect(attempts[0]).toMatch(/\(attempt 1 of 3\): HTTP 503: busy for \[redacted\]; retrying in \d+ ms$/);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).toHaveLength(1);
    expect(result.stdout + result.stderr).not.toContain(FAKE_KEY);
    // The requests name the CLI.
    expect(s.requests[0]?.headers["user-agent"]).toBe(`@phonebridge/cli/${VERSION} node/${process.versions.node}`);
  });

  it("without it nothing is logged; PHONEBRIDGE_LOG=info logs the failed attempts, on stderr too", async () => {
    const s = await localServer((_req, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"message":"no such number"}');
    });
    close = s.close;
    const args = ["update", "retell", "+14155550000", "--agent", "a", "--base-url", s.url, "--json"];
    const quiet = await run(args, { env: cleanEnv({ RETELL_API_KEY: FAKE_KEY }) });
    expect(quiet.stderr.split("\n").filter((line) => ATTEMPT.test(line))).toEqual([]);
    const info = await run(args, { env: cleanEnv({ RETELL_API_KEY: FAKE_KEY, PHONEBRIDGE_LOG: "info" }) });
    expect(info.stderr.split("\n").filter((line) => ATTEMPT.test(line))).toHaveLength(1);
    expect(info.stdout).not.toMatch(ATTEMPT);
    expect(() =>
      info.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).not.toThrow();
  });
});
