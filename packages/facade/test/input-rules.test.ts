/**
 * The input rules as a pure module (src/input.ts, docs/CONTRACT.md#facade-updateid-changes-options):
 * given an adapter and the client's secrets, `check` returns the body, the call's secrets and its
 * options, or throws the first broken rule; it sends nothing, starts no timer and keeps no state.
 * The rules themselves, through `update` and `plan` for every vendor, are in input.test.ts.
 */
import { createSecrets, type PhoneBridgeError } from "@phonebridge/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { caldAdapter } from "../src/adapters/cald.js";
import { retellAdapter } from "../src/adapters/retell.js";
import { verbexAdapter } from "../src/adapters/verbex.js";
import { inputRules } from "../src/input.js";

const KEY = "sk_live_RULES_0123456789";
const secrets = createSecrets(["twilio_auth_token", "sip_trunk_password"], [KEY]);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("inputRules(adapter, secrets).check(id, changes, options)", () => {
  it("builds the vendor's body from the changes and the passthrough, nothing else", () => {
    const { check } = inputRules(retellAdapter, secrets);
    const call = check("+14157774444", { agentId: "A", label: undefined }, { vendor: { auth_username: "u" } });
    expect(call.body).toEqual({ inbound_agents: [{ agent_id: "A", weight: 1 }], auth_username: "u" });
    expect(inputRules(caldAdapter, secrets).check("pn_1", { agentId: null }, undefined).body).toEqual({});
  });

  it("returns the call's options as one reading of its own properties, for the request pipeline", () => {
    const signal = AbortSignal.timeout(1000);
    const options = Object.assign(Object.create({ maxRetries: 9 }), { signal, headers: { "x-a": "1" }, timeoutMs: 5 });
    const call = inputRules(verbexAdapter, secrets).check("pn_1", { label: "X" }, options);
    expect(call.options).toEqual({ signal, headers: { "x-a": "1" }, timeoutMs: 5 });
    expect(Object.getPrototypeOf(call.options)).toBeNull();
    expect(call.options?.maxRetries).toBeUndefined();
    expect(inputRules(verbexAdapter, secrets).check("pn_1", { label: "X" }, undefined).options).toBeUndefined();
  });

  it("adds the secret values the call sends through options.vendor to the call's secrets", () => {
    const vendor = { sip_trunk_password: "call_sip_pw_1", nested: { twilio_auth_token: "call_tok_2" } };
    const call = inputRules(verbexAdapter, secrets).check("pn_1", { label: "X" }, { vendor });
    expect(call.secrets.scrub(`${KEY} call_sip_pw_1 call_tok_2`)).toBe("[redacted] [redacted] [redacted]");
    expect(secrets.scrub("call_sip_pw_1")).toBe("call_sip_pw_1");
    // No passthrough secret: the client's own secrets, the same object.
    expect(inputRules(verbexAdapter, secrets).check("pn_1", { label: "X" }, { vendor: { x: 1 } }).secrets).toBe(
      secrets,
    );
  });

  it("throws the first broken rule, naming the field and the vendor, the input quoted with secrets redacted", () => {
    const { check } = inputRules(retellAdapter, secrets);
    const broken = (id: unknown, changes: unknown, options?: unknown) => {
      try {
        check(id, changes, options);
      } catch (error) {
        return error as PhoneBridgeError;
      }
      throw new Error("no rule broken");
    };
    expect(broken("14157774444", { agentId: "A" })).toMatchObject({ code: "invalid_input", field: "id" });
    expect(broken(KEY, { agentId: "A" }).message).toBe(
      'Retell: the id "[redacted]" is not an E.164 number (like +14157774444), which Retell uses as the id',
    );
    expect(broken("+14157774444", { agentId: "" })).toMatchObject({ field: "agentId" });
    expect(broken("+14157774444", {})).toMatchObject({ field: "changes" });
    expect(broken("+14157774444", { agentId: "A" }, { vendor: { inbound_agents: [] } })).toMatchObject({
      field: "vendor.inbound_agents",
    });
    expect(() => inputRules(caldAdapter, secrets).check("pn_1", { label: "X" }, undefined)).toThrow(
      expect.objectContaining({ code: "unsupported_change", field: "label", provider: "cald" }),
    );
  });

  it("is pure: no request, no timer, the same answer for the same input", () => {
    vi.useFakeTimers();
    const fetch = vi.spyOn(globalThis, "fetch");
    const { check } = inputRules(retellAdapter, secrets);
    const one = check("+14157774444", { agentId: "A", outboundAgentId: null }, { vendor: { nickname: "N" } });
    const two = check("+14157774444", { agentId: "A", outboundAgentId: null }, { vendor: { nickname: "N" } });
    expect(one).toEqual(two);
    expect(fetch).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
