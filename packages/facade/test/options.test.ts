/**
 * The facade's client and call options (docs/CONTRACT.md#vendor-packages-phonebridgevendor), for
 * every vendor of the registry: `defaultHeaders` and a call's `headers` reach the wire (they were
 * dropped before), a call's `timeoutMs` and `maxRetries` replace the client's, `withResponse`
 * gives the response's metadata, and every request names the facade in its User-Agent.
 */
import { providerTitle } from "@phonebridge/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWithAdapter } from "../src/engine.js";
import { createPhoneNumbers } from "../src/index.js";
import { VERSION } from "../src/version.js";
import { type FaultServer, faults, startFaultServer } from "./fault-server.js";
import { ADAPTERS, failure, IDS, OK_BODY, oneChange, PROVIDERS, recordingFetch } from "./helpers.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.script());

const KEY = "key_options_1234";

describe.each(PROVIDERS)("%s: headers", (provider) => {
  const { auth, headers: required } = ADAPTERS[provider].descriptor;
  const [changes] = oneChange(provider);

  it("defaultHeaders and a call's headers are sent; the facade's User-Agent unless replaced", async () => {
    server.script(faults.json(OK_BODY[provider]));
    const phones = createPhoneNumbers({
      provider,
      apiKey: KEY,
      baseUrl: server.url,
      defaultHeaders: { "x-team": "voice" },
    });
    await phones.update(IDS[provider], changes, { headers: { "x-trace": "t1" } });
    await phones.update(IDS[provider], changes, { headers: { "User-Agent": "my-app/2" } });
    const [first, second] = server.received.map((request) => request.headers);
    expect(first).toMatchObject({
      "x-team": "voice",
      "x-trace": "t1",
      "user-agent": `@phonebridge/facade/${VERSION} node/${process.versions.node}`,
      [auth.header.toLowerCase()]: auth.scheme === "bearer" ? `Bearer ${KEY}` : KEY,
    });
    expect(second).toMatchObject({ "x-team": "voice", "user-agent": "my-app/2" });
    expect(second).not.toHaveProperty("x-trace");
  });

  it("a header that would replace the key or a required header is refused, nothing sent", async () => {
    const { sent, fetch } = recordingFetch();
    const phones = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: server.url, fetch });
    // The auth header in another case, and each constant header the spec requires with another value.
    const refused: Record<string, string>[] = [
      { [auth.header.toUpperCase()]: "Bearer other" },
      ...Object.keys(required).map((name) => ({ [name.toLowerCase()]: "other" })),
    ];
    for (const headers of refused) {
      expect(await failure(phones.update(IDS[provider], changes, { headers }))).toMatchObject({
        code: "invalid_input",
        field: "headers",
        attempts: 0,
      });
      expect(() => createPhoneNumbers({ provider, apiKey: KEY, baseUrl: server.url, defaultHeaders: headers })).toThrow(
        expect.objectContaining({ code: "invalid_input", field: "headers" }),
      );
    }
    expect(sent).toHaveLength(0);
  });

  it("headers at creation is refused, naming defaultHeaders, rather than taken silently", () => {
    expect(() =>
      createPhoneNumbers({ provider, apiKey: KEY, baseUrl: server.url, headers: { "x-a": "1" } } as never),
    ).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        field: "headers",
        message: expect.stringMatching(/defaultHeaders/),
      }),
    );
  });
});

describe.each(PROVIDERS)("%s: a call's timeoutMs and maxRetries", (provider) => {
  const sleepless = { sleep: async () => {}, random: () => 1 };
  const [changes] = oneChange(provider);

  it("replace the client's for that call only", async () => {
    const phones = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: server.url, maxRetries: 0, timeoutMs: 10_000 });
    server.script({ status: 503, body: "{}" });
    expect(await failure(phones.update(IDS[provider], changes))).toMatchObject({ code: "server", attempts: 1 });
    server.script("hang");
    expect(await failure(phones.update(IDS[provider], changes, { timeoutMs: 30 }))).toMatchObject({
      code: "timeout",
      attempts: 1,
      message: `${providerTitle(provider)}: no response within 30 ms`,
    });
    const retrying = createWithAdapter(
      ADAPTERS[provider],
      { apiKey: KEY, baseUrl: server.url, maxRetries: 0 },
      sleepless,
    );
    server.script({ status: 503, body: "{}" });
    expect(await failure(retrying.update(IDS[provider], changes, { maxRetries: 2 }))).toMatchObject({
      attempts: 3,
    });
  });
});

describe.each(PROVIDERS)("%s: withResponse", (provider) => {
  it("resolves with { data, response }: the result, the status, the headers without secrets, the request id", async () => {
    server.script({
      status: 200,
      headers: { "x-request-id": "req_42", "set-cookie": "s=1", "x-echo": KEY },
      body: JSON.stringify(OK_BODY[provider]),
    });
    const phones = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: server.url });
    const { data, response } = await phones.update(IDS[provider], oneChange(provider)[0], { withResponse: true });
    expect(data).toMatchObject({ provider, id: IDS[provider] });
    expect(response).toMatchObject({ status: 200, requestId: "req_42" });
    expect(response.headers).toMatchObject({ "x-request-id": "req_42", "x-echo": "[redacted]" });
    expect(response.headers).not.toHaveProperty("set-cookie");
  });
});
