// Applies a vendor's overlay (specs/<vendor>/overlay.yaml) to its published document.
//
// Each fix names one place in the document by JSON Pointer, the value the vendor published
// there (`expect`), and what phonebridge puts there instead (`set`) or that it removes it
// (`remove: true`); a fix without `expect` only adds something the document lacks. A fix applies only while the document still holds exactly `expect`, so
// when the vendor fixes its document, or changes what a fix touched, the fix is reported as
// stale by name instead of silently rewriting something new.
import { isDeepStrictEqual } from "node:util";

/** @typedef {{ name: string, reason: string, target: string, expect?: unknown, set?: unknown, remove?: boolean }} Fix */
/** @typedef {{ name: string, status: "applied" | "stale", detail?: string }} FixOutcome */

const ABSENT = Symbol("absent");

function decode(token) {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

function parsePointer(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`overlay target "${pointer}" is not a JSON Pointer`);
  return pointer.slice(1).split("/").map(decode);
}

function lookup(doc, tokens) {
  let node = doc;
  for (const token of tokens) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return ABSENT;
    node = node[token];
  }
  return node;
}

/** Validates the overlay's shape, so a typo fails loudly instead of skipping a fix. */
export function checkOverlay(overlay, vendor) {
  if (overlay == null) return [];
  if (typeof overlay !== "object" || !Array.isArray(overlay.fixes)) {
    throw new Error(`specs/${vendor}/overlay.yaml: expected a top-level "fixes" list`);
  }
  const names = new Set();
  for (const fix of overlay.fixes) {
    const where = `specs/${vendor}/overlay.yaml fix "${fix?.name ?? "?"}"`;
    if (typeof fix?.name !== "string" || !fix.name) throw new Error(`${where}: needs a name`);
    if (names.has(fix.name)) throw new Error(`${where}: duplicate name`);
    names.add(fix.name);
    if (typeof fix.reason !== "string" || !fix.reason.trim()) throw new Error(`${where}: needs a reason`);
    if (typeof fix.target !== "string") throw new Error(`${where}: needs a JSON Pointer target`);
    parsePointer(fix.target);
    if ("set" in fix === Boolean(fix.remove)) throw new Error(`${where}: give exactly one of set or remove: true`);
  }
  return overlay.fixes;
}

/**
 * Returns { spec, outcomes }: a patched deep copy of `doc` and, per fix, whether it applied or
 * is stale (with why). `doc` is not modified.
 */
export function applyOverlay(doc, overlay, vendor) {
  const fixes = checkOverlay(overlay, vendor);
  const spec = structuredClone(doc);
  const outcomes = [];
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
    const parentTokens = tokens.slice(0, -1);
    const parent = lookup(spec, parentTokens);
    const key = tokens.at(-1);
    if (parent === ABSENT || parent === null || typeof parent !== "object" || key === undefined) {
      outcomes.push({ name: fix.name, status: "stale", detail: `the parent of ${fix.target} is not in the document` });
      continue;
    }
    if (fix.remove) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      parent[key] = structuredClone(fix.set);
    }
    outcomes.push({ name: fix.name, status: "applied" });
  }
  return { spec, outcomes };
}
