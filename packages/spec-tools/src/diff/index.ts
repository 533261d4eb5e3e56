// The classifier: two effective specs (document + overlay) in, the changes between them out,
// each judged from the client's side (docs/spec-changes.md#specsdiff). Pure.
import { isDeepStrictEqual } from "node:util";
import { RefError } from "../openapi/ref.js";
import { type Bump, type Change, maxBump } from "./change.js";
import { Differ } from "./differ.js";
import { compareDocument } from "./document.js";
import { bumpOf } from "./rules.js";
import { sentence } from "./sentences.js";

export interface SpecDiff {
  changes: Change[];
  /** The largest bump of the changes; undefined when there are none. */
  bump: Bump | undefined;
}

export function diffSpecs(oldSpec: unknown, newSpec: unknown): SpecDiff {
  const d = new Differ(oldSpec ?? {}, newSpec ?? {});
  try {
    compareDocument(d);
  } catch (error) {
    // A reference that leads nowhere (an invalid document: the validator refuses it) leaves
    // nothing to compare with confidence; what was found up to it is dropped, not half-reported.
    if (!(error instanceof RefError)) throw error;
    const detail = { reason: error.message };
    const change: Change = {
      bump: bumpOf("unclassified", "document"),
      side: "document",
      kind: "unclassified",
      sentence: sentence("unclassified", detail, "document"),
    };
    return { changes: [change], bump: change.bump };
  }
  // One sentence once: a schema shared by several places can repeat the same finding.
  const seen = new Set<string>();
  const changes = d.changes.filter((change) => {
    const key = `${change.bump}|${change.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!changes.length && !isDeepStrictEqual(oldSpec, newSpec)) {
    const detail = { what: "unreferenced" } as const;
    changes.push({
      bump: bumpOf("documentation", "document"),
      side: "document",
      kind: "documentation",
      sentence: sentence("documentation", detail, "document"),
    });
  }
  return { changes, bump: maxBump(...changes.map((change) => change.bump)) };
}
