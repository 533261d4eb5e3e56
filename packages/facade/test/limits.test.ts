/**
 * Limits from the vendor's spec (docs/CONTRACT.md#facade-updateid-changes-options): the label is
 * checked against the maxLength of the field its adapter maps it to, phonebridge's own 255 only
 * where the spec declares none; the id against its path parameter's format or pattern. The
 * errors name the field and the vendor and quote at most 40 characters of the input.
 */
import { type FieldLimit, type Provider, providerTitle, type VendorDescriptor } from "@phonebridge/core";
import { describe, expect, it } from "vitest";
import type { Adapter } from "../src/adapter.js";
import { createWithAdapter } from "../src/engine.js";
import { capabilities } from "../src/index.js";
import { labelCheck, MAX_LABEL_LENGTH, stringCheck } from "../src/limits.js";
import { ADAPTERS, failure, IDS, OK_BODY, PROVIDERS, stubFetch } from "./helpers.js";

const UUID = "3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f";

describe("labelCheck", () => {
  it("without a declared limit: 1 to 255 characters, phonebridge's own", () => {
    const { max, check } = labelCheck(undefined, "Acme's name");
    expect(max).toBe(MAX_LABEL_LENGTH);
    expect(check("x".repeat(255))).toBeUndefined();
    expect(check("x".repeat(256))).toBe("must be 1 to 255 characters (phonebridge's own limit)");
  });

  it("with the field's maxLength, minLength and pattern", () => {
    const { max, check } = labelCheck({ maxLength: 40, minLength: 2, pattern: "^[^<>]*$" }, "Acme's name");
    expect(max).toBe(40);
    expect(check("📞".repeat(40))).toBeUndefined();
    expect(check("x".repeat(41))).toBe("must be 2 to 40 characters (Acme's name allows 40)");
    expect(check("x")).toBe("must be 2 to 40 characters (Acme's name allows 40)");
    expect(check("<b>")).toBe("does not match Acme's name's pattern ^[^<>]*$");
  });

  it("counts code points against a minLength too: an emoji is one character, two UTF-16 units", () => {
    const { check } = labelCheck({ minLength: 2 }, "Acme's name");
    expect(check("📞")).toBe("must be 2 to 255 characters (phonebridge's own limit)");
    expect(check("📞📞")).toBeUndefined();
    expect(check("ab")).toBeUndefined();
  });
});

describe("stringCheck", () => {
  it("format uuid, a pattern, lengths; a format it does not know is left to the vendor", () => {
    expect(stringCheck({ format: "uuid" }, "Acme's number_id", true)("pn_1")).toBe(
      "is not a uuid, which Acme's number_id must be",
    );
    expect(stringCheck({ format: "uuid" }, "Acme's number_id", true)(UUID)).toBeUndefined();
    expect(stringCheck({ pattern: "^PN\\d+$" }, "Acme's id", true)("pn_1")).toBe(
      "does not match Acme's id's pattern ^PN\\d+$",
    );
    expect(stringCheck({ maxLength: 3 }, "Acme's id", true)("abcd")).toBe(
      "is longer than Acme's id allows (3 characters)",
    );
    expect(stringCheck({ maxLength: 3 }, "Acme's id")("abcd")).toBeUndefined();
    expect(stringCheck({ format: "hostname" }, "Acme's id", true)("anything")).toBeUndefined();
    expect(stringCheck({ pattern: "([" }, "Acme's id", true)("anything")).toBeUndefined();
  });

  it("lengths in code points, each bound inclusive, a minLength alone too; only for ids", () => {
    const check = stringCheck({ maxLength: 3, minLength: 2 }, "Acme's id", true);
    expect(check("abc")).toBeUndefined();
    expect(check("ab")).toBeUndefined();
    expect(check("📞📞📞")).toBeUndefined();
    expect(check("a")).toBe("is shorter than Acme's id allows (2 characters)");
    expect(check("abcd")).toBe("is longer than Acme's id allows (3 characters)");
    expect(stringCheck({ minLength: 2 }, "Acme's id", true)("a")).toBe(
      "is shorter than Acme's id allows (2 characters)",
    );
    expect(stringCheck({ minLength: 2 }, "Acme's id", true)("ab")).toBeUndefined();
    expect(stringCheck({ minLength: 2 }, "Acme's id")("a")).toBeUndefined();
  });

  it("reads a spec's pattern as Unicode, as JSON Schema does", () => {
    expect(stringCheck({ pattern: "^\\p{Lu}+$" }, "Acme's id", true)("ABC")).toBeUndefined();
    expect(stringCheck({ pattern: "^\\p{Lu}+$" }, "Acme's id", true)("abc")).toBe(
      "does not match Acme's id's pattern ^\\p{Lu}+$",
    );
    expect(stringCheck({ pattern: "^.$" }, "Acme's id", true)("📞")).toBeUndefined();
  });
});

