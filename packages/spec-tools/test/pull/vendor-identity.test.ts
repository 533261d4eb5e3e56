// Is a pulled document this vendor's API? Marks: update operation, title, server host
// (src/pull/vendor-identity.ts).
import { describe, expect, it } from "vitest";
import { checkIdentity, type Marks, vendorMarks } from "../../src/pull/vendor-identity.js";
import { effectiveSpec, readWorking, updateOperation } from "../../src/release/spec-release.js";
import type { Doc } from "../diff/corpus.js";
import { REPO } from "../helpers.js";

const VENDORS = ["cald", "cartesia", "retell", "verbex", "vogent"];
const docs: Record<string, Doc> = {};
const marks: Record<string, Marks> = {};
for (const v of VENDORS) {
  const files = readWorking(REPO, v);
  docs[v] = effectiveSpec(files, v).spec as Doc;
  marks[v] = vendorMarks(docs[v], updateOperation(files));
}

describe("vendor identity", () => {
  it("accepts each vendor's own document and refuses it for every other vendor", () => {
    for (const v of VENDORS) {
      expect(checkIdentity(docs[v], v, marks)).toEqual({ ok: true });
      for (const other of VENDORS.filter((o) => o !== v)) {
        const verdict = checkIdentity(docs[v], other, marks);
        expect(verdict.ok, `${v} as ${other}`).toBe(false);
        expect(verdict.ok === false && verdict.reason).toMatch(new RegExp(`looks like ${v}'s API`));
      }
    }
  });

  it("accepts a vendor that renamed its title and moved its host, by its update operation", () => {
    const doc = structuredClone(docs.retell ?? {});
    doc.info.title = "Retell API v4";
    doc.servers = [{ url: "https://api.retell.ai" }];
    expect(checkIdentity(doc, "retell", marks)).toEqual({ ok: true });
  });

  it("accepts a renamed path parameter and a moved path by title and host", () => {
    const doc = structuredClone(docs.cartesia ?? {});
    doc.paths = { "/v2/phone-numbers/{phone_number_id}": doc.paths["/agents/phone-numbers/{id}"] };
    expect(checkIdentity(doc, "cartesia", marks)).toEqual({ ok: true });
  });

  it("refuses a document with none of the vendor's marks, and says how to override", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "Petstore", version: "1" },
      servers: [{ url: "https://petstore.example" }],
      paths: { "/pets": { get: { responses: {} } } },
    };
    const verdict = checkIdentity(doc, "verbex", marks);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok === false && verdict.reason).toMatch(
      /none of verbex's marks .*PATCH \/v1\/phone-numbers\/\{phone_number_id\}.*"Verbex Platform API".*--accept-identity/,
    );
  });
});
