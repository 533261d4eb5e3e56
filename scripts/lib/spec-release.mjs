// Where a vendor's spec stood at the last release, and where it stands now.
//
// A release is the git tag `changeset tag` writes for the vendor package
// (`@phonebridge/<vendor>@<version>`, the highest version wins); with no tag yet, the first
// commit of specs/<vendor>/openapi.yaml (CONTRACT.md, "Spec changes").
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { applyOverlay } from "./overlay.mjs";

/** The files of specs/<vendor>/ that make the effective spec and the package. */
export const SPEC_FILES = ["openapi.yaml", "overlay.yaml", "vendor.yaml"];

export const packageName = (vendor) => `@phonebridge/${vendor}`;

function git(root, args) {
  return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Vendors: the folders of specs/ that hold a vendor.yaml. */
export function listVendors(root) {
  const dir = join(root, "specs");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "vendor.yaml")))
    .map((e) => e.name)
    .sort();
}

function compareVersions(a, b) {
  const pa = a.split(/[.+-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  const pb = b.split(/[.+-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
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

/**
 * @returns {{ ref: string, label: string } | undefined} the git ref of the last release of the
 * vendor's spec, or undefined when the spec has never been committed.
 */
export function releaseBase(root, vendor) {
  const prefix = `${packageName(vendor)}@`;
  let tags = [];
  try {
    tags = git(root, ["tag", "--list", `${prefix}*`])
      .split("\n")
      .filter(Boolean);
  } catch {
    return undefined; // not a git repository
  }
  if (tags.length) {
    const tag = tags.sort((a, b) => compareVersions(a.slice(prefix.length), b.slice(prefix.length))).at(-1);
    return { ref: `refs/tags/${tag}`, label: `the last release (${tag})` };
  }
  let first;
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
export function readAt(root, ref, path) {
  try {
    return git(root, ["show", `${ref}:${path}`]);
  } catch {
    return undefined;
  }
}

/** The text of the vendor's spec files in the working copy. */
export function readWorking(root, vendor) {
  const out = {};
  for (const f of SPEC_FILES) {
    const p = join(root, "specs", vendor, f);
    out[f] = existsSync(p) ? readFileSync(p, "utf8") : undefined;
  }
  return out;
}

export function readRelease(root, vendor, base) {
  const out = {};
  for (const f of SPEC_FILES) out[f] = readAt(root, base.ref, `specs/${vendor}/${f}`);
  return out;
}

/**
 * The effective spec from the texts of openapi.yaml and overlay.yaml.
 * @returns {{ spec: object, outcomes: { name: string, status: string, detail?: string }[] }}
 */
export function effectiveSpec(files, vendor) {
  if (files["openapi.yaml"] === undefined) return { spec: undefined, outcomes: [] };
  const document = parse(files["openapi.yaml"]);
  const overlay = files["overlay.yaml"] === undefined ? null : parse(files["overlay.yaml"]);
  return applyOverlay(document, overlay, vendor);
}

/** The update operation named in vendor.yaml: { method, path } (method lower-case). */
export function updateOperation(files) {
  const config = files["vendor.yaml"] ? parse(files["vendor.yaml"]) : undefined;
  const u = config?.update;
  if (!u?.method || !u?.path) return undefined;
  return { method: String(u.method).toLowerCase(), path: String(u.path), secrets: config.secrets ?? {} };
}
