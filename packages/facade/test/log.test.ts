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
/** The passthrough secrets of a call: a value under each secret request field, where the vendor takes a passthrough. */
const passthroughOf = (provider: Provider): Record<string, string> | undefined => {
  const { capabilities, descriptor } = ADAPTERS[provider];
  if (!capabilities.passthrough || descriptor.secrets.request.length === 0) return undefined;
  return Object.fromEntries(descriptor.secrets.request.map((field) => [field, `${provider}_${MARK}_${field}`]));
};
/** Every vendor's secret fields, each with a value a response plants. */
const RESPONSE_SECRETS = Object.fromEntries(
  PROVIDERS.flatMap((provider) => {
    const { request, response } = ADAPTERS[provider].descriptor.secrets;
    return [...request, ...response].map((field) => [field, `resp_${MARK}_${field}`]);
  }),
);
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
  const passthrough = passthroughOf(provider);
  const options = passthrough === undefined ? undefined : { vendor: passthrough };
  const phones = (fetch?: typeof globalThis.fetch) =>
    createWithAdapter(
      ADAPTERS[provider],
      { apiKey: KEY, baseUrl: server.url, logLevel: "debug", logger, ...(fetch ? { fetch } : {}) },
      { sleep: async () => {}, random: () => 1 },
    ) as unknown as {
      update(id: string, changes: unknown, options?: unknown): Promise<unknown>;
      plan(id: string, changes: unknown, options?: unknown): unknown;
    };
  /** A body that echoes every secret of the call, escaped and as property names. */
  const echo = (body: object) => {
    const echoed = { ...body, message: `bad key ${KEY}`, authorization: `Bearer ${KEY}`, ...RESPONSE_SECRETS };
    const text = JSON.stringify({ ...echoed, ...passthrough, [KEY]: "as a name" });
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
    // Where the key passes the vendor's id rules (a vendor may require another shape), a key
    // pasted as the id reaches the URL.
    const keyIsAnId = (() => {
      try {
        phones().plan(KEY, { agentId: "agent_1" }, options);
        return true;
      } catch {
        return false;
      }
    })();
    // Only a vendor with an id rule of its own (its adapter's checkId, the spec's format or pattern) refuses it.
    const idLimits = ADAPTERS[provider].descriptor.limits?.id;
    const ownIdRule =
      ADAPTERS[provider].checkId !== undefined || idLimits?.format !== undefined || idLimits?.pattern !== undefined;
    expect(keyIsAnId).toBe(!ownIdRule);
    if (keyIsAnId) {
      server.script(faults.json(OK_BODY[provider]));
      await phones().update(KEY, { agentId: "agent_1" }, options);
    }
    // Every attempt logged: 503 then 200, the 422, three failed connections, and the id's 200.
    expect(lines).toHaveLength(keyIsAnId ? 7 : 6);
    const log = lines.join("\n");
    expect(log).toContain("[redacted]");
    for (const secret of [
      KEY,
      `Bearer ${KEY}`,
      ...Object.values(passthrough ?? {}),
      ...Object.values(RESPONSE_SECRETS),
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain(MARK);
    expect(revealed(log)).not.toContain(MARK);
  });
});
