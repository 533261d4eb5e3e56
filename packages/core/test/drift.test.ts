// The drift interpreter on hand-made tables (the generated ones are tested against the vendors'
// specs in packages/spec-tools/test/generate/validate.test.ts).
import { describe, expect, it } from "vitest";
import { checkDrift, type DriftTable, driftCheck } from "../src/drift.js";

// 0: a phone number with agents, a type enum, a nullable nickname, an open `extra` map and a
// nested nullable object; 1: an agent weight; 2..: leaves.
const NUMBER: DriftTable = [
  {
    type: "object",
    required: ["phone_number", "phone_number_type"],
    properties: { phone_number: 2, phone_number_type: 3, nickname: 4, inbound_agents: 5, trunk: 6, tags: 8 },
  },
  { type: "object", required: ["agent_id", "weight"], properties: { agent_id: 2, weight: 7, version: 9 } },
  { type: "string" },
  { type: "string", enum: ["retell-twilio", "custom"] },
  { type: "string", nullable: true },
  { type: "array", items: 1, nullable: true },
  { type: "object", nullable: true, properties: { transport: 4 } },
  { type: "number" },
  { type: "object", additional: 2 },
  { anyOf: [10, 11] },
  { type: "integer" },
  { type: "string" },
];
const check = driftCheck(NUMBER, 0);
const valid = {
  phone_number: "+14157774444",
  phone_number_type: "custom",
  nickname: null,
  inbound_agents: [
    { agent_id: "a", weight: 0.5, version: 3 },
    { agent_id: "b", weight: 0.5, version: "prod" },
  ],
  trunk: { transport: "TCP" },
  tags: { a: "x" },
  unknown_field_added_by_the_vendor: { anything: true },
};

