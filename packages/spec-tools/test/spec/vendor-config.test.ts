// vendor.yaml's pages, read operations and pagination (src/spec/vendor-config.ts), checked on
// read with errors naming the file and the field, then against the effective spec
// (src/spec/operations.ts): specs/README.md#read-operations-and-pagination. And its `errors`: the
// vendor's refinements of the status table, checked on read, so that a bad rule fails the
// generator instead of a client at run time (docs/CONTRACT.md#errors).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { phoneNumberOperations } from "../../src/spec/operations.js";
import { parseVendorConfig, readVendorConfig } from "../../src/spec/vendor-config.js";
import { loadVendorSpec } from "../../src/spec/vendor-spec.js";
import { REPO } from "../helpers.js";

const retell = () => parse(readFileSync(join(REPO, "specs", "retell", "vendor.yaml"), "utf8"));
const read = (change: (config: Record<string, unknown>) => void) => {
  const config = retell();
  change(config);
  return () => parseVendorConfig(config, "retell");
};

describe("vendor.yaml: pages, get and list", () => {
  it("reads each vendor's pages, read operations and pagination", () => {
    const config = parseVendorConfig(retell(), "retell");
    expect(config.pages.map((page) => page.published)).toEqual(["openapi-page", "openapi-page", "hand-written"]);
    expect(config.get).toEqual({ method: "get", path: "/get-phone-number/{phone_number}" });
    expect(config.list?.pagination).toEqual({
      request: "pagination_key",
      response: { items: "items", next: "pagination_key", hasMore: "has_more" },
    });
  });

  it("refuses the old top-level published, saying where it goes now", () => {
    expect(read((c) => Object.assign(c, { published: "openapi-page" }))).toThrow(
      /specs\/retell\/vendor\.yaml: published is said per page now: pages: \[\{ file: openapi\.yaml, published: openapi-page \}\]/,
    );
  });

  it("refuses pages that are missing, doubled, of an unknown form, or hold no OpenAPI document", () => {
    expect(read((c) => delete c.pages)).toThrow(/vendor\.yaml: pages must list the files the spec comes from/);
    expect(
      read(
        (c) =>
          (c.pages = [
            { file: "a.yaml", published: "openapi-page" },
            { file: "a.yaml", published: "html-page" },
          ]),
      ),
    ).toThrow(/pages\[1\]\.file a\.yaml is listed twice/);
    expect(read((c) => (c.pages = [{ file: "a.yaml", published: "pdf" }]))).toThrow(
      /pages\[0\]\.published must be one of openapi-page, html-page, hand-written/,
    );
    expect(read((c) => (c.pages = [{ file: "page.txt", published: "html-page" }]))).toThrow(
      /pages must hold at least one OpenAPI document/,
    );
    expect(read((c) => (c.pages = [{ file: "../x.yaml", published: "openapi-page" }]))).toThrow(/pages\[0\]\.file/);
    expect(read((c) => (c.pages = [{ file: "a.yaml", published: "openapi-page", url: "x" }]))).toThrow(
      /pages\[0\] has unknown key\(s\) url/,
    );
  });

  it("refuses a get that is not a GET of one path parameter", () => {
    expect(read((c) => (c.get = { method: "post", path: "/x/{id}" }))).toThrow(/get\.method must be one of get/);
    expect(read((c) => (c.get = { method: "get", path: "/x/{a}/{b}" }))).toThrow(
      /get\.path must have exactly one path parameter \(the id\), found 2/,
    );
  });

  it("refuses a pagination with no cursor source, two, a lastItem without hasMore, or a typo", () => {
    const pagination = (p: unknown) => read((c) => ((c.list as Record<string, unknown>).pagination = p));
    expect(pagination(undefined)).toThrow(/list\.pagination must say how pages follow one another/);
    expect(pagination({ request: "k", response: { items: "items" } })).toThrow(
      /list\.pagination needs exactly one source of the next cursor/,
    );
    expect(
      pagination({ request: "k", next: { lastItem: "id" }, response: { items: "items", next: "k", hasMore: "m" } }),
    ).toThrow(/exactly one source of the next cursor/);
    expect(pagination({ request: "k", next: { lastItem: "id" }, response: { items: "data" } })).toThrow(
      /list\.pagination\.next\.lastItem needs response\.hasMore/,
    );
    expect(pagination({ request: "k", response: { items: "items", nxet: "k" } })).toThrow(
      /list\.pagination\.response has unknown key\(s\) nxet/,
    );
    expect(pagination({ response: { items: "items", next: "k" } })).toThrow(/list\.pagination\.request/);
  });
});

