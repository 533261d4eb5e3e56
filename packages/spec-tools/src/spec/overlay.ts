// Applies a vendor's overlay (specs/<vendor>/overlay.yaml) to its published documents.
//
// Each fix names one place in the document by JSON Pointer, the value the vendor published
// there (`expect`), and what phonebridge puts there instead (`set`) or that it removes it
// (`remove: true`); a fix without `expect` only adds something the document lacks. A fix
// applies only while the document still holds exactly `expect`, so when the vendor fixes its
// document, or changes what a fix touched, the fix is reported as stale by name instead of
// silently rewriting something new (specs/README.md#overlay-format). A fix applies to the first
// document of vendor.yaml's pages, or to the one its `page` names.
import { isDeepStrictEqual } from "node:util";
import { isObject } from "../json.js";
import { ABSENT, lookup, parsePointer } from "../openapi/ref.js";

export interface Fix {
  name: string;
  /** The file of specs/<vendor>/ the fix applies to; the first document of the pages when absent. */
  page?: string;
  reason: string;
  target: string;
  expect?: unknown;
  set?: unknown;
  remove?: boolean;
}

export interface FixOutcome {
  name: string;
  status: "applied" | "stale";
  detail?: string;
}

/**
 * Validates the overlay's shape, so a typo fails loudly instead of skipping a fix. `documents`:
 * the files a fix's `page` may name.
 */
export function checkOverlay(overlay: unknown, vendor: string, documents?: readonly string[]): Fix[] {
  if (overlay === null || overlay === undefined) return [];
  if (!isObject(overlay) || !Array.isArray(overlay.fixes)) {
    throw new Error(`specs/${vendor}/overlay.yaml: expected a top-level "fixes" list`);
  }
  const names = new Set<string>();
  for (const fix of overlay.fixes as unknown[]) {
    const named = isObject(fix) && typeof fix.name === "string" ? fix.name : "?";
    const where = `specs/${vendor}/overlay.yaml fix "${named}"`;
    if (!isObject(fix) || typeof fix.name !== "string" || !fix.name) throw new Error(`${where}: needs a name`);
    if (names.has(fix.name)) throw new Error(`${where}: duplicate name`);
    names.add(fix.name);
    if (typeof fix.reason !== "string" || !fix.reason.trim()) throw new Error(`${where}: needs a reason`);
    if (typeof fix.target !== "string") throw new Error(`${where}: needs a JSON Pointer target`);
    try {
      parsePointer(fix.target);
    } catch {
      throw new Error(`overlay target "${fix.target}" is not a JSON Pointer`);
    }
    if ("set" in fix === Boolean(fix.remove)) throw new Error(`${where}: give exactly one of set or remove: true`);
    if (fix.page !== undefined && (typeof fix.page !== "string" || (documents && !documents.includes(fix.page)))) {
      throw new Error(
        `${where}: page must name an OpenAPI document of specs/${vendor}/vendor.yaml's pages${documents ? ` (${documents.join(", ")})` : ""}`,
      );
    }
  }
  return overlay.fixes as Fix[];
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Container => typeof value === "object" && value !== null;
const copyOf = (node: Container): Container => (Array.isArray(node) ? [...node] : { ...node });

/**
 * `doc` with the change made at `tokens`: the objects on the way are copied, the rest is shared
 * with `doc`, which is never modified. Copying only that path instead of the whole document keeps
 * the overlay cheap on a large spec (docs/ARCHITECTURE.md#generator-speed).
 */
function changedAt(
  node: unknown,
  tokens: readonly string[],
  change: (parent: Container, key: string) => void,
): unknown {
  const [key, ...rest] = tokens;
  if (key === undefined || !isContainer(node)) return node;
  const copy = copyOf(node);
  if (rest.length === 0) change(copy, key);
  else (copy as Record<string, unknown>)[key] = changedAt((node as Record<string, unknown>)[key], rest, change);
  return copy;
}

/**
 * The document with every fix of the overlay applied and, per fix, whether it applied or is
 * stale (with why). `doc` is not modified; parts the overlay does not touch are shared with it.
 */
export function applyOverlay(
  doc: unknown,
  overlay: unknown,
  vendor: string,
): { spec: unknown; outcomes: FixOutcome[] } {
  return applyFixes(doc, checkOverlay(overlay, vendor));
}

/** applyOverlay with fixes already checked (src/spec/assemble.ts gives each page its own). */
export function applyFixes(doc: unknown, fixes: readonly Fix[]): { spec: unknown; outcomes: FixOutcome[] } {
  let spec = doc;
  const outcomes: FixOutcome[] = [];
  for (const fix of fixes) {
    const tokens = parsePointer(fix.target);
    const current = lookup(spec, tokens);
    // A fix without `expect` only adds: it applies while the target is absent.
    const expected = "expect" in fix ? fix.expect : ABSENT;
    const matches = expected === ABSENT ? current === ABSENT : isDeepStrictEqual(current, expected);
    if (!matches) {
      const already = "set" in fix ? isDeepStrictEqual(current, fix.set) : current === ABSENT;
      outcomes.push({
        name: fix.name,
        status: "stale",
        detail: already
          ? `the document now already has what this fix sets at ${fix.target}: the vendor fixed it, remove the fix`
          : current === ABSENT
            ? `${fix.target} is no longer in the document`
            : `the vendor changed ${fix.target}; review the fix`,
      });
      continue;
    }
    const parent = lookup(spec, tokens.slice(0, -1));
    if (parent === ABSENT || !isContainer(parent) || tokens.length === 0) {
      outcomes.push({ name: fix.name, status: "stale", detail: `the parent of ${fix.target} is not in the document` });
      continue;
    }
    spec = changedAt(spec, tokens, (copy, key) => {
      if (fix.remove) {
        if (Array.isArray(copy)) copy.splice(Number(key), 1);
        else delete copy[key];
      } else {
        (copy as Record<string, unknown>)[key] = structuredClone(fix.set);
      }
    });
    outcomes.push({ name: fix.name, status: "applied" });
  }
  return { spec, outcomes };
}
