// A vendor's spec changes since its last release, and the changesets that announce them.
//
// `.changeset/specs-<vendor>.md` (and `.changeset/specs-<vendor>-facade.md` when the facade's
// adapter must follow) always describe the whole difference between the last release and the
// working copy, so `specs:diff` rewrites them on every run, and removes them when the spec is
// back where it was released. `changeset version` consumes them at release time like any other.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { facadeChanges } from "./facade-fields.mjs";
import { oasdiffChangelog, unexplained } from "./oasdiff-check.mjs";
import { BUMPS, diffSpecs, groupForText, maxBump } from "./spec-diff.mjs";
import { effectiveSpec, packageName, readRelease, readWorking, releaseBase, updateOperation } from "./spec-release.mjs";

const TITLES = { cald: "Cald", cartesia: "Cartesia", retell: "Retell", verbex: "Verbex", vogent: "Vogent" };
export const vendorTitle = (vendor, files) => {
  try {
    const t = files?.["vendor.yaml"] && parse(files["vendor.yaml"])?.title;
    if (t) return t;
  } catch {
    // fall through
  }
  return TITLES[vendor] ?? vendor;
};

/**
 * @param {string} root the repository (git history and, unless `working` is given, the files)
 * @param {string} vendor
 * @param {{ working?: Record<string, string | undefined> }} [options] the working copy's spec
 *   files, when they differ from what is on disk (a pull being staged)
 */
export function diffVendor(root, vendor, options = {}) {
  const working = options.working ?? readWorking(root, vendor);
  const base = releaseBase(root, vendor);
  const title = vendorTitle(vendor, working);
  const now = effectiveSpec(working, vendor);
  const stale = now.outcomes.filter((o) => o.status === "stale");
  if (!base) {
    return {
      vendor,
      title,
      base: undefined,
      changes: [],
      bump: undefined,
      facade: [],
      facadeBump: undefined,
      stale,
      filesChanged: false,
    };
  }
  const released = readRelease(root, vendor, base);
  const then = effectiveSpec(released, vendor);
  const filesChanged = ["openapi.yaml", "overlay.yaml", "vendor.yaml"].some(
    (f) => (released[f] ?? "") !== (working[f] ?? ""),
  );
  let { changes } = diffSpecs(then.spec ?? {}, now.spec ?? {});
  if (!changes.length && filesChanged) {
    const why =
      released["openapi.yaml"] !== working["openapi.yaml"]
        ? "The vendor's published document changed without changing the API the client sees (its effective spec, with phonebridge's fixes, is the same)."
        : "phonebridge's spec files changed without changing the API the client sees.";
    changes = [{ bump: "patch", side: "document", kind: "no-api-change", sentence: why }];
  }
  const update = updateOperation(working);
  const facade = facadeChanges(vendor, changes, update);
  const result = {
    vendor,
    title,
    base,
    changes,
    bump: maxBump(...changes.map((c) => c.bump)),
    facade,
    facadeBump: maxBump(...facade.map((c) => c.bump)),
    stale,
    filesChanged,
  };
  // The two effective specs, for the oasdiff cross-check (kept out of JSON output).
  Object.defineProperty(result, "specs", {
    value: { before: then.spec ?? {}, after: now.spec ?? {}, update },
    enumerable: false,
  });
  return result;
}

/**
 * diffVendor, plus oasdiff's second opinion: what oasdiff reports on an operation where the
 * differ found nothing above documentation is added as an unclassified, breaking change.
 */
export async function analyzeVendor(root, vendor, options = {}) {
  const result = diffVendor(root, vendor, options);
  if (!result.base) return result;
  const run = await oasdiffChangelog(result.specs.before, result.specs.after);
  if (run.error) {
    result.warnings = [`oasdiff could not compare the specs (${run.error}); the classification is the differ's alone`];
    return result;
  }
  const extra = unexplained(result.changes, run.changes);
  if (extra.length) {
    result.changes = [...result.changes.filter((c) => c.kind !== "no-api-change"), ...extra];
    result.bump = maxBump(...result.changes.map((c) => c.bump));
    result.facade = facadeChanges(vendor, result.changes, result.specs.update);
    result.facadeBump = maxBump(...result.facade.map((c) => c.bump));
  }
  return result;
}

const LABEL = { major: "Breaking", minor: "Compatible", patch: "Documentation" };

/** Breaking first; the same change in several fields as one sentence. */
export function order(changes) {
  const sorted = [...changes].sort((a, b) => BUMPS.indexOf(b.bump) - BUMPS.indexOf(a.bump));
  // Many documentation-only changes say little each: past a handful, one line counts them.
  const docs = sorted.filter((c) => c.kind === "documentation");
  if (docs.length <= MAX_DOC_LINES) return groupForText(sorted);
  return [
    ...groupForText(sorted.filter((c) => c.kind !== "documentation")),
    {
      bump: "patch",
      side: "document",
      kind: "documentation",
      sentence: `Descriptions, summaries, examples or code samples changed in ${docs.length} places (documentation only).`,
    },
  ];
}

const MAX_DOC_LINES = 6;

/** The changeset for the vendor package. */
export function renderVendorChangeset(result) {
  const lines = [
    "---",
    `"${packageName(result.vendor)}": ${result.bump}`,
    "---",
    "",
    `${result.title}'s API changed since ${result.base.label}:`,
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
export function renderFacadeChangeset(result) {
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

export const changesetPath = (root, vendor, facade = false) =>
  join(root, ".changeset", `specs-${vendor}${facade ? "-facade" : ""}.md`);

/**
 * The changeset files to write (text) or remove (null) for a diff result.
 * @returns {Map<string, string | null>}
 */
export function changesetFiles(root, result) {
  const files = new Map();
  const vendorPath = changesetPath(root, result.vendor);
  const facadePath = changesetPath(root, result.vendor, true);
  files.set(vendorPath, result.bump ? renderVendorChangeset(result) : null);
  const facadeExists = existsSync(join(root, "packages", "facade", "package.json"));
  files.set(facadePath, result.facadeBump && facadeExists ? renderFacadeChangeset(result) : null);
  return files;
}

/**
 * Every changeset in .changeset/: { file, releases: { [package]: bump }, summary }.
 */
export function readChangesets(root) {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return [];
  const out = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".md") || file.toLowerCase() === "readme.md") continue;
    const text = readFileSync(join(dir, file), "utf8");
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!m) continue;
    let releases = {};
    try {
      releases = parse(m[1]) ?? {};
    } catch {
      releases = {};
    }
    out.push({ file, releases, summary: m[2].trim() });
  }
  return out;
}

/** The largest bump that the changesets in .changeset/ declare for a package. */
export function declaredBump(changesets, pkg) {
  return maxBump(...changesets.map((c) => c.releases?.[pkg]).filter((b) => BUMPS.includes(b)));
}