describe("checkDrift", () => {
  it("finds nothing in a body that conforms, whatever fields the spec does not list", () => {
    expect(check(valid)).toEqual([]);
    expect(check({ phone_number: "+1", phone_number_type: "custom" })).toEqual([]);
  });

  it("reports a required field missing, with its path", () => {
    const { phone_number_type: _, ...body } = valid;
    expect(check(body)).toEqual([{ path: "phone_number_type", problem: "required field missing" }]);
    expect(check({ ...valid, inbound_agents: [{ agent_id: "a" }] })).toEqual([
      { path: "inbound_agents[0].weight", problem: "required field missing" },
    ]);
  });

  it("reports a wrong type, nested in objects and arrays", () => {
    expect(check({ ...valid, inbound_agents: [valid.inbound_agents[0], { agent_id: "b", weight: "1" }] })).toEqual([
      { path: "inbound_agents[1].weight", problem: "expected number, got string" },
    ]);
    expect(check({ ...valid, phone_number: 14157774444 })).toEqual([
      { path: "phone_number", problem: "expected string, got number" },
    ]);
    expect(check({ ...valid, trunk: { transport: 1 } })).toEqual([
      { path: "trunk.transport", problem: "expected string, got number" },
    ]);
    expect(check([])).toEqual([{ path: "", problem: "expected object, got array" }]);
  });

  it("tells an integer from a number", () => {
    const table: DriftTable = [{ type: "integer" }];
    expect(checkDrift(table, 0, 3)).toEqual([]);
    expect(checkDrift(table, 0, 3.5)).toEqual([{ path: "", problem: "expected integer, got number" }]);
  });

  it("reports an enum value the spec does not list, never quoting it (a response may hold a secret anywhere)", () => {
    expect(check({ ...valid, phone_number_type: "retell-plivo" })).toEqual([
      { path: "phone_number_type", problem: "unknown enum value" },
    ]);
    const secret = "sk_live_0123456789abcdef";
    expect(JSON.stringify(check({ ...valid, phone_number_type: secret }))).not.toContain(secret);
  });

  it("reports a null only where the spec does not allow it", () => {
    expect(check({ ...valid, inbound_agents: null, trunk: null, nickname: null })).toEqual([]);
    expect(check({ ...valid, phone_number: null })).toEqual([
      { path: "phone_number", problem: "null, which the spec does not allow here" },
    ]);
    expect(checkDrift([{}], 0, null)).toEqual([]);
  });

  it("checks the values of an open map, naming keys that are not identifiers", () => {
    expect(check({ ...valid, tags: { ok: "x", "a b": 1 } })).toEqual([
      { path: 'tags["a b"]', problem: "expected string, got number" },
    ]);
  });

  it("reports every problem of a body, not only the first", () => {
    expect(check({ phone_number: 1, inbound_agents: [{ weight: "x" }] })).toEqual([
      { path: "phone_number_type", problem: "required field missing" },
      { path: "phone_number", problem: "expected string, got number" },
      { path: "inbound_agents[0].agent_id", problem: "required field missing" },
      { path: "inbound_agents[0].weight", problem: "expected number, got string" },
    ]);
  });

  it("accepts a union when a branch matches, and says which types it takes when none does", () => {
    expect(check({ ...valid, inbound_agents: [{ agent_id: "a", weight: 1, version: true }] })).toEqual([
      {
        path: "inbound_agents[0].version",
        problem: "matches no branch of its anyOf (expected integer or string, got boolean)",
      },
    ]);
  });

  it("reports the closest branch's problems when the value has a branch's shape", () => {
    // Three kinds of numbers, as an anyOf without a discriminator.
    const table: DriftTable = [
      { anyOf: [1, 2, 3] },
      { type: "object", required: ["number"], properties: { number: 4, sip_uri: 4 } },
      { type: "object", required: ["number", "pia_id"], properties: { number: 4, pia_id: 4 } },
      { type: "object", required: ["number", "sid"], properties: { number: 4, sid: 4, region: 5 } },
      { type: "string" },
      { type: "string", enum: ["us1"] },
    ];
    expect(checkDrift(table, 0, { number: "+1", sid: "AC1" })).toEqual([]);
    expect(checkDrift(table, 0, { number: 1 })).toEqual([{ path: "number", problem: "expected string, got number" }]);
    expect(checkDrift(table, 0, "x")).toEqual([
      { path: "", problem: "matches no branch of its anyOf (expected object, got string)" },
    ]);
  });

  it("of two branches as far off, reports the one that lists the body's fields", () => {
    // Verbex-like: branches tagged by a `provider` enum, no discriminator declared.
    const table: DriftTable = [
      { anyOf: [1, 2] },
      { type: "object", properties: { provider: 3, sip_uri: 5 } },
      { type: "object", properties: { provider: 4, twilio_sid: 5 } },
      { type: "string", enum: ["sip"] },
      { type: "string", enum: ["twilio"] },
      { type: "string" },
    ];
    expect(checkDrift(table, 0, { provider: "twilio", twilio_sid: 7 })).toEqual([
      { path: "twilio_sid", problem: "expected string, got number" },
    ]);
  });

  it("follows a discriminator to its branch, and reports an unknown or missing tag", () => {
    const table: DriftTable = [
      { type: "object", properties: { provider: 1 } },
      { oneOf: [2, 3], discriminator: { property: "type", mapping: { twilio: 2, cartesia: 3 } } },
      { type: "object", required: ["type", "sid"], properties: { type: 4, sid: 5 } },
      { type: "object", required: ["type"], properties: { type: 6 } },
      { type: "string", enum: ["twilio"] },
      { type: "string" },
      { type: "string", enum: ["cartesia"] },
    ];
    expect(checkDrift(table, 0, { provider: { type: "cartesia" } })).toEqual([]);
    expect(checkDrift(table, 0, { provider: { type: "twilio" } })).toEqual([
      { path: "provider.sid", problem: "required field missing" },
    ]);
    expect(checkDrift(table, 0, { provider: { type: "plivo" } })).toEqual([
      { path: "provider.type", problem: "unknown enum value" },
    ]);
    expect(checkDrift(table, 0, { provider: {} })).toEqual([
      { path: "provider.type", problem: "required field missing" },
    ]);
  });

  it("walks recursive schemas by index", () => {
    const table: DriftTable = [
      { type: "object", properties: { name: 1, children: 2 } },
      { type: "string" },
      { type: "array", items: 0 },
    ];
    expect(checkDrift(table, 0, { name: "a", children: [{ name: "b", children: [{ name: 3 }] }] })).toEqual([
      { path: "children[0].children[0].name", problem: "expected string, got number" },
    ]);
  });

  it("never quotes a value outside an enum problem (a secret field of the wrong type stays unquoted)", () => {
    const table: DriftTable = [{ type: "object", properties: { twilio_auth_token: 1 } }, { type: "string" }];
    const found = checkDrift(table, 0, { twilio_auth_token: { token: "sk_live_secret_value" } });
    expect(JSON.stringify(found)).not.toContain("sk_live");
  });
});
