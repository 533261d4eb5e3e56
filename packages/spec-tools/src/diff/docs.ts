// Keys that only document, and the changes to them: a patch, or "now deprecated". A change to a
// key no module understands is reported as unclassified (major until a person reviews it).
import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "../json.js";
import type { Side, Subject } from "./change.js";
import type { Differ } from "./differ.js";

const DOC_KEYS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "deprecated",
  "x-codeSamples",
  "x-code-samples",
  "tags",
  "$comment",
]);

export const isDocKey = (key: string): boolean => DOC_KEYS.has(key) || key.startsWith("x-");

/** Keys that changed between `a` and `b`, among those `keep` accepts. */
export function changedKeys(a: JsonObject, b: JsonObject, keep: (key: string) => boolean): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => keep(key) && !isDeepStrictEqual(a[key], b[key]),
  );
}

export interface Where {
  side: Side;
  op?: string | undefined;
  field?: string | undefined;
}

/** The documentation keys of `a` and `b` that changed: "now deprecated", and one patch for the rest. */
export function compareDocKeys(d: Differ, a: JsonObject, b: JsonObject, at: Where, about: Subject): void {
  const changed = changedKeys(a, b, isDocKey).sort();
  if (!changed.length) return;
  const deprecated = changed.includes("deprecated") && b.deprecated === true && a.deprecated !== true;
  if (deprecated) d.emit("deprecated", at.side, { subject: about }, { operation: at.op });
  // No longer deprecated only documents, like the other keys (oasdiff calls it "reactivated").
  const rest = deprecated ? changed.filter((key) => key !== "deprecated") : changed;
  if (rest.length) {
    d.emit(
      "documentation",
      at.side,
      { what: "keys", subject: about, keys: rest },
      { operation: at.op, field: at.field },
    );
  }
}

export function unclassified(d: Differ, at: Where, about: Subject, keys: string[]): void {
  d.emit("unclassified", at.side, { subject: about, keys }, { operation: at.op });
}
