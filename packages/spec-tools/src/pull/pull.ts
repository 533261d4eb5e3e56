// `pnpm specs:pull`: bring a vendor's changed pages into specs/, regenerate its package and
// write the changeset, or refuse and touch nothing (docs/spec-changes.md#specspull). Every page
// of vendor.yaml that the vendor publishes is pulled from its URL in provenance.yaml (or one
// page `--from` elsewhere); the classifier runs on the assembled effective spec, and each page's
// own changes are reported under its name. `root` is injectable so tests run on a temp copy of
// the repository.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { diffSpecs } from "../diff/index.js";
import { generate } from "../generate/generate.js";
import { GENERATE_COMMAND } from "../generate/header.js";
import { errorMessage } from "../json.js";
import { type Extracted, extractOpenApi } from "../openapi/extract.js";
import { parseDocumentText } from "../openapi/parse.js";
import { validateOpenApi, versionProblems } from "../openapi/validate.js";
import { analyzeVendor, type VendorDiff } from "../release/analyze.js";
import { changesetFiles, order } from "../release/changesets.js";
import { effectiveSpec, readWorking, type SpecFiles, updateOperation } from "../release/spec-release.js";
import { listVendors } from "../repo.js";
import { conflictsRecorded, withConflicts } from "../spec/conflicts.js";
import { type Page, readVendorConfig } from "../spec/vendor-config.js";
import { normalizePage, pageLineDiff, pageText } from "./page.js";
import { pageUrl, revisionOf, sha256, updatePageProvenance } from "./provenance.js";
import { describeResult } from "./report.js";
import { PullRefused, readSource, type Source } from "./source.js";
import { commitStage, stageRepo } from "./stage.js";
import { checkIdentity, type Marks, vendorMarks } from "./vendor-identity.js";

export interface PullOptions {
  root: string;
  vendor: string;
  /** One page from another place (a URL or a file): the page `page` names, else the vendor's first published page. */
  from?: string | undefined;
  /** The page (its file in specs/<vendor>/) that `from` holds. */
  page?: string | undefined;
  fetchImpl?: typeof fetch;
  today?: string;
  acceptIdentity?: boolean;
  /** Where a relative --from is relative to. */
  cwd?: string;
  skipGenerate?: boolean;
}

export interface PullOutcome {
  vendor: string;
  status: "no-change" | "updated" | "page-changed" | "refused";
  exitCode: number;
  lines: string[];
  written: string[];
  result?: VendorDiff;
}

const MOVES = new Set(["operation-moved", "operation-removed", "path-parameter-renamed"]);

/** A published OpenAPI page, fetched and read, that differs from the file kept for it. */
interface NewDocument {
  page: Page;
  source: Source;
  extracted: Extracted;
  document: unknown;
}

/** The pages to pull: the one `--from` holds, else every page the vendor publishes. */
function pagesToPull(vendor: string, pages: readonly Page[], from: string | undefined, named: string | undefined) {
  const published = pages.filter((page) => page.published !== "hand-written");
  if (named !== undefined) {
    const page = published.find((p) => p.file === named);
    if (!page) {
      throw new PullRefused(
        `--page ${named} is not a published page of specs/${vendor}/vendor.yaml (${published.map((p) => p.file).join(", ") || "none"})`,
      );
    }
    return [page];
  }
  if (from !== undefined) return published.slice(0, 1);
  return published;
}