/** The adapter of `provider` with `limits` put into its descriptor, as a spec would declare them. */
function withLimits(provider: Provider, limits: VendorDescriptor["limits"]): Adapter {
  const adapter = ADAPTERS[provider];
  return { ...adapter, descriptor: { ...adapter.descriptor, limits } };
}

const labelled = PROVIDERS.find((p) => capabilities[p].label.set !== "unsupported") as Provider;
const field = capabilities[labelled].label.field as string;

describe(`the engine, with limits in ${labelled}'s descriptor`, () => {
  const client = (limit: { label?: FieldLimit; id?: FieldLimit }) => {
    const stub = stubFetch(OK_BODY[labelled]);
    const limits = { ...(limit.id ? { id: limit.id } : {}), body: limit.label ? { [field]: limit.label } : {} };
    const phones = createWithAdapter(withLimits(labelled, limits), {
      apiKey: "key_1234",
      baseUrl: "http://127.0.0.1:9",
      fetch: stub.fetch,
    });
    return { phones, sent: stub.sent };
  };

  it("refuses a label over the field's maxLength, naming the field and the vendor, quoting 40 characters", async () => {
    const { phones, sent } = client({ label: { maxLength: 40 } });
    const long = `${"n".repeat(41)}TAIL`;
    const error = await failure(phones.update(IDS[labelled], { label: long }));
    expect(error).toMatchObject({ code: "invalid_input", field: "label", provider: labelled, attempts: 0 });
    expect(error.message).toBe(
      `${providerTitle(labelled)}: label "${"n".repeat(40)}…" must be 1 to 40 characters (${providerTitle(labelled)}'s ${field} allows 40)`,
    );
    expect(error.message).not.toContain("TAIL");
    expect(sent).toHaveLength(0);
    await phones.update(IDS[labelled], { label: "n".repeat(40) });
    expect(JSON.parse(sent[0]?.body ?? "{}")[field]).toBe("n".repeat(40));
  });

  it("keeps its own 255 where the field declares no maxLength", async () => {
    const { phones, sent } = client({ label: { pattern: "^[a-z]+$" } });
    await phones.update(IDS[labelled], { label: "x".repeat(255) });
    expect(sent).toHaveLength(1);
    expect((await failure(phones.update(IDS[labelled], { label: "x".repeat(256) }))).message).toMatch(/1 to 255/);
    expect((await failure(phones.update(IDS[labelled], { label: "Front desk" }))).message).toMatch(/pattern/);
  });

  it("refuses an id that is not of the parameter's format, nothing sent", async () => {
    const { phones, sent } = client({ id: { format: "uuid" } });
    const error = await failure(phones.update("pn_1", { agentId: "A" }));
    expect(error).toMatchObject({ code: "invalid_input", field: "id", provider: labelled, attempts: 0 });
    expect(error.message).toMatch(/"pn_1" is not a uuid/);
    expect(sent).toHaveLength(0);
  });
});
