// Loads one vendor's specs/ folder: its config and its effective spec (document + overlay),
// refusing overlay fixes that no longer apply (specs/README.md#overlay-format).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocumentText } from "../openapi/parse.js";
import { applyOverlay } from "./overlay.js";
import { readVendorConfig, type VendorConfig } from "./vendor-config.js";

export interface VendorSpec {
  vendor: string;
  config: VendorConfig;
  /** The effective spec: the vendor's document with phonebridge's overlay applied. */
  spec: unknown;
  /** The vendor's document as published (openapi.yaml), before the overlay. */
  document: unknown;
}

export function loadVendorSpec(root: string, vendor: string): VendorSpec {
  const dir = join(root, "specs", vendor);
  const config = readVendorConfig(root, vendor);
  const document = parseDocumentText(readFileSync(join(dir, "openapi.yaml"), "utf8"));
  const overlayPath = join(dir, "overlay.yaml");
  const overlay: unknown = existsSync(overlayPath) ? parseDocumentText(readFileSync(overlayPath, "utf8")) : null;
  const { spec, outcomes } = applyOverlay(document, overlay, vendor);
  const stale = outcomes.filter((outcome) => outcome.status === "stale");
  if (stale.length) {
    const lines = stale.map((outcome) => `  - ${outcome.name}: ${outcome.detail}`).join("\n");
    throw new Error(`specs/${vendor}/overlay.yaml: ${stale.length} fix(es) no longer apply:\n${lines}`);
  }
  return { vendor, config, spec, document };
}
