// The limits a spec declares on the update's id and body fields (src/spec/limits.ts): what the
// generated descriptor carries for the facade's checks (docs/CONTRACT.md#facade-updateid-changes-options).
import { describe, expect, it } from "vitest";
import { deriveDescriptor } from "../../src/spec/descriptor.js";
import { bodyLimits, checkPattern, limitOf } from "../../src/spec/limits.js";
import type { VendorConfig } from "../../src/spec/vendor-config.js";

const spec = {
  components: {
    schemas: {
      Name: { type: "string", maxLength: 40, minLength: 1 },
      Sip: {
        type: "object",
        properties: { kind: { const: "sip" }, name: { $ref: "#/components/schemas/Name" }, trunk: { type: "string" } },
      },
      Pstn: {
        type: "object",
        properties: { kind: { const: "pstn" }, name: { type: "string", maxLength: 64 }, agent_id: { type: "string" } },
      },
    },
  },
};

describe("limitOf", () => {
  it("reads a schema's own limits, through $ref, allOf (the stricter) and a nullable union", () => {
    expect(limitOf(spec, { $ref: "#/components/schemas/Name" })).toEqual({ maxLength: 40, minLength: 1 });
    expect(limitOf(spec, { allOf: [{ maxLength: 50 }, { maxLength: 30, pattern: "^a" }] })).toEqual({
      maxLength: 30,
      pattern: "^a",
    });
    expect(limitOf(spec, { anyOf: [{ type: "string", format: "uuid" }, { type: "null" }] })).toEqual({
      format: "uuid",
    });
    expect(limitOf(spec, { type: "string" })).toEqual({});
  });
});

describe("bodyLimits", () => {
  it("keeps only fields that declare a limit; across oneOf members, the looser one", () => {
    const body = { oneOf: [{ $ref: "#/components/schemas/Sip" }, { $ref: "#/components/schemas/Pstn" }] };
    expect(bodyLimits(spec, body)).toEqual({ name: { maxLength: 64 } });
    expect(bodyLimits(spec, { $ref: "#/components/schemas/Sip" })).toEqual({ name: { maxLength: 40, minLength: 1 } });
  });

  it("reads a plain object body and allOf parts", () => {
    const body = {
      allOf: [
        { type: "object", properties: { label: { type: "string", maxLength: 100 } } },
        { type: "object", properties: { label: { maxLength: 80 }, note: { type: "string" } } },
      ],
    };
    expect(bodyLimits(spec, body)).toEqual({ label: { maxLength: 80 } });
  });
});

describe("checkPattern", () => {
  it("refuses a pattern JavaScript cannot run, naming where and the overlay fix", () => {
    expect(() => checkPattern("^[a-z", "specs/acme: /paths/x")).toThrow(
      /specs\/acme: \/paths\/x: the pattern "\^\[a-z" .*overlay/,
    );
    expect(() => checkPattern("^[a-z]+$", "x")).not.toThrow();
  });
});

describe("deriveDescriptor", () => {
  const config: VendorConfig = {
    provider: "acme",
    title: "Acme",
    envPrefix: "ACME",
    update: { method: "patch", path: "/numbers/{number_id}" },
    get: undefined,
    list: undefined,
    secrets: { request: [], response: [] },
    errors: [],
    pages: [{ file: "openapi.yaml", published: "openapi-page" }],
    facade: { request: [], response: [] },
    sdk: undefined,
    contract: { id: "x", body: {}, wrongTypeBody: {} },
  };
  const document = (idSchema: unknown, body: unknown) => ({
    ...spec,
    openapi: "3.1.0",
    paths: {
      "/numbers/{number_id}": {
        parameters: [{ name: "number_id", in: "path", required: true, schema: idSchema }],
        patch: {
          requestBody: { content: { "application/json": { schema: body } } },
          responses: { "200": { description: "ok" } },
        },
      },
    },
  });

  it("puts the id's and the body's limits in the descriptor", () => {
    const loaded = {
      vendor: "acme",
      config,
      spec: document({ type: "string", format: "uuid" }, { $ref: "#/components/schemas/Sip" }),
    };
    expect(deriveDescriptor(loaded).descriptor.limits).toEqual({
      id: { format: "uuid" },
      body: { name: { maxLength: 40, minLength: 1 } },
    });
  });

  it("leaves limits out when the spec declares none", () => {
    const loaded = {
      vendor: "acme",
      config,
      spec: document({ type: "string" }, { type: "object" }),
    };
    expect("limits" in deriveDescriptor(loaded).descriptor).toBe(false);
  });
});
