// The state of one comparison: the two documents, the changes found so far, and the pairs of
// schemas being compared further up (recursive schemas). Every module of the classifier reports
// through `emit`, which takes the bump from the rule table and the sentence from the sentences.
import type { Change, Details, Kind, Side } from "./change.js";
import { bumpOf } from "./rules.js";
import { sentence } from "./sentences.js";

export interface ChangeMeta {
  operation?: string | undefined;
  field?: string | undefined;
  renamedTo?: string | undefined;
  wasRequired?: boolean | undefined;
}

export class Differ {
  readonly changes: Change[] = [];
  /** Pairs of schema objects being compared, outermost first. */
  readonly stack: [unknown, unknown][] = [];

  constructor(
    /** The effective spec at the last release. */
    readonly a: unknown,
    /** The effective spec now. */
    readonly b: unknown,
  ) {}

  emit<K extends Kind>(kind: K, side: Side, detail: Details[K], meta: ChangeMeta = {}): void {
    this.changes.push({
      bump: bumpOf(kind, side),
      side,
      kind,
      ...(meta.operation === undefined ? {} : { operation: meta.operation }),
      ...(meta.field === undefined ? {} : { field: meta.field }),
      ...(meta.renamedTo === undefined ? {} : { renamedTo: meta.renamedTo }),
      ...(meta.wasRequired === undefined ? {} : { wasRequired: meta.wasRequired }),
      sentence: sentence(kind, detail, side),
    });
  }
}
