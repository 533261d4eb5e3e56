// A vendor's spec changes since its last release: the classifier's changes, what the facade's
// adapter must follow, and oasdiff's second opinion.
import { type Bump, type Change, maxBump } from "../diff/change.js";
import { diffSpecs } from "../diff/index.js";
import { bumpOf } from "../diff/rules.js";
import { sentence } from "../diff/sentences.js";
import { oasdiffChangelog, unexplained } from "../oasdiff/cross-check.js";
import type { FixOutcome } from "../spec/overlay.js";
import { documentFiles, specFileNames } from "../spec/spec-files.js";
import { facadeChanges } from "./facade-fields.js";
import {
  effectiveSpec,
  type ReleaseBase,
  readRelease,
  readWorking,
  releaseBase,
  type SpecFiles,
  type UpdateOperation,
  updateOperation,
  vendorTitle,
} from "./spec-release.js";

export interface VendorDiff {
  vendor: string;
  title: string;
  base: ReleaseBase | undefined;
  changes: Change[];
  bump: Bump | undefined;
  facade: Change[];
  facadeBump: Bump | undefined;
  stale: FixOutcome[];
  filesChanged: boolean;
  warnings?: string[];
  /** The two effective specs and the update operation (not enumerable: kept out of JSON output). */
  specs?: { before: unknown; after: unknown; update: UpdateOperation | undefined };
}

function noApiChange(released: SpecFiles, working: SpecFiles): Change {
  const documents = new Set([...documentFiles(released["vendor.yaml"]), ...documentFiles(working["vendor.yaml"])]);
  const detail = {
    cause: [...documents].some((file) => released[file] !== working[file]) ? "vendor-document" : "phonebridge-files",
  } as const;
  return {
    bump: bumpOf("no-api-change", "document"),
    side: "document",
    kind: "no-api-change",
    sentence: sentence("no-api-change", detail, "document"),
  };
}

/**
 * @param working the working copy's spec files, when they differ from what is on disk (a pull
 *   being staged)
 */
export function diffVendor(root: string, vendor: string, options: { working?: SpecFiles } = {}): VendorDiff {
  const working = options.working ?? readWorking(root, vendor);
  const base = releaseBase(root, vendor);
  const title = vendorTitle(vendor, working);
  const now = effectiveSpec(working, vendor);
  const stale = now.outcomes.filter((o) => o.status === "stale");
  if (!base) {
    return {
      vendor,
      title,
      base: undefined,
      changes: [],
      bump: undefined,
      facade: [],
      facadeBump: undefined,
      stale,
      filesChanged: false,
    };
  }
  const released = readRelease(root, vendor, base);
  const then = effectiveSpec(released, vendor);
  const names = new Set([...specFileNames(released), ...specFileNames(working)]);
  const filesChanged = [...names].some((f) => (released[f] ?? "") !== (working[f] ?? ""));
  let { changes } = diffSpecs(then.spec ?? {}, now.spec ?? {});
  if (!changes.length && filesChanged) changes = [noApiChange(released, working)];
  const update = updateOperation(working);
  const facade = facadeChanges(changes, update);
  const result: VendorDiff = {
    vendor,
    title,
    base,
    changes,
    bump: maxBump(...changes.map((c) => c.bump)),
    facade,
    facadeBump: maxBump(...facade.map((c) => c.bump)),
    stale,
    filesChanged,
  };
  Object.defineProperty(result, "specs", {
    value: { before: then.spec ?? {}, after: now.spec ?? {}, update },
    enumerable: false,
  });
  return result;
}

/** diffVendor, plus oasdiff's second opinion (oasdiff/cross-check.ts). */
export async function analyzeVendor(
  root: string,
  vendor: string,
  options: { working?: SpecFiles } = {},
): Promise<VendorDiff> {
  const result = diffVendor(root, vendor, options);
  if (!result.base || !result.specs) return result;
  const run = await oasdiffChangelog(result.specs.before, result.specs.after);
  if ("error" in run) {
    result.warnings = [
      `oasdiff could not compare the specs (${run.error}); the classification is the classifier's alone`,
    ];
    return result;
  }
  const extra = unexplained(result.changes, run.changes);
  if (extra.length) {
    result.changes = [...result.changes.filter((c) => c.kind !== "no-api-change"), ...extra];
    result.bump = maxBump(...result.changes.map((c) => c.bump));
    result.facade = facadeChanges(result.changes, result.specs.update);
    result.facadeBump = maxBump(...result.facade.map((c) => c.bump));
  }
  return result;
}