describe("vendor.yaml's operations against the effective spec", () => {
  const loaded = loadVendorSpec(REPO, "retell");
  const withList = (pagination: object) => () =>
    phoneNumberOperations({
      ...loaded,
      config: {
        ...loaded.config,
        list: { method: "get", path: "/v2/list-phone-numbers", pagination: pagination as never },
      },
    });

  it("finds every vendor's update, get and list, with the list's item schema", () => {
    for (const vendor of ["retell", "vogent", "cartesia", "verbex", "cald"]) {
      const found = phoneNumberOperations(loadVendorSpec(REPO, vendor));
      expect(found.update.status).toBeGreaterThanOrEqual(200);
      expect(Boolean(found.get)).toBe(["retell", "vogent", "cartesia"].includes(vendor));
      if (found.list) expect(found.list.item).toBeDefined();
    }
  });

  it("refuses a get or list the spec does not define, naming the field", () => {
    expect(() =>
      phoneNumberOperations({ ...loaded, config: { ...loaded.config, get: { method: "get", path: "/nope/{id}" } } }),
    ).toThrow(/specs\/retell\/vendor\.yaml: get names GET \/nope\/\{id\}, which no page of specs\/retell\/ defines/);
  });

  it("refuses pagination fields the list's request or page does not have, or of the wrong type", () => {
    expect(withList({ request: "cursor", response: { items: "items", next: "pagination_key" } })).toThrow(
      /list\.pagination\.request: cursor is not a query parameter of GET \/v2\/list-phone-numbers \(it has limit, sort_order, pagination_key\)/,
    );
    expect(withList({ request: "pagination_key", response: { items: "data", next: "pagination_key" } })).toThrow(
      /list\.pagination\.response\.items: data is not a property of the 200 response/,
    );
    expect(withList({ request: "pagination_key", response: { items: "items", next: "has_more" } })).toThrow(
      /list\.pagination\.response\.next: has_more of the 200 response of GET \/v2\/list-phone-numbers is boolean, not string/,
    );
    expect(
      withList({
        request: "pagination_key",
        next: { lastItem: "nope" },
        response: { items: "items", hasMore: "has_more" },
      }),
    ).toThrow(/list\.pagination\.next\.lastItem: nope is not a property of the items/);
  });
});

// Every field vendor.yaml requires, so that only the rule under test is wrong.
const base = {
  provider: "acme",
  title: "Acme",
  envPrefix: "ACME",
  update: { method: "patch", path: "/n/{id}" },
  pages: [{ file: "openapi.yaml", published: "openapi-page" }],
  contract: { id: "n_1" },
};

describe("vendor.yaml errors", () => {
  it("reads Retell's rule and gives none to a vendor without one", () => {
    expect(readVendorConfig(REPO, "retell").errors).toEqual([
      { status: 422, message: "^Cannot find requested asset", code: "not_found" },
    ]);
    expect(readVendorConfig(REPO, "cald").errors).toEqual([]);
  });

  it.each([
    [{ status: 200, message: "x", code: "not_found" }],
    [{ status: 422, message: "(", code: "not_found" }],
    [{ status: 422, message: "x", code: "invalid_input" }],
    [{ status: "422", message: "x", code: "not_found" }],
    [{ status: 422, code: "not_found" }],
  ])("refuses the rule %j, naming the file and the rule", (rule) => {
    expect(() => parseVendorConfig({ ...base, errors: [rule] }, "acme")).toThrow(
      /^specs\/acme\/vendor\.yaml: errors\[0\] needs a status from 400 to 599/,
    );
  });
});
