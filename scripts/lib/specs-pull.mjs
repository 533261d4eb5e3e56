// `pnpm specs:pull`: bring a vendor's changed document into specs/, regenerate its package and
// write the changeset, or refuse and touch nothing.
//
// Everything is staged first: a copy of the repository's scripts/, specs/, packages/ and
// .changeset/ in a temp dir gets the new document, the provenance date and the changeset, and
// the generator runs there. Only when all of that succeeded are the changed files copied into
// the repository. A refusal (no OpenAPI, invalid OpenAPI, another vendor's API, an overlay fix
// that no longer applies, a generator failure) leaves specs/, packages/ and .changeset/ as they
// were. `root` is injectable so tests run on a temp copy of the repository.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { extractOpenApi } from "./extract-openapi.mjs";
import { applyOverlay } from "./overlay.mjs";
import { analyzeVendor, changesetFiles, order } from "./spec-changes.mjs";
import { listVendors, readWorking, updateOperation } from "./spec-release.mjs";
import { validateOpenApi } from "./validate-openapi.mjs";
import { checkIdentity, vendorMarks } from "./vendor-identity.mjs";

export class PullRefused extends Error {}

const MAX_BYTES = 20 * 1024 * 1024;

/** Reads a page or document from an http(s) URL or a file path. */
export async function readSource(from, { fetchImpl = globalThis.fetch, cwd = process.cwd(), timeoutMs = 30_000 } = {}) {
  if (/^https?:\/\//i.test(from)) {
    let response;
    for (let attempt = 1; !response; attempt += 1) {
      try {
        response = await fetchImpl(from, {
          redirect: "follow",
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            accept: "text/markdown, application/yaml, application/json, text/plain, text/html;q=0.9, */*;q=0.5",
          },
        });
      } catch (error) {
        // One more try on a dropped connection; then give up.
        if (attempt < 2 && /ECONNRESET|socket|other side closed/i.test(`${error.cause?.code} ${error.cause?.message}`))
          continue;
        throw new PullRefused(`could not fetch ${from}: ${error.cause?.message ?? error.message}`);
      }
    }
    if (!response.ok) throw new PullRefused(`could not fetch ${from}: HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_BYTES) throw new PullRefused(`${from} is larger than ${MAX_BYTES} bytes`);
    return { text, where: from, contentType: response.headers.get("content-type") ?? "" };
  }
  const path = isAbsolute(from) ? from : resolve(cwd, from.replace(/^file:\/\//, ""));
  if (!existsSync(path)) throw new PullRefused(`no such file: ${path}`);
  return { text: readFileSync(path, "utf8"), where: path, contentType: "" };
}

// ---- Vogent: a page, not OpenAPI ------------------------------------------------------------

/** The text of an HTML page (crude on purpose: it only has to be stable between pulls). */
export function htmlToText(html) {
  return html
    .replace(/<(script|style|noscript|svg)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|h\d|li|tr|pre|section|article|header|footer)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Line endings, trailing spaces and runs of blank lines do not count as a change. */
export function normalizePage(text) {
  const body = /<html[\s>]|<body[\s>]/i.test(text) ? htmlToText(text) : text;
  return `${body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

export const pageHash = (text) => createHash("sha256").update(normalizePage(text)).digest("hex");

/** A short line diff of two normalized pages, for the report. */
export function pageLineDiff(before, after, max = 30) {
  const a = normalizePage(before)
    .split("\n")
    .filter((l) => l.trim());
  const b = normalizePage(after)
    .split("\n")
    .filter((l) => l.trim());
  const count = (lines) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map());
  const ca = count(a);
  const cb = count(b);
  const out = [];
  for (const l of a) if ((cb.get(l) ?? 0) < (ca.get(l) ?? 0) && !out.includes(`- ${l}`)) out.push(`- ${l}`);
  for (const l of b) if ((ca.get(l) ?? 0) < (cb.get(l) ?? 0) && !out.includes(`+ ${l}`)) out.push(`+ ${l}`);
  return out.length > max ? [...out.slice(0, max), `… ${out.length - max} more lines`] : out;
}

// ---- staging ---------------------------------------------------------------------------------

const SKIP = new Set(["node_modules", "dist", ".turbo", "coverage", ".git"]);
const STAGED = ["scripts", "specs", "packages", ".changeset"];

const OUTPUTS = ["specs", "packages", ".changeset"];
const digest = (buffer) => createHash("sha256").update(buffer).digest("hex");

/** Copies the repository into a temp dir; remembers what each output file held when copied. */
function stageRepo(root) {
  const dir = mkdtempSync(join(tmpdir(), "phonebridge-pull-"));
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isFile()) cpSync(join(root, entry.name), join(dir, entry.name));
  }
  for (const name of STAGED) {
    if (!existsSync(join(root, name))) continue;
    cpSync(join(root, name), join(dir, name), {
      recursive: true,
      filter: (src) => !SKIP.has(src.split(/[\\/]/).at(-1)),
    });
  }
  if (existsSync(join(root, "node_modules"))) symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  const original = new Map();
  for (const top of OUTPUTS)
    for (const rel of walk(join(dir, top))) original.set(join(top, rel), digest(readFileSync(join(dir, top, rel))));
  return { dir, original };
}

