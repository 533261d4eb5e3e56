import { describe, expect, it } from "vitest";
import { type ChangeName, capabilities, createPhoneNumbers, PhoneBridgeError, PROVIDERS } from "../src/index.js";
import { IDS, OK_BODY, stubFetch } from "./helpers.js";
import { ADAPTERS, DATA } from "./vendors.js";

const KEY = "sk_live_PLAN_TEST_KEY_0001";
const BASE = "https://vendor.example";
const CHANGES: readonly ChangeName[] = ["agentId", "label", "outboundAgentId"];

describe.each(PROVIDERS)("%s: plan, the request update would send, sent nowhere", (provider) => {
  it("equals what update sends, with the key redacted, and fetches nothing", async () => {
    const changes = DATA[provider].planChanges;
    const planning = stubFetch(OK_BODY[provider]);
    const planner = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: BASE, fetch: planning.fetch });
    const planned = planner.plan(IDS[provider], changes as never);
    expect(planning.sent).toHaveLength(0);

    const sending = stubFetch(OK_BODY[provider]);
    await createPhoneNumbers({ provider, apiKey: KEY, baseUrl: BASE, fetch: sending.fetch }).update(
      IDS[provider],
      changes as never,
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

  it("throws exactly the input error update rejects with", async () => {
    const { sent, fetch } = stubFetch(OK_BODY[provider]);
    const phones = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: BASE, fetch });
    const id = IDS[provider];
    const unsupported = CHANGES.flatMap((change) =>
      (["set", "clear"] as const)
        .filter((direction) => capabilities[provider][change][direction] === "unsupported")
        .map((direction) => [id, { [change]: direction === "set" ? "X" : null }] as const),
    );
    for (const [badId, changes] of [
      ["pn/1", { agentId: "a" }],
      [id, {}],
      [id, { agentId: "" }],
      ...unsupported,
    ] as const) {
      const planError = (() => {
        try {
          phones.plan(badId, changes as never);
        } catch (error) {
          return error;
        }
      })();
      const updateError = await phones.update(badId, changes as never).catch((error: unknown) => error);
      expect(planError).toBeInstanceOf(PhoneBridgeError);
      expect(planError).toMatchObject({
        code: (updateError as PhoneBridgeError).code,
        field: (updateError as PhoneBridgeError).field,
        message: (updateError as PhoneBridgeError).message,
      });
    }
    expect(sent).toHaveLength(0);
  });

  const { secrets } = ADAPTERS[provider].descriptor;
  it.skipIf(secrets.request.length === 0 || !capabilities[provider].passthrough)(
    "redacts passthrough secrets in the planned body",
    () => {
      const phones = createPhoneNumbers({ provider, apiKey: KEY, baseUrl: BASE });
      const vendor = Object.fromEntries(secrets.request.map((field) => [field, `${field}-hunter2-secret`]));
      const planned = phones.plan(IDS[provider], { agentId: "a" } as never, { vendor } as never);
      for (const field of secrets.request) expect((planned.body as Record<string, unknown>)[field]).toBe("[redacted]");
      expect(JSON.stringify(planned)).not.toContain("hunter2");
    },
  );
});
