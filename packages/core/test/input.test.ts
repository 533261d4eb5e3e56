import { describe, expect, it } from "vitest";
import { bodyText, NotJsonError, ownFields, snapshotJson } from "../src/input.js";

describe("ownFields", () => {
  it("takes own enumerable properties only, each read once, into an object without a prototype", () => {
    let reads = 0;
    const base = { inherited: 1 };
    const value = Object.create(base, {
      own: { enumerable: true, get: () => ++reads },
      hidden: { enumerable: false, value: 2 },
    });
    const fields = ownFields(value);
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect({ ...fields }).toEqual({ own: 1 });
    expect(fields.own).toBe(1);
    expect(reads).toBe(1);
    expect(fields.toString).toBeUndefined();
    expect({ ...ownFields("text") }).toEqual({});
  });
});

describe("snapshotJson", () => {
  it("copies JSON data once, objects without a prototype, undefined properties absent", () => {
    const snapshot = snapshotJson({ a: [1, "x", null, true, { b: undefined, c: new Date(0) }], n: new Number(2) }, "v");
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual({
      a: [1, "x", null, true, { c: "1970-01-01T00:00:00.000Z" }],
      n: 2,
    });
    expect(Object.getPrototypeOf((snapshot as { a: object[] }).a[4])).toBeNull();
  });

  it("names the path of what JSON cannot hold", () => {
    const attempt = (value: unknown) => {
      try {
        snapshotJson(value, "field");
      } catch (error) {
        return error instanceof NotJsonError ? `${error.path}: ${error.reason}` : "other";
      }
      return "ok";
    };
    expect(attempt({ list: [{ weight: Number.POSITIVE_INFINITY }] })).toBe(
      "field.list[0].weight: is Infinity, not a finite number",
    );
    expect(attempt([undefined])).toMatch(/^field\[0\]: is undefined/);
    expect(attempt(Symbol("s"))).toBe("field: is a symbol, not JSON data");
  });
});

describe("bodyText", () => {
  it("is JSON.stringify, and nothing at all while a prototype holds a toJSON", () => {
    const value = { a: [1, { b: "c" }], d: null, e: undefined };
    expect(bodyText(value)).toBe(JSON.stringify(value));
    Object.defineProperty(Array.prototype, "toJSON", { value: () => "evil", configurable: true });
    try {
      expect(bodyText(value)).toBeUndefined();
    } finally {
      delete (Array.prototype as unknown as Record<string, unknown>).toJSON;
    }
  });
});