function walk(dir, base = dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, base, out);
    else if (entry.isFile()) out.push(relative(base, p));
  }
  return out;
}

/**
 * Copies into the repository only the files the pull changed in the stage (new, or different
 * from what was copied in), so a file another person edits meanwhile is never overwritten.
 */
function commitStage(stage, root, removals) {
  const written = [];
  for (const top of OUTPUTS) {
    for (const rel of walk(join(stage.dir, top))) {
      const path = join(top, rel);
      const next = readFileSync(join(stage.dir, path));
      if (stage.original.get(path) === digest(next)) continue;
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), next);
      written.push(path);
    }
  }
  for (const rel of removals) {
    if (stage.original.has(rel) && existsSync(join(root, rel))) {
      rmSync(join(root, rel));
      written.push(`${rel} (removed)`);
    }
  }
  return written;
}

// provenance.yaml is edited line by line, not re-serialized: its comments and layout stay as a
// person wrote them, and a file a YAML parser rejects still gets its date.
function provenanceUrl(text) {
  try {
    const p = parse(text);
    const url = p?.source?.url ?? p?.url;
    if (typeof url === "string") return url;
  } catch {
    // fall back to the line
  }
  return /^\s*url:\s*["']?([^\s"']+)["']?\s*$/m.exec(text)?.[1];
}

function updateProvenance(text, { today, from, form, format }) {
  let out = text;
  const line = /^([ \t]*)retrieved:[^\n]*$/m.exec(out);
  if (line) out = out.replace(line[0], `${line[1]}retrieved: ${today}`);
  else out = `${out.replace(/\n*$/, "\n")}retrieved: ${today}\n`;
  const indent = (/^([ \t]*)retrieved:/m.exec(out) ?? ["", ""])[1];
  out = out.replace(/^[ \t]*retrievedFrom:[^\n]*\n/m, "");
  if (from) out = out.replace(/^([ \t]*retrieved:[^\n]*)$/m, `$1\n${indent}retrievedFrom: ${JSON.stringify(from)}`);
  if (form) {
    const current = /^([ \t]*)form:([^\n]*)$/m.exec(out);
    const fenced = current && /fence/i.test(current[2]);
    let next;
    if (form === "docs-page-fence" && current && !fenced)
      next = `docs page with the OpenAPI in a fenced ${format} block`;
    if (form === "raw" && current && (fenced || !/raw/i.test(current[2])))
      next = `raw ${format === "json" ? "JSON" : "YAML"} OpenAPI document`;
    if (next) out = out.replace(current[0], `${current[1]}form: ${next}`);
  }
  return out;
}

