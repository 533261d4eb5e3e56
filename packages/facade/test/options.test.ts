/**
 * The facade's client and call options (docs/CONTRACT.md#vendor-packages-phonebridgevendor):
 * `defaultHeaders` and a call's `headers` reach the wire (they were dropped before), a call's
 * `timeoutMs` and `maxRetries` replace the client's, `withResponse` gives the response's
 * metadata, and every request names the facade in its User-Agent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPhoneNumbers } from "../src/index.js";
import { createPhoneNumbers as createRetell } from "../src/retell.js";
import { VERSION } from "../src/version.js";
import { type FaultServer, faults, startFaultServer } from "./fault-server.js";
import { failure, IDS, OK_BODY, recordingFetch } from "./helpers.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.script());

const KEY = "key_options_1234";

describe("headers", () => {
  it("defaultHeaders and a call's headers are sent; the facade's User-Agent unless replaced", async () => {
    server.script(faults.json(OK_BODY.retell));
    const phones = createRetell({ apiKey: KEY, baseUrl: server.url, defaultHeaders: { "x-team": "voice" } });
    await phones.update(IDS.retell, { agentId: "A" }, { headers: { "x-trace": "t1" } });
    await phones.update(IDS.retell, { agentId: "A" }, { headers: { "User-Agent": "my-app/2" } });
    const [first, second] = server.received.map((request) => request.headers);
    expect(first).toMatchObject({
      "x-team": "voice",
      "x-trace": "t1",
      "user-agent": `@phonebridge/facade/${VERSION} node/${process.versions.node}`,
      authorization: `Bearer ${KEY}`,
    });
    expect(second).toMatchObject({ "x-team": "voice", "user-agent": "my-app/2" });
    expect(second).not.toHaveProperty("x-trace");
  });

  it("a header that would replace the key or a required header is refused, nothing sent", async () => {
    const { sent, fetch } = recordingFetch();
    const cartesia = createPhoneNumbers({ provider: "cartesia", apiKey: KEY, baseUrl: server.url, fetch });
    const refused: Record<string, string>[] = [{ Authorization: "Bearer other" }, { "cartesia-version": "2024-01-01" }];
    for (const headers of refused) {
      expect(await failure(cartesia.update(IDS.cartesia, { agentId: "A" }, { headers }))).toMatchObject({
        code: "invalid_input",
        field: "headers",
        attempts: 0,
      });
      expect(() => createPhoneNumbers({ provider: "cartesia", apiKey: KEY, defaultHeaders: headers })).toThrow(
        expect.objectContaining({ code: "invalid_input", field: "headers" }),
      );
    }
    expect(sent).toHaveLength(0);
  });

  it("headers at creation is refused, naming defaultHeaders, rather than taken silently", () => {
    expect(() => createPhoneNumbers({ provider: "cald", apiKey: KEY, headers: { "x-a": "1" } } as never)).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        field: "headers",
        message: expect.stringMatching(/defaultHeaders/),
      }),
    );
  });
});

describe("a call's timeoutMs and maxRetries", () => {
  const sleepless = { sleep: async () => {}, random: () => 1 };

  it("replace the client's for that call only", async () => {
    const phones = createRetell({ apiKey: KEY, baseUrl: server.url, maxRetries: 0, timeoutMs: 10_000 });
    server.script({ status: 503, body: "{}" });
    expect(await failure(phones.update(IDS.retell, { agentId: "A" }))).toMatchObject({ code: "server", attempts: 1 });
    server.script("hang");
    expect(await failure(phones.update(IDS.retell, { agentId: "A" }, { timeoutMs: 30 }))).toMatchObject({
      code: "timeout",
      attempts: 1,
      message: "Retell: no response within 30 ms",
    });
    const { createWithAdapter } = await import("../src/engine.js");
    const { retellAdapter } = await import("../src/adapters/retell.js");
    const retrying = createWithAdapter(retellAdapter, { apiKey: KEY, baseUrl: server.url, maxRetries: 0 }, sleepless);
    server.script({ status: 503, body: "{}" });
    expect(await failure(retrying.update(IDS.retell, { agentId: "A" }, { maxRetries: 2 }))).toMatchObject({
      attempts: 3,
    });
  });
});

describe("withResponse", () => {
  it("resolves with { data, response }: the result, the status, the headers without secrets, the request id", async () => {
    server.script({
      status: 200,
      headers: { "x-request-id": "req_42", "set-cookie": "s=1", "x-echo": KEY },
      body: JSON.stringify(OK_BODY.verbex),
    });
    const phones = createPhoneNumbers({ provider: "verbex", apiKey: KEY, baseUrl: server.url });
    const { data, response } = await phones.update("pn_1", { label: "X" }, { withResponse: true });
    expect(data).toMatchObject({ provider: "verbex", id: "pn_1" });
    expect(response).toMatchObject({ status: 200, requestId: "req_42" });
    expect(response.headers).toMatchObject({ "x-request-id": "req_42", "x-echo": "[redacted]" });
    expect(response.headers).not.toHaveProperty("set-cookie");
  });
});
