/**
 * Every vendor × every change against its Prism mock (started once by @phonebridge/testing's
 * globalSetup): the exact request that went out (method, request-target, headers, body, from a
 * recording fetch) and the normalized result. The expected wire bodies are CONTRACT.md's table,
 * written out here independently of the adapters.
 */
import { type RecordingProxy, startRecordingProxy } from "@phonebridge/testing";
import { mockUrl } from "@phonebridge/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPhoneNumbers, PhoneBridgeError, type Provider } from "../src/index.js";
import { VERSION as FACADE_VERSION } from "../src/version.js";
import { recordingFetch } from "./helpers.js";

const KEY = "key_contract_1234";

interface Vendor {
  id: string;
  method: string;
  target: string;
  headers: Record<string, string>;
  /** What Prism's static mock answers, normalized. */
  result: { number: string | null; label: string | null; agentId: string | null; outboundAgentId: string | null };
}

/** What every request carries (docs/CONTRACT.md#what-every-request-carries): JSON both ways, the facade's User-Agent. */
const JSON_HEADERS = {
  accept: "application/json",
  "content-type": "application/json",
  "user-agent": `@phonebridge/facade/${FACADE_VERSION} node/${process.versions.node}`,
};

const VENDORS: Record<Provider, Vendor> = {
  retell: {
    id: "+14157774444",
    method: "PATCH",
    target: "/update-phone-number/+14157774444",
    headers: { ...JSON_HEADERS, Authorization: `Bearer ${KEY}` },
    result: {
      number: "+14157774444",
      label: "Frontdesk Number",
      agentId: "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
      outboundAgentId: "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
    },
  },
  cartesia: {
    id: "pn_01HXYZ",
    method: "PATCH",
    target: "/agents/phone-numbers/pn_01HXYZ",
    headers: { ...JSON_HEADERS, "Cartesia-Version": "2026-03-01", Authorization: `Bearer ${KEY}` },
    result: { number: "string", label: "string", agentId: "string", outboundAgentId: null },
  },
  verbex: {
    id: "665f1c2e9b",
    method: "PATCH",
    target: "/v1/phone-numbers/665f1c2e9b",
    headers: { ...JSON_HEADERS, Authorization: `Bearer ${KEY}` },
    result: { number: "string", label: "string", agentId: "string", outboundAgentId: "string" },
  },
  vogent: {
    id: "pn_42",
    method: "PUT",
    target: "/phone_numbers/pn_42",
    headers: { ...JSON_HEADERS, Authorization: `Bearer ${KEY}` },
    result: { number: "+18001234567", label: null, agentId: "string", outboundAgentId: null },
  },
  cald: {
    id: "pn_7",
    method: "PATCH",
    target: "/phonenumbers/pn_7",
    headers: { ...JSON_HEADERS, Authorization: KEY },
    result: { number: "string", label: null, agentId: "string", outboundAgentId: null },
  },
};

type Wire = Record<string, unknown> | "unsupported";

/** CONTRACT.md, "Facade: update": what goes on the wire for each change. */
const SCENARIOS: Array<[name: string, changes: Record<string, string | null>, wire: Record<Provider, Wire>]> = [
  [
    "assign",
    { agentId: "A" },
    {
      cald: { agentId: "A" },
      cartesia: { agent_id: "A" },
      verbex: { inbound_agent_id: "A" },
      vogent: { agentId: "A" },
      retell: { inbound_agents: [{ agent_id: "A", weight: 1 }] },
    },
  ],
  [
    "remove",
    { agentId: null },
    {
      cald: {},
      cartesia: { agent_id: null },
      verbex: { inbound_agent_id: null },
      vogent: { agentId: "" },
      retell: { inbound_agents: null },
    },
  ],
  [
    "set label",
    { label: "X" },
    {
      cald: "unsupported",
      cartesia: { label: "X" },
      verbex: { friendly_name: "X" },
      vogent: "unsupported",
      retell: { nickname: "X" },
    },
  ],
  [
    "clear label",
    { label: null },
    {
      cald: "unsupported",
      cartesia: "unsupported",
      verbex: { friendly_name: null },
      vogent: "unsupported",
      retell: { nickname: null },
    },
  ],
  [
    "outbound assign",
    { outboundAgentId: "B" },
    {
      cald: "unsupported",
      cartesia: "unsupported",
      verbex: { outbound_agent_id: "B" },
      vogent: "unsupported",
      retell: { outbound_agents: [{ agent_id: "B", weight: 1 }] },
    },
  ],
  [
    "outbound remove",
    { outboundAgentId: null },
    {
      cald: "unsupported",
      cartesia: "unsupported",
      verbex: { outbound_agent_id: null },
      vogent: "unsupported",
      retell: { outbound_agents: null },
    },
  ],
  [
    "several changes merge into one body",
    { agentId: "A", label: "X", outboundAgentId: null },
    {
      cald: "unsupported",
      cartesia: "unsupported",
      verbex: { inbound_agent_id: "A", friendly_name: "X", outbound_agent_id: null },
      vogent: "unsupported",
      retell: { inbound_agents: [{ agent_id: "A", weight: 1 }], nickname: "X", outbound_agents: null },
    },
  ],
];

