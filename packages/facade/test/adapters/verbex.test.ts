/**
 * Verbex's own rules: no declared auth (a bearer key only when given, †), no published server,
 * and responses that can hold secrets (`twilio_auth_token`, `sip_trunk_password`), redacted
 * wherever a body is kept (docs/CONTRACT.md#secrets).
 */
import { inspect } from "node:util";
import { mockUrl } from "@phonebridge/testing/vitest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verbexAdapter } from "../../src/adapters/verbex.js";
import { createWithAdapter } from "../../src/engine.js";
import { createPhoneNumbers } from "../../src/index.js";
import { VERSION } from "../../src/version.js";
import { type FaultServer, faults, startFaultServer } from "../fault-server.js";
import { failure, recordingFetch, revealed } from "../helpers.js";
import { data } from "./verbex.js";

const MARK = "PBSECRET";
const KEY = `sk_live_${MARK}_key_0123456789abcdef`;
const RESPONSE_TWILIO = `resp_${MARK}_twilio_auth_token`;
const RESPONSE_SIP = `resp_${MARK}_sip_trunk_password`;
/** No secret shows, as written or in a disguise (docs/CONTRACT.md#secrets). */
function expectClean(shown: string[]): void {
  for (const text of shown) {
    expect(text).not.toContain(MARK);
    expect(revealed(text)).not.toContain(MARK);
  }
}
const PASSTHROUGH = { sip_trunk_password: `verbex_${MARK}_sip`, twilio_auth_token: `verbex_${MARK}_twilio` };

describe("Verbex on Prism", () => {
  it("without a key sends no Authorization header", async () => {
    const recorder = recordingFetch();
    const phones = createPhoneNumbers({
      provider: "verbex",
      apiKey: "",
      baseUrl: mockUrl("verbex"),
      fetch: recorder.fetch,
    });
    await phones.update(data.prism.id, { agentId: "A" });
    expect(recorder.sent[0]?.headers).toEqual({
      accept: "application/json",
      "content-type": "application/json",
      "user-agent": `@phonebridge/facade/${VERSION} node/${process.versions.node}`,
    });
  });

  it("raw hides the secrets of the mock's answer", async () => {
    const phones = createPhoneNumbers({ provider: "verbex", apiKey: "key_contract_1234", baseUrl: mockUrl("verbex") });
    const result = await phones.update(data.prism.id, { label: "X" });
    expect(result.raw).toMatchObject({ sip_trunk_password: "[redacted]" });
  });
});

describe("Verbex responses that carry secrets", () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.script());
  const client = () => createWithAdapter(verbexAdapter, { apiKey: KEY, baseUrl: server.url }, { random: () => 1 });

  it("raw has twilio_auth_token and sip_trunk_password redacted at any depth; the rest is kept", async () => {
    server.script(
      faults.json({
        provider: "twilio",
        phone_number: "+14155551234",
        twilio_account_sid: "AC123",
        twilio_auth_token: RESPONSE_TWILIO,
        sip_trunk_username: "user_1",
        sip_trunk_password: RESPONSE_SIP,
        history: [{ sip_trunk_password: RESPONSE_SIP, twilio_auth_token: null }],
      }),
    );
    const result = await client().update("pn_1", { label: "X" }, { vendor: PASSTHROUGH } as never);
    expect(result.raw).toEqual({
      provider: "twilio",
      phone_number: "+14155551234",
      twilio_account_sid: "AC123",
      twilio_auth_token: "[redacted]",
      sip_trunk_username: "user_1",
      sip_trunk_password: "[redacted]",
      history: [{ sip_trunk_password: "[redacted]", twilio_auth_token: null }],
    });
    expectClean([JSON.stringify(result), inspect(result, { depth: null })]);
  });

  it("the root entry behaves the same (createPhoneNumbers)", async () => {
    server.script(faults.json({ phone_number: "+14155551234", twilio_auth_token: RESPONSE_TWILIO }));
    const phones = createPhoneNumbers({ provider: "verbex", apiKey: KEY, baseUrl: server.url });
    const result = await phones.update("pn_1", { agentId: "A" });
    expectClean([JSON.stringify(result), inspect(result, { depth: null })]);
  });

  it("error bodies have its secret fields redacted too", async () => {
    server.script({
      status: 400,
      body: JSON.stringify({ error: "bad", message: "no", sip_trunk_password: "pw_SECRET" }),
    });
    const error = await failure(client().update("pn_1", { label: "X" }));
    expect(JSON.stringify(error)).not.toContain("pw_SECRET");
    expect(inspect(error, { depth: 10 })).not.toContain("pw_SECRET");
  });

  it("a planned body has the passthrough secrets redacted", () => {
    const phones = createPhoneNumbers({ provider: "verbex", apiKey: KEY, baseUrl: "https://vendor.example" });
    const planned = phones.plan("pn_1", { agentId: "a" }, { vendor: { sip_trunk_password: "hunter2-secret" } });
    expect(planned.body).toEqual({ inbound_agent_id: "a", sip_trunk_password: "[redacted]" });
  });
});
