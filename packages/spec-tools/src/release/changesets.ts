// The changesets that announce a vendor's spec changes, and the ones already in .changeset/.
//
// `.changeset/specs-<vendor>.md` (and `.changeset/specs-<vendor>-facade.md` when the facade's
// adapter must follow) always describe the whole difference between the last release and the
// working copy, so `specs:diff` rewrites them on every run, and removes them when the spec is
// back where it was released. `changeset version` consumes them at release time like any other.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { BUMPS, type Bump, type Change, maxBump } from "../diff/change.js";
import { groupForText } from "../diff/group.js";
import { bumpOf } from "../diff/rules.js";
import { sentence } from "../diff/sentences.js";
import { isObject } from "../json.js";
import { packageName } from "../repo.js";
import type { VendorDiff } from "./analyze.js";

const LABEL: Record<Bump, string> = { major: "Breaking", minor: "Compatible", patch: "Documentation" };

/** Past this many documentation-only changes, one line counts them. */
const MAX_DOC_LINES = 6;

/** Breaking first; the same change in several fields as one sentence. */
export function order(changes: readonly Change[]): Change[] {
  const sorted = [...changes].sort((a, b) => BUMPS.indexOf(b.bump) - BUMPS.indexOf(a.bump));
  const docs = sorted.filter((c) => c.kind === "documentation");
  if (docs.length <= MAX_DOC_LINES) return groupForText(sorted);
  const detail = { what: "count", count: docs.length } as const;
  return [
    ...groupForText(sorted.filter((c) => c.kind !== "documentation")),
    {
      bump: bumpOf("documentation", "document"),
      side: "document",
      kind: "documentation",
      sentence: sentence("documentation", detail, "document"),
    },
  ];
}

/** The changeset for the vendor package. */
export function renderVendorChangeset(result: VendorDiff): string {
  const lines = [
    "---",
    `"${packageName(result.vendor)}": ${result.bump}`,
    "---",
    "",
    `${result.title}'s API changed since ${result.base?.label}:`,
    "",
    ...order(result.changes).map((c) => `- ${LABEL[c.bump]}: ${c.sentence}`),
    "",
  ];
  const update = result.specs?.update;
  if (update && result.changes.some((c) => c.operation === `${update.method.toUpperCase()} ${update.path}`)) {
    lines.push(`\`updatePhoneNumber()\` calls ${update.method.toUpperCase()} ${update.path}.`, "");
  }
  return lines.join("\n");
}

/** The changeset for @phonebridge/facade: the changes its adapter for the vendor must follow. */
export function renderFacadeChangeset(result: VendorDiff): string {
  return [
    "---",
    `"@phonebridge/facade": ${result.facadeBump}`,
    "---",
    "",
    `${result.title}'s API changed where the facade maps it; \`update()\` for ${result.title} follows:`,
    "",
    ...order(result.facade).map((c) => `- ${LABEL[c.bump]}: ${result.title}: ${c.sentence}`),
    "",
  ].join("\n");
}

export const changesetPath = (root: string, vendor: string, facade = false): string =>
  join(root, ".changeset", `specs-${vendor}${facade ? "-facade" : ""}.md`);

/** The changeset files to write (text) or remove (null) for a diff result. */
export function changesetFiles(root: string, result: VendorDiff): Map<string, string | null> {
  const files = new Map<string, string | null>();
  files.set(changesetPath(root, result.vendor), result.bump ? renderVendorChangeset(result) : null);
  const facadeExists = existsSync(join(root, "packages", "facade", "package.json"));
  files.set(
    changesetPath(root, result.vendor, true),
    result.facadeBump && facadeExists ? renderFacadeChangeset(result) : null,
  );
  return files;
}

export interface ChangesetFile {
  file: string;
  releases: Record<string, unknown>;
  summary: string;
}

/** Every changeset in .changeset/. */
export function readChangesets(root: string): ChangesetFile[] {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return [];
  const out: ChangesetFile[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".md") || file.toLowerCase() === "readme.md") continue;
    const text = readFileSync(join(dir, file), "utf8");
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!m) continue;
    let releases: Record<string, unknown> = {};
    try {
      const parsed: unknown = parse(m[1] ?? "");
      if (isObject(parsed)) releases = parsed;
    } catch {
      releases = {};
    }
    out.push({ file, releases, summary: (m[2] ?? "").trim() });
  }
  return out;
}

const isBump = (value: unknown): value is Bump => BUMPS.includes(value as Bump);

/** The largest bump that the changesets in .changeset/ declare for a package. */
export function declaredBump(changesets: readonly ChangesetFile[], pkg: string): Bump | undefined {
  return maxBump(...changesets.map((c) => c.releases[pkg]).filter(isBump));
}
