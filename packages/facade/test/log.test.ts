/**
 * The log (docs/CONTRACT.md#log), searched whole for every secret (docs/CONTRACT.md#secrets): the
 * key, its Bearer header, the passthrough secrets of a call, the vendor's secret response fields,
 * and the key echoed JSON-escaped, through every path a request takes (a result, an error body,
 * a retry, a connection that fails with the key in its reason, an id that holds the key).
 */
import type { Provider } from "@phonebridge/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWithAdapter } from "../src/engine.js";
import { type FaultServer, faults, startFaultServer } from "./fault-server.js";
import { ADAPTERS, failure, IDS, OK_BODY, PROVIDERS, revealed } from "./helpers.js";

const MARK = "PBLOGSECRET";
/** No `/` in it: a key pasted as an id must pass the id rules to reach the URL. */
const KEY = `sk_live_${MARK}+key=0123`;
const PASSTHROUGH: Partial<Record<Provider, Record<string, string>>> = {
  retell: { auth_password: `retell_${MARK}_password` },
  verbex: { sip_trunk_password: `verbex_${MARK}_sip`, twilio_auth_token: `verbex_${MARK}_twilio` },
};
const RESPONSE_SECRETS = { twilio_auth_token: `resp_${MARK}_twilio`, sip_trunk_password: `resp_${MARK}_sip` };
/** The key as a JSON encoder may write it: `\u002B` for `+`, `\u003D` for `=`, a letter `\u`-escaped. */
const ESCAPED_KEY = KEY.replace("+", "\\u002B").replace("=", "\\u003D").replace("l", "\\u006c");

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.script());

describe.each(PROVIDERS)("%s: the log holds no secret", (provider) => {
  const lines: string[] = [];
  const logger = {
    debug: (line: string) => void lines.push(line),
    info: (line: string) => void lines.push(line),
    warn: (line: string) => void lines.push(line),
  };
  const options = PASSTHROUGH[provider] === undefined ? undefined : { vendor: PASSTHROUGH[provider] };
  const phones = (fetch?: typeof globalThis.fetch) =>
    createWithAdapter(
      ADAPTERS[provider],
      { apiKey: KEY, baseUrl: server.url, logLevel: "debug", logger, ...(fetch ? { fetch } : {}) },
      { sleep: async () => {}, random: () => 1 },
    ) as unknown as { update(id: string, changes: unknown, options?: unknown): Promise<unknown> };
  /** A body that echoes every secret of the call, escaped and as property names. */
  const echo = (body: object) => {
    const echoed = { ...body, message: `bad key ${KEY}`, authorization: `Bearer ${KEY}`, ...RESPONSE_SECRETS };
    const text = JSON.stringify({ ...echoed, ...PASSTHROUGH[provider], [KEY]: "as a name" });
    return text.replaceAll(JSON.stringify(KEY).slice(1, -1), ESCAPED_KEY);
  };

  it("through a result, an error after retries, a failed connection and an id that holds the key", async () => {
    lines.length = 0;
    server.script(
      { status: 503, body: echo({}) },
      { status: 200, body: echo(OK_BODY[provider]) },
      { status: 422, body: echo({}) },
    );
    await phones().update(IDS[provider], { agentId: "agent_1" }, options);
    await failure(phones().update(IDS[provider], { agentId: "agent_1" }, options));
    const leaking = (async () => {
      throw new TypeError(`fetch failed for ${ESCAPED_KEY} with Bearer ${KEY}`);
    }) as typeof globalThis.fetch;
    await failure(phones(leaking).update(IDS[provider], { agentId: "agent_1" }, options));
    if (provider !== "retell") {
      // Retell's ids are E.164 numbers: elsewhere a key pasted as the id reaches the URL.
      server.script(faults.json(OK_BODY[provider]));
      await phones().update(KEY, { agentId: "agent_1" }, options);
    }
    // Every attempt logged: 503 then 200, the 422, three failed connections, and the id's 200.
    expect(lines).toHaveLength(provider === "retell" ? 6 : 7);
    const log = lines.join("\n");
    expect(log).toContain("[redacted]");
    for (const secret of [
      KEY,
      `Bearer ${KEY}`,
      ...Object.values(PASSTHROUGH[provider] ?? {}),
      ...Object.values(RESPONSE_SECRETS),
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain(MARK);
    expect(revealed(log)).not.toContain(MARK);
  });
});
