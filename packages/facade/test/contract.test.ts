/**
 * Every vendor × every change against its Prism mock (started once by @phonebridge/testing's
 * globalSetup): the exact request that went out (method, request-target, headers, body, from a
 * recording fetch) and the normalized result. The expected wire bodies are CONTRACT.md's table,
 * written out in each vendor's test data (test/adapters/<vendor>.ts), apart from the adapters.
 */
import { type RecordingProxy, startRecordingProxy } from "@phonebridge/testing";
import { mockUrl } from "@phonebridge/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPhoneNumbers, PhoneBridgeError, type Provider } from "../src/index.js";
import { VERSION as FACADE_VERSION } from "../src/version.js";
import { recordingFetch } from "./helpers.js";
import { ADAPTERS, DATA, PROVIDERS, SCENARIOS, type Scenario } from "./vendors.js";

const KEY = "key_contract_1234";

/** What every request carries (docs/CONTRACT.md#what-every-request-carries): JSON both ways, the facade's User-Agent. */
const JSON_HEADERS = {
  accept: "application/json",
  "content-type": "application/json",
  "user-agent": `@phonebridge/facade/${FACADE_VERSION} node/${process.versions.node}`,
};

/** A recording proxy in front of each mock: what actually reached the server (raw request-target). */
const proxies = {} as Record<Provider, RecordingProxy>;
beforeAll(async () => {
  for (const provider of PROVIDERS) proxies[provider] = await startRecordingProxy(mockUrl(provider));
});
afterAll(async () => {
  await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
});

function client(provider: Provider) {
  const recorder = recordingFetch();
  const base = proxies[provider].url;
  proxies[provider].clear();
  const phones = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: base, fetch: recorder.fetch, maxRetries: 0 });
  return { phones, sent: recorder.sent, base };
}

describe.each(PROVIDERS)("%s on Prism", (provider) => {
  const { prism, wire } = DATA[provider];
  const headers = { ...JSON_HEADERS, ...prism.headers(KEY) };

  it.each(Object.entries(SCENARIOS) as [Scenario, Record<string, string | null>][])("%s", async (scenario, changes) => {
    const { phones, sent, base } = client(provider);
    const expected = wire[scenario];
    const pending = phones.update(prism.id, changes as never);
    if (expected === "unsupported") {
      await expect(pending).rejects.toMatchObject({ code: "unsupported_change", provider, attempts: 0 });
      expect(sent).toHaveLength(0);
      return;
    }
    const result = await pending;
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.method).toBe(prism.method);
    expect(request?.url.slice(base.length)).toBe(prism.target);
    expect(request?.headers).toEqual(headers);
    expect(request?.body).toBe(JSON.stringify(expected));
    // The same request as it reached the server, and the mock (which validates against the spec) took it.
    const reached = proxies[provider].last();
    expect(proxies[provider].requests).toHaveLength(1);
    expect(reached.method).toBe(prism.method);
    expect(reached.target).toBe(prism.target);
    expect(reached.body).toBe(JSON.stringify(expected));
    for (const [name, value] of Object.entries(headers)) expect(reached.headers[name.toLowerCase()]).toBe(value);
    expect(reached.status).toBe(200);
    expect(result).toEqual({ provider, id: prism.id, ...prism.result, raw: expect.any(Object) });
    // Prism answers with the spec's own example, which conforms to it: no drift.
    expect(Object.keys(result)).not.toContain("drift");
  });

  it("empty change: invalid_input, nothing sent", async () => {
    const { phones, sent } = client(provider);
    await expect(phones.update(prism.id, {})).rejects.toMatchObject({
      code: "invalid_input",
      field: "changes",
      attempts: 0,
    });
    await expect(phones.update(prism.id, { agentId: undefined })).rejects.toMatchObject({ code: "invalid_input" });
    expect(sent).toHaveLength(0);
  });

  it("a request Prism refuses surfaces as a PhoneBridgeError with its status", async () => {
    const { phones } = client(provider);
    // Untyped caller sending a wrong-typed passthrough field.
    const { changes, vendor, error: expected } = prism.refused;
    const error = await phones.update(prism.id, changes as never, { vendor: vendor as never }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PhoneBridgeError);
    expect(error).toMatchObject({ provider, ...expected });
    if (expected.code === "validation") expect([400, 422]).toContain((error as PhoneBridgeError).status);
  });

  it("a request that lost its credentials: unauthorized where the spec declares auth, taken where it does not", async () => {
    const { auth } = ADAPTERS[provider].descriptor;
    // Prism checks that credentials are there, not which: a dropped header stands for a wrong key.
    const dropAuth = ((input: RequestInfo | URL, init?: RequestInit) => {
      const sent = { ...(init?.headers as Record<string, string>) };
      delete sent[auth.header];
      return fetch(input, { ...init, headers: sent });
    }) as typeof fetch;
    const phones = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: mockUrl(provider), fetch: dropAuth });
    const outcome = phones.update(prism.id, { agentId: "A" });
    if (auth.declared) await expect(outcome).rejects.toMatchObject({ code: "unauthorized", status: 401, attempts: 1 });
    else await expect(outcome).resolves.toMatchObject({ provider });
  });

  it("without a key: refused before sending where the spec declares auth, no auth header where it does not", async () => {
    const { auth } = ADAPTERS[provider].descriptor;
    const recorder = recordingFetch();
    const create = () =>
      createPhoneNumbers({ provider, apiKey: "", baseUrl: mockUrl(provider), fetch: recorder.fetch } as never);
    if (auth.declared) {
      expect(create).toThrow(expect.objectContaining({ code: "invalid_input", field: "apiKey" }));
      return;
    }
    await create().update(prism.id, { agentId: "A" });
    expect(Object.keys(recorder.sent[0]?.headers ?? {})).not.toContain(auth.header);
  });

  it("raw keeps the vendor's body, its secret response fields redacted", async () => {
    const { phones } = client(provider);
    const result = await phones.update(prism.id, { agentId: "A" });
    const { secrets } = ADAPTERS[provider].descriptor;
    const raw = result.raw as Record<string, unknown>;
    for (const field of secrets.response) if (raw[field] != null) expect(raw[field]).toBe("[redacted]");
    expect(Object.keys(raw).length).toBeGreaterThan(0);
  });
});