function runGenerator(stage, vendor) {
  try {
    execFileSync(process.execPath, [join(stage, "scripts", "generate.mjs"), vendor], {
      cwd: stage,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const why = `${error.stderr ?? ""}${error.stdout ?? ""}`.trim().split("\n").slice(-15).join("\n");
    throw new PullRefused(`the generator failed on the new document, so nothing was written:\n${why || error.message}`);
  }
}

// ---- the pull --------------------------------------------------------------------------------

/**
 * @param {{ root: string, vendor: string, from?: string, fetchImpl?: typeof fetch, today?: string,
 *   acceptIdentity?: boolean, cwd?: string, skipGenerate?: boolean }} options
 * @returns {Promise<{ vendor: string, status: "no-change" | "updated" | "page-changed" | "refused", exitCode: number, lines: string[], written: string[], result?: object }>}
 */
export async function pullVendor(options) {
  const { root, vendor, from } = options;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const lines = [];
  const done = (status, exitCode, extra = {}) => ({ vendor, status, exitCode, lines, written: [], ...extra });
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

    if (existsSync(join(dir, "page.txt")))
      return pullPage({ ...options, today, dir, source, provenanceText, lines, done });

    let extracted = extractOpenApi(source.text);
    if (
      !extracted &&
      /^https?:/i.test(source.where) &&
      !/\.md$/i.test(new URL(source.where).pathname) &&
      /<html[\s>]/i.test(source.text)
    ) {
      // Docs sites built on Mintlify (Retell, Cartesia, Cald, Verbex) serve a page's Markdown, with
      // its OpenAPI block, at the page URL plus ".md"; the HTML page itself carries no OpenAPI.
      const u = new URL(source.where);
      u.pathname = `${u.pathname.replace(/\/$/, "")}.md`;
      const markdown = await readSource(u.href, { fetchImpl: options.fetchImpl }).catch(() => undefined);
      const found = markdown && extractOpenApi(markdown.text);
      if (found) {
        extracted = found;
        source.where = `${source.where} (its Markdown at ${u.href})`;
      }
    }
    if (!extracted) {
      throw new PullRefused(
        `no OpenAPI document in ${source.where}: found neither a fenced yaml/json block holding an OpenAPI document nor a raw OpenAPI document`,
      );
    }
    let doc;
    try {
      doc = parse(extracted.text, { uniqueKeys: true });
    } catch (error) {
      throw new PullRefused(
        `invalid OpenAPI in ${source.where}: not parseable YAML/JSON (${error.message.split("\n")[0]})`,
      );
    }
    if (typeof doc?.openapi !== "string" || !/^3\.[01]\./.test(doc.openapi)) {
      throw new PullRefused(
        `invalid OpenAPI in ${source.where}: phonebridge reads OpenAPI 3.0 and 3.1, this is ${doc?.swagger ? `Swagger ${doc.swagger}` : `"openapi: ${doc?.openapi}"`}`,
      );
    }
    if (!doc.info || typeof doc.info !== "object" || !doc.paths || typeof doc.paths !== "object") {
      throw new PullRefused(`invalid OpenAPI in ${source.where}: it has no info or no paths`);
    }

    const working = readWorking(root, vendor);
    if (extracted.text === working["openapi.yaml"]) {
      lines.push(
        `${vendor}: no change (${source.where} holds the document in specs/${vendor}/openapi.yaml, byte for byte)`,
      );
      return done("no-change", 0);
    }

    if (!options.acceptIdentity) {
      const allMarks = {};
      for (const v of vendors) {
        const files = v === vendor ? working : readWorking(root, v);
        let current;
        try {
          current = files["openapi.yaml"] ? parse(files["openapi.yaml"]) : undefined;
        } catch {
          current = undefined;
        }
        allMarks[v] = vendorMarks(current, updateOperation(files));
      }
      const identity = checkIdentity(doc, vendor, allMarks);
      if (!identity.ok) throw new PullRefused(`refused: ${identity.reason}`);
    }

    let overlay;
    let applied;
    try {
      overlay = working["overlay.yaml"] ? parse(working["overlay.yaml"]) : null;
      applied = applyOverlay(doc, overlay, vendor);
    } catch (error) {
      throw new PullRefused(`specs/${vendor}/overlay.yaml cannot be applied: ${error.message.split("\n")[0]}`);
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

    const nextWorking = { ...working, "openapi.yaml": extracted.text };
    const result = await analyzeVendor(root, vendor, { working: nextWorking });
    const report = describeResult(result);
    if (stale.length) {
      throw new PullRefused(
        [
          `specs/${vendor}/overlay.yaml: ${stale.length} fix(es) no longer apply to the new document:`,
          ...stale.map((o) => `  - ${o.name}: ${o.detail}`),
          `Edit the fix (remove it when the vendor fixed its document, or re-target it), then run the same command again. Nothing was written.`,
          ...(report.length ? ["What the new document changes:", ...report] : []),
        ].join("\n"),
      );
    }

    const stage = stageRepo(root);
    try {
      const sdir = join(stage.dir, "specs", vendor);
      writeFileSync(join(sdir, "openapi.yaml"), extracted.text);
      if (provenanceText) {
        writeFileSync(
          join(sdir, "provenance.yaml"),
          updateProvenance(provenanceText, { today, from, form: extracted.form, format: extracted.format }),
        );
      }
      const removals = [];
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
          runGenerator(stage.dir, vendor);
        } catch (error) {
          const hint = result.changes.some((c) =>
            ["operation-moved", "operation-removed", "path-parameter-renamed"].includes(c.kind),
          )
            ? [
                `If ${vendor} moved its update operation, point \`update\` in specs/${vendor}/vendor.yaml at the new one, then run the same command again.`,
              ]
            : [];
          throw new PullRefused(
            [error.message, ...hint, ...(report.length ? ["What the new document changes:", ...report] : [])].join(
              "\n",
            ),
          );
        }
      }
      const written = commitStage(stage, root, removals);
      lines.push(
        `${vendor}: updated from ${source.where} (${extracted.form === "raw" ? `raw ${extracted.format}` : "docs page"}); overlay: ${outcomes.length ? `${outcomes.length} fix(es) re-applied` : "none"}`,
      );
      if (!result.base)
        lines.push(
          `  no release of ${vendor} to compare with yet (specs/${vendor}/openapi.yaml is not committed): no changeset written`,
        );
      lines.push(...report);
      lines.push(...written.map((w) => `  wrote ${w}`));
      return done("updated", 0, { written, result });
    } finally {
      rmSync(stage.dir, { recursive: true, force: true });
    }
  } catch (error) {
    if (!(error instanceof PullRefused)) throw error;
    lines.push(`${vendor}: ${error.message}`);
    lines.push(`  specs/, packages/ and .changeset/ are untouched.`);
    return done("refused", 1);
  }
}

