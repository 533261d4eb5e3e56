// Auth added, removed, its scheme changed (src/diff/security.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { changesOf, document, OP } from "./documents.js";
import { CASES } from "./security.cases.js";

describe("auth added, removed, its scheme changed", () => describeCorpus(CASES));

describe("auth levels and schemes, on small documents", () => {
  const SCHEMES = {
    bearer: { type: "http", scheme: "Bearer" },
    key: { type: "apiKey", in: "header", name: "X-Key" },
    app: { type: "apiKey", in: "header", name: "X-App" },
    oauth: { type: "oauth2", flows: {} },
  };
  /** PATCH /x with its own `security` (none when undefined), and the document's `global` one. */
  const auth = (security?: unknown[], schemes: object = SCHEMES, global?: unknown[]) =>
    document(security === undefined ? {} : { security }, {
      components: { securitySchemes: schemes },
      ...(global ? { security: global } : {}),
    });
  const UNREFERENCED =
    "patch documentation (document): The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).";

  it("none to an optional key is a minor change; an optional key dropped too", () => {
    expect(changesOf(auth([]), auth([{}, { bearer: [] }]))).toEqual([
      `minor auth-optional-added (operation, ${OP}): ${OP} now accepts an optional key (http bearer).`,
    ]);
    expect(changesOf(auth([{}, { bearer: [] }]), auth([]))).toEqual([
      `minor auth-removed (operation, ${OP}): ${OP} no longer requires authentication (was http bearer).`,
    ]);
  });

  it("a required key that becomes optional is still accepted", () => {
    expect(changesOf(auth([{ bearer: [] }]), auth([{}, { bearer: [] }]))).toEqual([
      `minor auth-removed (operation, ${OP}): ${OP} no longer requires authentication (was http bearer; a key is still accepted).`,
    ]);
  });

  it("a key required where there was none names every alternative", () => {
    expect(changesOf(auth(), auth([{ bearer: [] }, { key: [] }]))).toEqual([
      `major auth-added (operation, ${OP}): ${OP} now requires authentication (apiKey in header x-key or http bearer); calls without a key fail.`,
    ]);
  });

  it("another scheme is a change of scheme, an optional key's too", () => {
    expect(changesOf(auth([{}, { bearer: [] }]), auth([{ key: [] }, {}]))).toEqual([
      `major auth-changed (operation, ${OP}): The authentication of ${OP} changed from http bearer to apiKey in header x-key; keys sent the old way are rejected.`,
    ]);
    expect(changesOf(auth([{ bearer: [] }]), auth([{ oauth: [] }]))).toEqual([
      `major auth-changed (operation, ${OP}): The authentication of ${OP} changed from http bearer to oauth2 oauth; keys sent the old way are rejected.`,
    ]);
    expect(changesOf(auth([{ bearer: [] }]), auth([{ missing: [] }]))).toEqual([
      `major auth-changed (operation, ${OP}): The authentication of ${OP} changed from http bearer to unknown missing; keys sent the old way are rejected.`,
    ]);
  });

  it("reads schemes needed together as one, in any order", () => {
    expect(changesOf(auth([{ bearer: [], key: [] }]), auth([{ key: [], bearer: [] }]))).toEqual([]);
    expect(changesOf(auth([{ bearer: [], key: [] }]), auth([{ key: [], app: [] }]))).toEqual([
      `major auth-changed (operation, ${OP}): The authentication of ${OP} changed from http bearer + apiKey in header x-key to apiKey in header x-app + apiKey in header x-key; keys sent the old way are rejected.`,
    ]);
  });

  it("sees no change in the order of the alternatives or the case of a scheme's name", () => {
    expect(changesOf(auth([{ bearer: [] }, { key: [] }]), auth([{ key: [] }, { bearer: [] }]))).toEqual([UNREFERENCED]);
    const lower = { ...SCHEMES, bearer: { type: "http", scheme: "bearer" } };
    expect(changesOf(auth([{ bearer: [] }]), auth([{ bearer: [] }], lower))).toEqual([UNREFERENCED]);
  });

  it("reads an empty requirement alone as no auth", () => {
    expect(changesOf(auth([]), auth([{}]))).toEqual([UNREFERENCED]);
  });

  it("reads the document's security where the operation has none of its own", () => {
    expect(changesOf(auth(undefined, SCHEMES, [{ bearer: [] }]), auth([], SCHEMES, [{ bearer: [] }]))).toEqual([
      `minor auth-removed (operation, ${OP}): ${OP} no longer requires authentication (was http bearer).`,
    ]);
  });
});
