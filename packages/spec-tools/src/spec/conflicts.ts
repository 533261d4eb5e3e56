// Conflicts between pages (two pages defining one component differently: src/spec/assemble.ts)
// are recorded in provenance.yaml's `conflicts` list, so that a person sees which operation
// reads which version. The generator refuses a spec whose conflicts the list does not record,
// showing the list to write; `specs:pull` writes it (specs/README.md#specs-from-several-pages).
import { parse } from "yaml";
import { isObject } from "../json.js";
import type { Conflict } from "./assemble.js";

const identity = (c: { component?: unknown; page?: unknown; renamed?: unknown }) =>
  `${String(c.component)} ${String(c.page)} ${String(c.renamed)}`;

/** Why a component was renamed, in words. */
export function conflictReason(conflict: Conflict): string {
  return conflict.through.length
    ? `it refers to ${conflict.through.join(", ")}, which ${conflict.through.length > 1 ? "differ" : "differs"}`
    : `the two differ beyond documentation keys`;
}

/** The `conflicts:` block of provenance.yaml for these conflicts (empty text for none). */
export function conflictsBlock(conflicts: readonly Conflict[]): string {
  if (!conflicts.length) return "";
  const lines = ["conflicts:"];
  for (const conflict of conflicts) {
    lines.push(
      `  - component: ${conflict.component}`,
      `    page: ${conflict.page}`,
      `    renamed: ${conflict.renamed}`,
      `    keeps: ${conflict.keeps}`,
      `    why: ${JSON.stringify(conflictReason(conflict))}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The conflicts provenance.yaml records (component, page, renamed), or undefined when it cannot be read. */
function recorded(provenance: string): Set<string> | undefined {
  try {
    const parsed: unknown = parse(provenance);
    const list = isObject(parsed) && Array.isArray(parsed.conflicts) ? parsed.conflicts : [];
    return new Set(list.filter(isObject).map(identity));
  } catch {
    return undefined;
  }
}

/** Whether provenance.yaml records exactly these conflicts. */
export function conflictsRecorded(conflicts: readonly Conflict[], provenance: string): boolean {
  const found = recorded(provenance);
  const wanted = new Set(conflicts.map(identity));
  return found !== undefined && found.size === wanted.size && [...wanted].every((key) => found.has(key));
}

/** An error message when provenance.yaml does not record exactly these conflicts. */
export function conflictProblems(
  vendor: string,
  conflicts: readonly Conflict[],
  provenance: string,
): string | undefined {
  if (conflictsRecorded(conflicts, provenance)) return undefined;
  const block = conflictsBlock(conflicts);
  return [
    `specs/${vendor}: the pages define components differently, and specs/${vendor}/provenance.yaml does not record it as they now do.`,
    ...conflicts.map(
      (c) => `  ${c.page}'s ${c.component} is kept as ${c.renamed} (${c.keeps} keeps the name): ${conflictReason(c)}`,
    ),
    block
      ? `Record them in specs/${vendor}/provenance.yaml (specs/README.md#specs-from-several-pages):\n${block.replace(/^/gm, "  ").trimEnd()}`
      : `Remove its conflicts list: the pages no longer conflict.`,
  ].join("\n");
}

/** provenance.yaml with its `conflicts:` block replaced (or added, or removed) by these conflicts. */
export function withConflicts(provenance: string, conflicts: readonly Conflict[]): string {
  const block = conflictsBlock(conflicts);
  const start = /^conflicts:.*$/m.exec(provenance);
  if (!start) return block ? `${provenance.replace(/\n*$/, "\n")}${block}` : provenance;
  const rest = provenance.slice(start.index + start[0].length);
  const next = /\n(?=[^\s#-])/.exec(rest);
  const end = next ? start.index + start[0].length + next.index + 1 : provenance.length;
  return `${provenance.slice(0, start.index)}${block}${provenance.slice(end)}`;
}
