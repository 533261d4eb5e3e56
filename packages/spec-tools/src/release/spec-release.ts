// Where a vendor's spec stood at the last release, and where it stands now.
//
// A release is the git tag `changeset tag` writes for the vendor package
// (`@phonebridge/<vendor>@<version>`, the highest version wins); with no tag yet, the first
// commit of specs/<vendor>/openapi.yaml (docs/spec-changes.md#specsdiff).
import { execFileSync } from "node:child_process";
import { parse } from "yaml";
import { isObject } from "../json.js";
import { packageName } from "../repo.js";
import type { Conflict } from "../spec/assemble.js";
import type { FixOutcome } from "../spec/overlay.js";
import { assembleFiles, readFiles, readSpecFiles, type SpecFiles } from "../spec/spec-files.js";

export type { SpecFiles } from "../spec/spec-files.js";

export interface ReleaseBase {
  ref: string;
  label: string;
}

function git(root: string, args: string[]): string {
  return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.+-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (x === undefined) return 1; // 1.0.0 > 1.0.0-rc
    if (y === undefined) return -1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/** The git ref of the last release of the vendor's spec, or undefined when it was never committed. */
export function releaseBase(root: string, vendor: string): ReleaseBase | undefined {
  const prefix = `${packageName(vendor)}@`;
  let tags: string[];
  try {
    tags = git(root, ["tag", "--list", `${prefix}*`])
      .split("\n")
      .filter(Boolean);
  } catch {
    return undefined; // not a git repository
  }
  const tag = tags.sort((a, b) => compareVersions(a.slice(prefix.length), b.slice(prefix.length))).at(-1);
  if (tag) return { ref: `refs/tags/${tag}`, label: `the last release (${tag})` };
  let first: string | undefined;
  try {
    first = git(root, ["log", "--reverse", "--format=%H", "--", `specs/${vendor}/openapi.yaml`])
      .split("\n")
      .find(Boolean);
  } catch {
    return undefined;
  }
  if (!first) return undefined;
  return {
    ref: first,
    label: `the first commit of specs/${vendor}/openapi.yaml (${first.slice(0, 7)}; no release tag yet)`,
  };
}

/** The text of a file at a git ref, or undefined when it did not exist there. */
export function readAt(root: string, ref: string, path: string): string | undefined {
  try {
    return git(root, ["show", `${ref}:${path}`]);
  } catch {
    return undefined;
  }
}

/** The text of the vendor's spec files in the working copy. */
export function readWorking(root: string, vendor: string): SpecFiles {
  return readSpecFiles(root, vendor);
}

export function readRelease(root: string, vendor: string, base: ReleaseBase): SpecFiles {
  return readFiles((name) => readAt(root, base.ref, `specs/${vendor}/${name}`));
}

/**
 * The effective spec from the texts of the spec files (none without the first document), by the
 * same assembly as the generator's (src/spec/assemble.ts).
 */
export function effectiveSpec(
  files: SpecFiles,
  vendor: string,
): { spec: unknown; outcomes: FixOutcome[]; conflicts: Conflict[] } {
  const assembly = assembleFiles(files, vendor);
  if (!assembly) return { spec: undefined, outcomes: [], conflicts: [] };
  return { spec: assembly.spec, outcomes: assembly.outcomes, conflicts: assembly.conflicts };
}

export interface UpdateOperation {
  /** Lower case. */
  method: string;
  path: string;
  secrets: { request?: string[]; response?: string[] };
  /** The fields the facade's adapter uses (vendor.yaml's `facade`). */
  facade: { request: string[]; response: string[] };
}

/** The update operation named in vendor.yaml. */
export function updateOperation(files: SpecFiles): UpdateOperation | undefined {
  const config: unknown = files["vendor.yaml"] ? parse(files["vendor.yaml"]) : undefined;
  const update = isObject(config) && isObject(config.update) ? config.update : undefined;
  if (!update?.method || !update.path || !isObject(config)) return undefined;
  const secrets = isObject(config.secrets) ? (config.secrets as UpdateOperation["secrets"]) : {};
  const facade = isObject(config.facade) ? config.facade : {};
  const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    method: String(update.method).toLowerCase(),
    path: String(update.path),
    secrets,
    facade: { request: names(facade.request), response: names(facade.response) },
  };
}

/** The vendor's title from vendor.yaml, else its folder name. */
export function vendorTitle(vendor: string, files: SpecFiles): string {
  try {
    const config: unknown = files["vendor.yaml"] ? parse(files["vendor.yaml"]) : undefined;
    if (isObject(config) && typeof config.title === "string" && config.title) return config.title;
  } catch {
    // an unreadable vendor.yaml: the folder name will do for a title
  }
  return vendor;
}
