/**
 * The input rules as a pure module (src/input.ts, docs/CONTRACT.md#facade-updateid-changes-options),
 * for every vendor of the registry: given an adapter and the client's secrets, `check` returns the
 * body, the call's secrets and its options, or throws the first broken rule; it sends nothing,
 * starts no timer and keeps no state. The rules themselves, through `update` and `plan` for every
 * vendor, are in input.test.ts; a vendor's own rules in test/adapters/<vendor>.test.ts.
 */
import { createSecrets, type PhoneBridgeError, type Provider } from "@phonebridge/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inputRules } from "../src/input.js";
import { ADAPTERS, IDS, oneChange, PROVIDERS } from "./helpers.js";
import { DATA, SCENARIOS, type Scenario } from "./vendors.js";

const KEY = "sk_live_RULES_0123456789";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe.each(PROVIDERS)("%s: inputRules(adapter, secrets).check(id, changes, options)", (provider: Provider) => {
  const adapter = ADAPTERS[provider];
  const { capabilities, descriptor } = adapter;
  const secrets = createSecrets([...descriptor.secrets.request, ...descriptor.secrets.response], [KEY]);
  const id = IDS[provider];
  const [changes] = oneChange(provider);
  const rules = () => inputRules(adapter, secrets);

  it("builds the vendor's body from the changes and the passthrough, nothing else", () => {
    const { check } = rules();
    for (const [scenario, wire] of Object.entries(DATA[provider].wire) as [Scenario, unknown][]) {
      if (wire === "unsupported") continue;
      expect(check(id, SCENARIOS[scenario], undefined).body).toEqual(wire);
    }
    if (capabilities.passthrough) {
      expect(check(id, changes, { vendor: { x_passthrough: "u" } }).body).toEqual({
        ...oneChange(provider)[1],
        x_passthrough: "u",
      });
    }
  });

  it("returns the call's options as one reading of its own properties, for the request pipeline", () => {
    const signal = AbortSignal.timeout(1000);
    const options = Object.assign(Object.create({ maxRetries: 9 }), { signal, headers: { "x-a": "1" }, timeoutMs: 5 });
    const call = rules().check(id, changes, options);
    expect(call.options).toEqual({ signal, headers: { "x-a": "1" }, timeoutMs: 5 });
    expect(Object.getPrototypeOf(call.options)).toBeNull();
    expect(call.options?.maxRetries).toBeUndefined();
    expect(rules().check(id, changes, undefined).options).toBeUndefined();
  });

  it.runIf(capabilities.passthrough && descriptor.secrets.request.length > 0)(
    "adds the secret values the call sends through options.vendor to the call's secrets",
    () => {
      const [first = "", second = first] = descriptor.secrets.request;
      const vendor = { [first]: "call_pw_1", nested: { [second]: "call_tok_2" } };
      const call = rules().check(id, changes, { vendor });
      expect(call.secrets.scrub(`${KEY} call_pw_1 call_tok_2`)).toBe("[redacted] [redacted] [redacted]");
      expect(secrets.scrub("call_pw_1")).toBe("call_pw_1");
      // No passthrough secret: the client's own secrets, the same object.
      expect(rules().check(id, changes, { vendor: { x: 1 } }).secrets).toBe(secrets);
    },
  );

  it("throws the first broken rule, naming the field and the vendor, the input quoted with secrets redacted", () => {
    const { check } = rules();
    const broken = (badId: unknown, badChanges: unknown, options?: unknown) => {
      try {
        check(badId, badChanges, options);
      } catch (error) {
        return error as PhoneBridgeError;
      }
      throw new Error("no rule broken");
    };
    expect(broken(`a/${KEY}`, changes)).toMatchObject({ code: "invalid_input", field: "id", provider });
    expect(broken(`a/${KEY}`, changes).message).toMatch(/"a\/\[redacted\]" holds "\/"/);
    expect(broken(id, { agentId: "" })).toMatchObject({ field: "agentId" });
    expect(broken(id, {})).toMatchObject({ field: "changes" });
    for (const change of ["agentId", "label", "outboundAgentId"] as const) {
      if (capabilities[change].set !== "unsupported") continue;
      expect(broken(id, { [change]: "X" })).toMatchObject({ code: "unsupported_change", field: change, provider });
    }
  });

  it("is pure: no request, no timer, the same answer for the same input", () => {
    vi.useFakeTimers();
    const fetch = vi.spyOn(globalThis, "fetch");
    const { check } = rules();
    const options = capabilities.passthrough ? { vendor: { x_passthrough: "N" } } : undefined;
    const one = check(id, changes, options);
    const two = check(id, changes, options);
    expect(one).toEqual(two);
    expect(fetch).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