export async function pullVendor(options: PullOptions): Promise<PullOutcome> {
  const { root, vendor, from } = options;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const lines: string[] = [];
  const done = (status: PullOutcome["status"], exitCode: number, extra: Partial<PullOutcome> = {}): PullOutcome => ({
    vendor,
    status,
    exitCode,
    lines,
    written: [],
    ...extra,
  });
  try {
    const vendors = listVendors(root);
    if (!vendors.includes(vendor))
      throw new PullRefused(`no specs/${vendor}/vendor.yaml (vendors: ${vendors.join(", ")})`);
    const dir = join(root, "specs", vendor);
    const provenancePath = join(dir, "provenance.yaml");
    let provenanceText = existsSync(provenancePath) ? readFileSync(provenancePath, "utf8") : "";
    const config = readVendorConfig(root, vendor);
    const pages = pagesToPull(vendor, config.pages, from, options.page);
    if (!pages.length) {
      lines.push(`${vendor}: nothing to pull (every page of specs/${vendor}/vendor.yaml is written by hand)`);
      return done("no-change", 0);
    }
    const working = readWorking(root, vendor);

    // Fetch every page first: one that cannot be read refuses the pull before anything is written.
    const fetched: { page: Page; source: Source }[] = [];
    for (const page of pages) {
      const url = from ?? (provenanceText ? pageUrl(provenanceText, page.file) : undefined);
      if (!url) {
        throw new PullRefused(
          `specs/${vendor}/provenance.yaml gives no url for ${page.file}; give --from <url-or-file> --page ${page.file}`,
        );
      }
      fetched.push({ page, source: await readSource(url, { fetchImpl: options.fetchImpl, cwd: options.cwd }) });
    }

    const written: string[] = [];
    const changedDocuments: NewDocument[] = [];
    let pageChanged = false;
    for (const { page, source } of fetched) {
      if (page.published === "html-page") {
        const pulled = pullPage({ vendor, from, today, dir, page, source, provenanceText, lines });
        if (pulled) {
          pageChanged = true;
          provenanceText = pulled.provenance;
          written.push(...pulled.written);
        }
        continue;
      }
      const found = await readOpenApiPage(page, source, options.fetchImpl);
      if (found.extracted.text === working[page.file]) {
        lines.push(
          `${vendor}: no change in ${page.file} (${found.source.where} holds the document in specs/${vendor}/${page.file}, byte for byte)`,
        );
        continue;
      }
      changedDocuments.push(found);
    }
    if (!changedDocuments.length) {
      return pageChanged ? done("page-changed", 0, { written }) : done("no-change", 0, { written });
    }

    if (!options.acceptIdentity) {
      const allMarks: Record<string, Marks> = {};
      for (const v of vendors) {
        const files = v === vendor ? working : readWorking(root, v);
        let current: unknown;
        try {
          current = files["openapi.yaml"] ? parseDocumentText(files["openapi.yaml"]) : undefined;
        } catch {
          current = undefined;
        }
        allMarks[v] = vendorMarks(current, updateOperation(files));
      }
      for (const found of changedDocuments) {
        const identity = checkIdentity(found.document, vendor, allMarks);
        if (!identity.ok) throw new PullRefused(`refused: ${found.page.file}: ${identity.reason}`);
      }
    }

    const next: SpecFiles = { ...working };
    for (const found of changedDocuments) next[found.page.file] = found.extracted.text;
    let assembled: ReturnType<typeof effectiveSpec>;
    try {
      assembled = effectiveSpec(next, vendor);
    } catch (error) {
      throw new PullRefused(`the pages cannot be assembled into one spec: ${errorMessage(error).split("\n")[0]}`);
    }
    const { spec, outcomes, conflicts } = assembled;
    const stale = outcomes.filter((o) => o.status === "stale");
    const where = changedDocuments.map((found) => found.source.where).join(", ");
    const errors = await validateOpenApi(spec);
    if (errors.length) {
      throw new PullRefused(
        [
          `invalid OpenAPI in ${where}${working["overlay.yaml"] ? " (even with phonebridge's overlay applied)" : ""}:`,
          ...errors.slice(0, 10).map((e) => `  - ${e}`),
          ...(errors.length > 10 ? [`  … ${errors.length - 10} more`] : []),
          ...(stale.length
            ? ["overlay fixes that no longer apply:", ...stale.map((o) => `  - ${o.name}: ${o.detail}`)]
            : []),
        ].join("\n"),
      );
    }

    const result = await analyzeVendor(root, vendor, { working: next });
    const report = [...perPage(vendor, working, changedDocuments), ...describeResult(result)];
    const changes = report.length ? ["What the new pages change:", ...report] : [];
    if (stale.length) {
      throw new PullRefused(
        [
          `specs/${vendor}/overlay.yaml: ${stale.length} fix(es) no longer apply to the new document:`,
          ...stale.map((o) => `  - ${o.name}: ${o.detail}`),
          "Edit the fix (remove it when the vendor fixed its document, or re-target it), then run the same command again. Nothing was written.",
          ...changes,
        ].join("\n"),
      );
    }

    const stage = stageRepo(root);
    try {
      const staged = join(stage.dir, "specs", vendor);
      let provenance = provenanceText;
      for (const found of changedDocuments) {
        writeFileSync(join(staged, found.page.file), found.extracted.text);
        if (provenance) {
          provenance = updatePageProvenance(provenance, found.page.file, {
            today,
            from,
            form: found.extracted.form,
            format: found.extracted.format,
            sha256: sha256(found.extracted.text),
            revision: revisionOf(found.document),
          });
        }
      }
      if (provenance && !conflictsRecorded(conflicts, provenance)) provenance = withConflicts(provenance, conflicts);
      if (provenance) writeFileSync(join(staged, "provenance.yaml"), provenance);
      const removals: string[] = [];
      for (const [path, text] of changesetFiles(stage.dir, result)) {
        if (text === null) {
          if (existsSync(path)) rmSync(path);
          removals.push(relative(stage.dir, path));
        } else {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, text);
        }
      }
      if (!options.skipGenerate) {
        try {
          await generate(stage.dir, [vendor]);
        } catch (error) {
          const hint = result.changes.some((c) => MOVES.has(c.kind))
            ? [
                `If ${vendor} moved its update operation, point \`update\` in specs/${vendor}/vendor.yaml at the new one, then run the same command again.`,
              ]
            : [];
          throw new PullRefused(
            [
              `the generator failed on the new document, so nothing was written:\n${errorMessage(error).split("\n").slice(-15).join("\n")}`,
              ...hint,
              ...changes,
            ].join("\n"),
          );
        }
      }
      written.push(...commitStage(stage, root, removals));
      for (const found of changedDocuments) {
        lines.push(
          `${vendor}: updated ${found.page.file} from ${found.source.where} (${found.extracted.form === "raw" ? `raw ${found.extracted.format}` : "docs page"}); overlay: ${outcomes.length ? `${outcomes.length} fix(es) re-applied` : "none"}`,
        );
      }
      if (!result.base) {
        lines.push(
          `  no release of ${vendor} to compare with yet (specs/${vendor}/ is not committed): no changeset written`,
        );
      }
      lines.push(...report, ...written.map((w) => `  wrote ${w}`));
      return done("updated", 0, { written, result });
    } finally {
      rmSync(stage.dir, { recursive: true, force: true });
    }
  } catch (error) {
    if (!(error instanceof PullRefused)) throw error;
    lines.push(`${vendor}: ${error.message}`, "  specs/, packages/ and .changeset/ are untouched.");
    return done("refused", 1);
  }
}