async function pullPage({ vendor, from, today, dir, source, provenanceText, lines, done }) {
  const stored = readFileSync(join(dir, "page.txt"), "utf8");
  const extracted = extractOpenApi(source.text);
  if (normalizePage(stored) === normalizePage(source.text)) {
    lines.push(`${vendor}: no change (the page at ${source.where} matches specs/${vendor}/page.txt)`);
    return done("no-change", 0);
  }
  lines.push(
    `${vendor}: changed, review by hand. ${vendor} publishes a page, not OpenAPI: specs/${vendor}/openapi.yaml is written by hand from it.`,
  );
  if (extracted)
    lines.push(
      `  note: the page now holds an OpenAPI document; consider pulling it as the published document instead of the hand-written one.`,
    );
  lines.push(
    "  what changed on the page (- before, + now):",
    ...pageLineDiff(stored, source.text).map((l) => `    ${l}`),
  );
  const written = [];
  const body = normalizePage(source.text);
  writeFileSync(join(dir, "page.txt"), body);
  written.push(`specs/${vendor}/page.txt`);
  if (provenanceText) {
    writeFileSync(join(dir, "provenance.yaml"), updateProvenance(provenanceText, { today, from }));
    written.push(`specs/${vendor}/provenance.yaml`);
  }
  lines.push(
    `  recorded the new page in specs/${vendor}/page.txt (\`git diff specs/${vendor}/page.txt\` shows it). Next: update specs/${vendor}/openapi.yaml to match,`,
    `  then \`pnpm codegen ${vendor}\` and \`pnpm specs:diff ${vendor}\` (writes the changeset).`,
  );
  return done("page-changed", 0, { written });
}

/** The report lines for a diff result. */
export function describeResult(result) {
  const out = [];
  if (!result.base) return out;
  if (!result.changes.length) {
    out.push(`  no change since ${result.base.label}`);
    return out;
  }
  out.push(`  since ${result.base.label}: ${result.bump} for @phonebridge/${result.vendor}`);
  for (const c of order(result.changes)) out.push(`    ${c.bump.padEnd(5)} ${c.sentence}`);
  for (const w of result.warnings ?? []) out.push(`  warning: ${w}`);
  if (result.facade.length) {
    out.push(`  the facade's ${result.vendor} adapter must follow: ${result.facadeBump} for @phonebridge/facade`);
    for (const c of order(result.facade)) out.push(`    ${c.bump.padEnd(5)} ${c.sentence}`);
  }
  return out;
}
