// Loads one vendor's specs/ folder: its config and its effective spec (its pages, each with its
// overlay fixes, merged: src/spec/assemble.ts), refusing overlay fixes that no longer apply
// (specs/README.md#overlay-format), conflicts between pages that provenance.yaml does not
// record (specs/README.md#specs-from-several-pages), and operations or pagination fields of
// vendor.yaml that the spec does not have (specs/README.md#read-operations-and-pagination).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Assembly } from "./assemble.js";
import { conflictProblems } from "./conflicts.js";
import { phoneNumberOperations } from "./operations.js";
import { assembleFiles, readSpecFiles } from "./spec-files.js";
import { readVendorConfig, type VendorConfig } from "./vendor-config.js";

export interface VendorSpec {
  vendor: string;
  config: VendorConfig;
  /** The effective spec: the vendor's documents, with phonebridge's overlay applied, merged. */
  spec: unknown;
  /** How the spec was assembled: conflicts between pages, and where each part comes from. */
  assembly: Assembly;
}

export function loadVendorSpec(root: string, vendor: string): VendorSpec {
  const dir = join(root, "specs", vendor);
  const config = readVendorConfig(root, vendor);
  for (const page of config.pages) {
    if (!existsSync(join(dir, page.file))) {
      throw new Error(
        `specs/${vendor}/vendor.yaml: pages names ${page.file}, but specs/${vendor}/${page.file} does not exist`,
      );
    }
  }
  const files = readSpecFiles(root, vendor);
  const assembly = assembleFiles(files, vendor);
  if (!assembly) throw new Error(`specs/${vendor}: no OpenAPI document among vendor.yaml's pages`);
  const stale = assembly.outcomes.filter((outcome) => outcome.status === "stale");
  if (stale.length) {
    const lines = stale.map((outcome) => `  - ${outcome.name}: ${outcome.detail}`).join("\n");
    throw new Error(`specs/${vendor}/overlay.yaml: ${stale.length} fix(es) no longer apply:\n${lines}`);
  }
  const provenancePath = join(dir, "provenance.yaml");
  const provenance = existsSync(provenancePath) ? readFileSync(provenancePath, "utf8") : "";
  const unrecorded = conflictProblems(vendor, assembly.conflicts, provenance);
  if (unrecorded) throw new Error(unrecorded);
  // vendor.yaml's update, get and list (and the list's pagination) must name what the spec has.
  phoneNumberOperations({ vendor, config, spec: assembly.spec });
  return { vendor, config, spec: assembly.spec, assembly };
}