/** The OpenAPI document a published page holds, read and checked as far as it goes alone. */
async function readOpenApiPage(page: Page, source: Source, fetchImpl: typeof fetch | undefined): Promise<NewDocument> {
  let extracted = extractOpenApi(source.text);
  if (
    !extracted &&
    /^https?:/i.test(source.where) &&
    !/\.md$/i.test(new URL(source.where).pathname) &&
    /<html[\s>]/i.test(source.text)
  ) {
    // Docs sites built on Mintlify serve a page's Markdown, with its OpenAPI block, at the page
    // URL plus ".md"; the HTML page itself carries no OpenAPI.
    const markdownUrl = new URL(source.where);
    markdownUrl.pathname = `${markdownUrl.pathname.replace(/\/$/, "")}.md`;
    const markdown = await readSource(markdownUrl.href, { fetchImpl }).catch(() => undefined);
    const found = markdown && extractOpenApi(markdown.text);
    if (found) {
      extracted = found;
      source.where = `${source.where} (its Markdown at ${markdownUrl.href})`;
    }
  }
  if (!extracted) {
    throw new PullRefused(
      `no OpenAPI document in ${source.where} (${page.file}): found neither a fenced yaml/json block holding an OpenAPI document nor a raw OpenAPI document`,
    );
  }
  let document: unknown;
  try {
    document = parseDocumentText(extracted.text, { uniqueKeys: true });
  } catch (error) {
    throw new PullRefused(
      `invalid OpenAPI in ${source.where}: not parseable YAML/JSON (${errorMessage(error).split("\n")[0]})`,
    );
  }
  // What phonebridge reads at all (OpenAPI 3.0 or 3.1, with paths), before the overlay and
  // the full validation of the assembled spec: the validator's own first check.
  const unreadable = versionProblems(document);
  if (unreadable.length) throw new PullRefused(`invalid OpenAPI in ${source.where}: ${unreadable.join("; ")}`);
  return { page, source, extracted, document };
}

