// specs/<vendor>/vendor.yaml `errors`: the vendor's refinements of the status table, checked on
// read, so that a bad rule fails the generator instead of a client at run time
// (docs/CONTRACT.md#errors).
import { describe, expect, it } from "vitest";
import { parseVendorConfig, readVendorConfig } from "../../src/spec/vendor-config.js";
import { REPO } from "../helpers.js";

// Every field vendor.yaml requires, so that only the rule under test is wrong.
const base = {
  provider: "acme",
  title: "Acme",
  envPrefix: "ACME",
  update: { method: "patch", path: "/n/{id}" },
  published: "openapi-page",
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
