// `pnpm specs:pull`: bring a vendor's changed document into specs/, regenerate its package and
// write the changeset, or refuse and touch nothing (docs/spec-changes.md#specspull). `root` is
// injectable so tests run on a temp copy of the repository.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parse } from "yaml";
import { generate } from "../generate/generate.js";
import { GENERATE_COMMAND } from "../generate/header.js";
import { errorMessage } from "../json.js";
import { extractOpenApi } from "../openapi/extract.js";
import { parseDocumentText } from "../openapi/parse.js";
import { validateOpenApi, versionProblems } from "../openapi/validate.js";
import { analyzeVendor, type VendorDiff } from "../release/analyze.js";
import { changesetFiles } from "../release/changesets.js";
import { readWorking, updateOperation } from "../release/spec-release.js";
import { listVendors } from "../repo.js";
import { applyOverlay } from "../spec/overlay.js";
import { readVendorConfig } from "../spec/vendor-config.js";
import { normalizePage, pageLineDiff } from "./page.js";
import { provenanceUrl, updateProvenance } from "./provenance.js";
import { describeResult } from "./report.js";
import { PullRefused, readSource, type Source } from "./source.js";
import { commitStage, stageRepo } from "./stage.js";
import { checkIdentity, type Marks, vendorMarks } from "./vendor-identity.js";

export interface PullOptions {
  root: string;
  vendor: string;
  from?: string | undefined;
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
    const provenanceText = existsSync(provenancePath) ? readFileSync(provenancePath, "utf8") : "";
    const url = from ?? (provenanceText ? provenanceUrl(provenanceText) : undefined);
    if (!url) throw new PullRefused(`specs/${vendor}/provenance.yaml has no source.url; give --from <url-or-file>`);
    const source = await readSource(url, { fetchImpl: options.fetchImpl, cwd: options.cwd });

    // How the vendor publishes its document is vendor.yaml's `published` (src/spec/vendor-config.ts).
    const { published } = readVendorConfig(root, vendor);
    if (published === "html-page") {
      return pullPage({ vendor, from, today, dir, source, provenanceText, lines, done });
    }

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
      const markdown = await readSource(markdownUrl.href, { fetchImpl: options.fetchImpl }).catch(() => undefined);
      const found = markdown && extractOpenApi(markdown.text);
      if (found) {
        extracted = found;
        source.where = `${source.where} (its Markdown at ${markdownUrl.href})`;
      }
    }
    if (!extracted) {
      throw new PullRefused(
        `no OpenAPI document in ${source.where}: found neither a fenced yaml/json block holding an OpenAPI document nor a raw OpenAPI document`,
      );
    }
    let doc: unknown;
    try {
      doc = parseDocumentText(extracted.text, { uniqueKeys: true });
    } catch (error) {
      throw new PullRefused(
        `invalid OpenAPI in ${source.where}: not parseable YAML/JSON (${errorMessage(error).split("\n")[0]})`,
      );
    }
    // What phonebridge reads at all (OpenAPI 3.0 or 3.1, with paths), before the overlay and
    // the full validation below: the validator's own first check.
    const unreadable = versionProblems(doc);
    if (unreadable.length) throw new PullRefused(`invalid OpenAPI in ${source.where}: ${unreadable.join("; ")}`);

    const working = readWorking(root, vendor);
    if (extracted.text === working["openapi.yaml"]) {
      lines.push(
        `${vendor}: no change (${source.where} holds the document in specs/${vendor}/openapi.yaml, byte for byte)`,
      );
      return done("no-change", 0);
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
      const identity = checkIdentity(doc, vendor, allMarks);
      if (!identity.ok) throw new PullRefused(`refused: ${identity.reason}`);
    }

    let overlay: unknown;
    let applied: ReturnType<typeof applyOverlay>;
    try {
      overlay = working["overlay.yaml"] ? parse(working["overlay.yaml"]) : null;
      applied = applyOverlay(doc, overlay, vendor);
    } catch (error) {
      throw new PullRefused(`specs/${vendor}/overlay.yaml cannot be applied: ${errorMessage(error).split("\n")[0]}`);
    }
    const { spec, outcomes } = applied;
    const stale = outcomes.filter((o) => o.status === "stale");
    const errors = await validateOpenApi(spec);
    if (errors.length) {
      throw new PullRefused(
        [
          `invalid OpenAPI in ${source.where}${overlay ? " (even with phonebridge's overlay applied)" : ""}:`,
          ...errors.slice(0, 10).map((e) => `  - ${e}`),
          ...(errors.length > 10 ? [`  … ${errors.length - 10} more`] : []),
          ...(stale.length
            ? ["overlay fixes that no longer apply:", ...stale.map((o) => `  - ${o.name}: ${o.detail}`)]
            : []),
        ].join("\n"),
      );
    }

    const result = await analyzeVendor(root, vendor, { working: { ...working, "openapi.yaml": extracted.text } });
    const report = describeResult(result);
    const changes = report.length ? ["What the new document changes:", ...report] : [];
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
      writeFileSync(join(staged, "openapi.yaml"), extracted.text);
      if (provenanceText) {
        writeFileSync(
          join(staged, "provenance.yaml"),
          updateProvenance(provenanceText, { today, from, form: extracted.form, format: extracted.format }),
        );
      }
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
      const written = commitStage(stage, root, removals);
      lines.push(
        `${vendor}: updated from ${source.where} (${extracted.form === "raw" ? `raw ${extracted.format}` : "docs page"}); overlay: ${outcomes.length ? `${outcomes.length} fix(es) re-applied` : "none"}`,
      );
      if (!result.base) {
        lines.push(
          `  no release of ${vendor} to compare with yet (specs/${vendor}/openapi.yaml is not committed): no changeset written`,
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

interface PagePull {
  vendor: string;
  from: string | undefined;
  today: string;
  dir: string;
  source: Source;
  provenanceText: string;
  lines: string[];
  done: (status: PullOutcome["status"], exitCode: number, extra?: Partial<PullOutcome>) => PullOutcome;
}

function pullPage({ vendor, from, today, dir, source, provenanceText, lines, done }: PagePull): PullOutcome {
  // No page.txt yet (the vendor's first pull): every line of the page is new.
  const stored = existsSync(join(dir, "page.txt")) ? readFileSync(join(dir, "page.txt"), "utf8") : "";
  if (normalizePage(stored) === normalizePage(source.text)) {
    lines.push(`${vendor}: no change (the page at ${source.where} matches specs/${vendor}/page.txt)`);
    return done("no-change", 0);
  }
  lines.push(
    `${vendor}: changed, review by hand. ${vendor} publishes a page, not OpenAPI: specs/${vendor}/openapi.yaml is written by hand from it.`,
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
  writeFileSync(join(dir, "page.txt"), normalizePage(source.text));
  written.push(`specs/${vendor}/page.txt`);
  if (provenanceText) {
    writeFileSync(join(dir, "provenance.yaml"), updateProvenance(provenanceText, { today, from }));
    written.push(`specs/${vendor}/provenance.yaml`);
  }
  lines.push(
    `  recorded the new page in specs/${vendor}/page.txt (\`git diff specs/${vendor}/page.txt\` shows it). Next: update specs/${vendor}/openapi.yaml to match,`,
    `  then \`${GENERATE_COMMAND} ${vendor}\` and \`pnpm specs:diff ${vendor}\` (writes the changeset).`,
  );
  return done("page-changed", 0, { written });
}
