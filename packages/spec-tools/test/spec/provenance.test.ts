// Every vendor's provenance.yaml records each page of its vendor.yaml: the operations it gives,
// its URL, form and date, and for a page phonebridge keeps as published the sha256 of the kept
// file; and the inferred points (specs/README.md#specs-from-several-pages).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { listVendors } from "../../src/repo.js";
import { readVendorConfig } from "../../src/spec/vendor-config.js";
import { REPO } from "../helpers.js";

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("specs/<vendor>/provenance.yaml", () => {
  for (const vendor of listVendors(REPO)) {
    const dir = join(REPO, "specs", vendor);
    const provenance = parse(readFileSync(join(dir, "provenance.yaml"), "utf8"));
    const config = readVendorConfig(REPO, vendor);

    it(`${vendor}: records every page of vendor.yaml, in its order`, () => {
      expect(provenance.vendor).toBe(vendor);
      expect(provenance.pages.map((page: { file: string }) => page.file)).toEqual(
        config.pages.map((page) => page.file),
      );
    });

    for (const page of config.pages) {
      it(`${vendor}: ${page.file} (${page.published}) has its operations, form, date${page.published === "hand-written" ? "" : ", URL and sha256"}`, () => {
        const entry = provenance.pages.find((p: { file: string }) => p.file === page.file);
        expect(entry.operations.length).toBeGreaterThan(0);
        for (const operation of entry.operations) expect(operation).toMatch(/^(GET|PUT|POST|PATCH|DELETE) \/\S*$/);
        expect(typeof entry.form).toBe("string");
        if (page.published === "hand-written") return;
        expect(entry.url).toMatch(/^https:\/\//);
        expect(String(entry.retrieved)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(entry.sha256).toBe(sha256(join(dir, page.file)));
      });
    }

    it(`${vendor}: lists the operations vendor.yaml names among its pages'`, () => {
      const operations = provenance.pages.flatMap((page: { operations: string[] }) => page.operations);
      for (const op of [config.update, config.get, config.list]) {
        if (op) expect(operations).toContain(`${op.method.toUpperCase()} ${op.path}`);
      }
    });

    it(`${vendor}: names its inferred points`, () => {
      expect(provenance.inferred.length).toBeGreaterThan(0);
      for (const item of provenance.inferred) {
        expect(typeof item.point).toBe("string");
        expect(typeof item.decision).toBe("string");
      }
    });
  }
});