/**
 * Each changed page's own changes: the assembled spec with only that page new, against the
 * working copy's (so a page's lines say what it changes, whatever the others do).
 */
function perPage(vendor: string, working: SpecFiles, changed: readonly NewDocument[]): string[] {
  const before = effectiveSpec(working, vendor).spec ?? {};
  const out: string[] = [];
  for (const found of changed) {
    const after = effectiveSpec({ ...working, [found.page.file]: found.extracted.text }, vendor).spec ?? {};
    const { changes } = diffSpecs(before, after);
    const revision = revisionOf(found.document);
    out.push(
      `  ${found.page.file}${revision ? ` (revision ${revision})` : ""}: ${changes.length ? `${changes.length} change(s) to the spec` : "no change to the spec (the text only)"}`,
    );
    for (const c of order(changes)) out.push(`    ${c.bump.padEnd(5)} ${c.sentence}`);
  }
  return out;
}

interface PagePull {
  vendor: string;
  from: string | undefined;
  today: string;
  dir: string;
  page: Page;
  source: Source;
  provenanceText: string;
  lines: string[];
}

/** An HTML page: compared with its text, written for review by hand when it changed. */
function pullPage({
  vendor,
  from,
  today,
  dir,
  page,
  source,
  provenanceText,
  lines,
}: PagePull): { written: string[]; provenance: string } | undefined {
  const path = join(dir, page.file);
  const shown = `specs/${vendor}/${page.file}`;
  // No file yet (the page's first pull): every line of the page is new.
  const stored = existsSync(path) ? readFileSync(path, "utf8") : "";
  if (normalizePage(stored) === normalizePage(source.text)) {
    lines.push(`${vendor}: no change (the page at ${source.where} matches ${shown})`);
    return undefined;
  }
  lines.push(
    `${vendor}: ${page.file} changed, review by hand. ${vendor} publishes a page, not OpenAPI: its OpenAPI is written by hand from it.`,
  );
  if (extractOpenApi(source.text)) {
    lines.push(
      "  note: the page now holds an OpenAPI document; consider pulling it as the published document instead of the hand-written one.",
    );
  }
  lines.push(
    "  what changed on the page (- before, + now):",
    ...pageLineDiff(stored, source.text).map((l) => `    ${l}`),
  );
  const written: string[] = [];
  const text = pageText(source.text);
  writeFileSync(path, text);
  written.push(shown);
  let provenance = provenanceText;
  if (provenanceText) {
    provenance = updatePageProvenance(provenanceText, page.file, { today, from, sha256: sha256(text) });
    writeFileSync(join(dir, "provenance.yaml"), provenance);
    written.push(`specs/${vendor}/provenance.yaml`);
  }
  lines.push(
    `  recorded the new page in ${shown} (\`git diff ${shown}\` shows it). Next: update the hand-written OpenAPI to match,`,
    `  then \`${GENERATE_COMMAND} ${vendor}\` and \`pnpm specs:diff ${vendor}\` (writes the changeset).`,
  );
  return { written, provenance };
}
