// Every hand-written file in specs/ must parse: the tools (specs:pull, the generator) read them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { listVendors } from "../../src/repo.js";
import { REPO } from "../helpers.js";

describe("specs/<vendor>/*.yaml", () => {
  for (const vendor of listVendors(REPO)) {
    it(`${vendor}: provenance.yaml parses and names its source, form, date and inferred points`, () => {
      const provenance = parse(readFileSync(join(REPO, "specs", vendor, "provenance.yaml"), "utf8"));
      expect(provenance.vendor).toBe(vendor);
      expect(provenance.source.url).toMatch(/^https:\/\//);
      expect(typeof provenance.source.form).toBe("string");
      expect(String(provenance.source.retrieved)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(provenance.inferred.length).toBeGreaterThan(0);
      for (const item of provenance.inferred) {
        expect(typeof item.point).toBe("string");
        expect(typeof item.decision).toBe("string");
      }
    });
  }
});