/** A recording proxy in front of each mock: what actually reached the server (raw request-target). */
const proxies = {} as Record<Provider, RecordingProxy>;
beforeAll(async () => {
  for (const provider of Object.keys(VENDORS) as Provider[])
    proxies[provider] = await startRecordingProxy(mockUrl(provider));
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

describe.each(Object.keys(VENDORS) as Provider[])("%s on Prism", (provider) => {
  const vendor = VENDORS[provider];

  it.each(SCENARIOS)("%s", async (_name, changes, wire) => {
    const { phones, sent, base } = client(provider);
    const expected = wire[provider];
    const pending = phones.update(vendor.id, changes as never);
    if (expected === "unsupported") {
      await expect(pending).rejects.toMatchObject({ code: "unsupported_change", provider, attempts: 0 });
      expect(sent).toHaveLength(0);
      return;
    }
    const result = await pending;
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.method).toBe(vendor.method);
    expect(request?.url.slice(base.length)).toBe(vendor.target);
    expect(request?.headers).toEqual(vendor.headers);
    expect(request?.body).toBe(JSON.stringify(expected));
    // The same request as it reached the server, and the mock (which validates against the spec) took it.
    const reached = proxies[provider].last();
    expect(proxies[provider].requests).toHaveLength(1);
    expect(reached.method).toBe(vendor.method);
    expect(reached.target).toBe(vendor.target);
    expect(reached.body).toBe(JSON.stringify(expected));
    for (const [name, value] of Object.entries(vendor.headers)) expect(reached.headers[name.toLowerCase()]).toBe(value);
    expect(reached.status).toBe(200);
    expect(result).toEqual({ provider, id: vendor.id, ...vendor.result, raw: expect.any(Object) });
  });

  it("empty change: invalid_input, nothing sent", async () => {
    const { phones, sent } = client(provider);
    await expect(phones.update(vendor.id, {})).rejects.toMatchObject({
      code: "invalid_input",
      field: "changes",
      attempts: 0,
    });
    await expect(phones.update(vendor.id, { agentId: undefined })).rejects.toMatchObject({ code: "invalid_input" });
    expect(sent).toHaveLength(0);
  });

  it("a request Prism refuses surfaces as a PhoneBridgeError with its status", async () => {
    const { phones } = client(provider);
    // Untyped caller sending a wrong-typed passthrough field (Cald refuses passthrough locally).
    const vendorField: Record<Provider, Record<string, unknown>> = {
      retell: { nickname: 5 },
      cartesia: { provider: "not-an-object" },
      verbex: { friendly_name: 5 },
      vogent: { agentId: 5 },
      cald: { agentId: 5 },
    };
    const error = await phones
      .update(vendor.id, provider === "vogent" ? {} : ({ agentId: "A" } as never), {
        vendor: vendorField[provider] as never,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(PhoneBridgeError);
    if (provider === "cald") {
      expect(error).toMatchObject({ code: "invalid_input", attempts: 0 });
    } else if (provider === "retell") {
      // Prism answers Retell's 422 with the spec's example message, "Cannot find requested asset
      // under given api key.", which the facade reads as not_found (CONTRACT.md, †).
      expect(error).toMatchObject({ code: "not_found", status: 422, provider, attempts: 1 });
    } else {
      expect(error).toMatchObject({ code: "validation", provider, attempts: 1 });
      expect([400, 422]).toContain((error as PhoneBridgeError).status);
    }
  });
});

describe("Prism specifics", () => {
  it("Retell's raw keeps the vendor body; Verbex's hides secrets", async () => {
    const retell = client("retell");
    const result = await retell.phones.update(VENDORS.retell.id, { label: "X" });
    expect((result.raw as { phone_number_type?: string }).phone_number_type).toBe("retell-twilio");
    const verbex = client("verbex");
    const verbexResult = await verbex.phones.update(VENDORS.verbex.id, { label: "X" });
    expect(verbexResult.raw).toMatchObject({ sip_trunk_password: "[redacted]" });
  });

  it("Verbex without a key sends no Authorization header", async () => {
    const recorder = recordingFetch();
    const phones = createPhoneNumbers({
      provider: "verbex",
      apiKey: "",
      baseUrl: mockUrl("verbex"),
      fetch: recorder.fetch,
    });
    await phones.update(VENDORS.verbex.id, { agentId: "A" });
    expect(recorder.sent[0]?.headers).toEqual(JSON_HEADERS);
  });

  it("a wrong key reaches the vendor and comes back unauthorized (Prism checks only presence: a dropped header)", async () => {
    const dropAuth = ((input: RequestInfo | URL, init?: RequestInit) => {
      const headers = { ...(init?.headers as Record<string, string>) };
      delete headers.Authorization;
      return fetch(input, { ...init, headers });
    }) as typeof fetch;
    const phones = createPhoneNumbers({ provider: "retell", apiKey: KEY, baseUrl: mockUrl("retell"), fetch: dropAuth });
    await expect(phones.update(VENDORS.retell.id, { agentId: "A" })).rejects.toMatchObject({
      code: "unauthorized",
      status: 401,
      attempts: 1,
    });
  });
});
