import { describe, expect, it } from "vitest";
import { type Changes, createPhoneNumbers, PhoneBridgeError, PROVIDERS, type Provider } from "../src/index.js";
import { IDS, OK_BODY, stubFetch } from "./helpers.js";

const KEY = "sk_live_PLAN_TEST_KEY_0001";
const BASE = "https://vendor.example";
const CHANGES: Record<Provider, Changes> = {
  retell: { agentId: "agent_1", label: "Front desk" },
  cartesia: { agentId: "agent_1", label: "Front desk" },
  verbex: { agentId: null, label: "Front desk", outboundAgentId: "agent_2" },
  vogent: { agentId: null },
  cald: { agentId: "agent_1" },
};

describe("plan: the request update would send, sent nowhere", () => {
  for (const provider of PROVIDERS) {
    it(`${provider}: equals what update sends, with the key redacted, and fetches nothing`, async () => {
      const planning = stubFetch(OK_BODY[provider]);
      const planner = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: BASE, fetch: planning.fetch });
      const planned = planner.plan(IDS[provider], CHANGES[provider] as never);
      expect(planning.sent).toHaveLength(0);

      const sending = stubFetch(OK_BODY[provider]);
      await createPhoneNumbers({ provider, apiKey: KEY, baseUrl: BASE, fetch: sending.fetch }).update(
        IDS[provider],
        CHANGES[provider] as never,
      );
      const [sent] = sending.sent;
      expect(planned.method).toBe(sent?.method);
      expect(planned.url).toBe(sent?.url);
      expect(planned.body).toEqual(JSON.parse(sent?.body ?? "null"));
      const sentHeaders = Object.fromEntries(
        Object.entries(sent?.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
      );
      expect(sentHeaders.authorization).toBeDefined();
      expect(planned.headers).toEqual({ ...sentHeaders, authorization: "[redacted]" });
      expect(JSON.stringify(planned)).not.toContain(KEY);
    });
  }

  it("throws exactly the input error update rejects with", async () => {
    const { sent, fetch } = stubFetch(OK_BODY.cartesia);
    const phones = createPhoneNumbers({ provider: "cartesia" as Provider, apiKey: KEY, baseUrl: BASE, fetch });
    for (const [id, changes] of [
      ["pn/1", { agentId: "a" }],
      ["pn_1", {}],
      ["pn_1", { label: null }],
      ["pn_1", { agentId: "" }],
    ] as const) {
      const planError = (() => {
        try {
          phones.plan(id, changes as never);
        } catch (error) {
          return error;
        }
      })();
      const updateError = await phones.update(id, changes as never).catch((error: unknown) => error);
      expect(planError).toBeInstanceOf(PhoneBridgeError);
      expect(planError).toMatchObject({
        code: (updateError as PhoneBridgeError).code,
        field: (updateError as PhoneBridgeError).field,
        message: (updateError as PhoneBridgeError).message,
      });
    }
    expect(sent).toHaveLength(0);
  });

  it("redacts passthrough secrets in the planned body", () => {
    const phones = createPhoneNumbers({ provider: "verbex", apiKey: KEY, baseUrl: BASE });
    const planned = phones.plan("pn_1", { agentId: "a" }, { vendor: { sip_trunk_password: "hunter2-secret" } });
    expect(planned.body).toEqual({ inbound_agent_id: "a", sip_trunk_password: "[redacted]" });
  });
});
