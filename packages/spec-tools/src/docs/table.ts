// The tables of docs/spec-changes.md and docs/CONTRACT.md, rendered from the rule table
// (src/diff/rules.ts) into a marked section of each file, so the docs cannot say other bumps than
// the code decides. `pnpm docs` writes them; a test fails when they are stale.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bump } from "../diff/change.js";
import { RULES, SUMMARY_ROWS } from "../diff/rules.js";

const cell = (bump: Bump | undefined): string => bump ?? "";
/** A Markdown table row; an empty cell is written `| |`. */
const row = (cells: readonly string[]): string =>
  `| ${cells.join(" | ")} |`.replace(/\| {2}\|/g, "| |").replace(/\| {2}\|/g, "| |");

/** CONTRACT.md's table: one row per summary row, the bump each side of its kinds gives. */
export function renderSummaryTable(): string {
  const lines = ["| change | request side | response side |", "|---|---|---|"];
  for (const summary of SUMMARY_ROWS) {
    const rules = Object.values(RULES).filter((rule) => rule.summary === summary);
    const request = rules.map((rule) => rule.request).find(Boolean);
    const response = rules.map((rule) => rule.response).find(Boolean);
    lines.push(row([summary, cell(request), cell(response)]));
  }
  return lines.join("\n");
}

/** spec-changes.md's table: every kind, the change it names, and its bump on each side. */
export function renderRuleTable(): string {
  const lines = ["| change | kind | request side | response side |", "|---|---|---|---|"];
  for (const [kind, rule] of Object.entries(RULES)) {
    lines.push(row([rule.what, `\`${kind}\``, cell(rule.request), cell(rule.response)]));
  }
  return lines.join("\n");
}

export interface RenderedSection {
  /** The file, relative to the repository root. */
  file: string;
  name: string;
  render: () => string;
}

export const SECTIONS: readonly RenderedSection[] = [
  { file: "docs/spec-changes.md", name: "rule-table", render: renderRuleTable },
  { file: "docs/CONTRACT.md", name: "rule-summary", render: renderSummaryTable },
];

const markers = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** `text` with the named section replaced by `content`; throws when the markers are missing. */
export function replaceSection(text: string, name: string, content: string): string {
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`no ${start} … ${end} section`);
  const note =
    "<!-- Generated from packages/spec-tools/src/diff/rules.ts by `pnpm docs`; a test fails when it is stale. Do not edit by hand. -->";
  return `${text.slice(0, from)}${start}\n${note}\n\n${content}\n\n${text.slice(to)}`;
}

/** Each section's file as it is and as it should be. */
export function renderSections(root: string): { file: string; current: string; next: string }[] {
  const byFile = new Map<string, string>();
  for (const section of SECTIONS) {
    const current = byFile.get(section.file) ?? readFileSync(join(root, section.file), "utf8");
    byFile.set(section.file, replaceSection(current, section.name, section.render()));
  }
  return [...byFile].map(([file, next]) => ({ file, current: readFileSync(join(root, file), "utf8"), next }));
}
