// Generation benchmarks, in a scratch copy of the committed tree (git archive HEAD) so that the
// working tree the other engineers use is never written:
//   1. cold `pnpm generate` (turbo task //#codegen, empty turbo cache, generated files removed)
//      for all five vendors, and a check that it reproduced the committed files byte for byte;
//   2. the no-change run: `pnpm generate` again (turbo cache hit), and the script alone;
//   3. scaling: openapi-typescript alone on each vendor's effective spec and on GitHub's REST
//      spec from @octokit/openapi (pinned), fetched with `npm pack` into a cache outside the
//      workspace (never a dependency); skipped when it cannot be fetched.
//
//   node bench/generation.mjs [--json out.json] [--skip-octokit]
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { PROVIDERS } from "./lib/fixtures.mjs";
import { median, pnpmCommand, ROOT } from "./lib/load.mjs";

export const OCTOKIT_OPENAPI = { name: "@octokit/openapi", version: "23.0.2", file: "generated/api.github.com.json" };
const CACHE = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "phonebridge-bench");

function timed(command, args, cwd, env = {}) {
  const start = performance.now();
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", ...env },
    timeout: 300_000,
    shell: false,
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}`, error: r.error?.message };
}

/** A scratch copy of HEAD (git archive) with an install of its own. */
export function scratchTree() {
  const dir = mkdtempSync(join(tmpdir(), "phonebridge-gen-"));
  execFileSync("sh", ["-c", `git -C "${ROOT}" archive HEAD | tar -x -C "${dir}"`]);
  // Its own install, from the pnpm store, offline (hard links): `pnpm generate` runs through
  // turbo and `pnpm run`, which installs first when node_modules does not match the lockfile.
  // Never a link to the workspace's node_modules: pnpm would re-link the working tree's.
  const [pnpm, installArgs] = pnpmCommand(["install", "--frozen-lockfile", "--offline", "--ignore-scripts"]);
  execFileSync(pnpm, installArgs, {
    cwd: dir,
    stdio: "ignore",
    timeout: 180_000,
    env: { ...process.env, CI: "1" },
  });
  // turbo hashes with git when it can: give the copy a repository of its own.
  const git = (...a) => execFileSync("git", a, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.email=bench@localhost", "-c", "user.name=bench", "commit", "-q", "-m", "scratch");
  return dir;
}

function generatedFiles(dir) {
  const files = [];
  for (const vendor of PROVIDERS) {
    const gen = join(dir, "packages", vendor, "src", "generated");
    if (existsSync(gen)) for (const f of readdirSync(gen)) files.push(join("packages", vendor, "src", "generated", f));
    if (existsSync(join(dir, "packages", vendor, "openapi.json"))) files.push(join("packages", vendor, "openapi.json"));
  }
  return files;
}

export function measureGenerate() {
  const result = { rows: [], notes: [] };
  let dir;
  try {
    dir = scratchTree();
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const viaTurbo = /turbo run/.test(manifest.scripts?.generate ?? "");
    result.notes.push(
      viaTurbo
        ? `pnpm generate is the turbo task //#codegen ("${manifest.scripts.generate}")`
        : `pnpm generate is not a turbo task ("${manifest.scripts?.generate}"): the no-change run measures the script`,
    );
    const files = generatedFiles(dir);
    const committed = new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
    for (const f of files) rmSync(join(dir, f));

    const [cmd, args] = pnpmCommand(["generate"]);
    const cold = timed(cmd, args, dir);
    const identical = files.every(
      (f) => existsSync(join(dir, f)) && readFileSync(join(dir, f)).equals(committed.get(f)),
    );
    result.rows.push({
      key: "generate:cold",
      what: "cold `pnpm generate`, five vendors (empty turbo cache, generated files removed)",
      seconds: cold.seconds,
      ok: cold.status === 0 && identical,
      detail:
        cold.status !== 0
          ? cold.output.slice(-800)
          : identical
            ? `${files.length} generated files byte-identical to HEAD`
            : "output differs from HEAD",
    });

    // The codegen task's hash covers its own outputs (turbo lists packages/<vendor>/… among its
    // inputs), so the cold run is cached under the hash of the tree *without* them: the first
    // run after it misses once. Recorded, then the no-change runs proper.
    const first = timed(cmd, args, dir);
    const firstHit = /cache hit|FULL TURBO/i.test(first.output);
    const warm = [];
    for (let i = 0; i < 3; i++) warm.push(timed(cmd, args, dir));
    const hit = warm.every((w) => /cache hit|FULL TURBO/i.test(w.output));
    result.rows.push({
      key: "generate:no-change",
      what: `no-change \`pnpm generate\`${viaTurbo ? " (turbo cache hit)" : ""}, median of 3`,
      seconds: median(warm.map((w) => w.seconds)),
      ok: warm.every((w) => w.status === 0) && (!viaTurbo || hit),
      detail: viaTurbo
        ? `${hit ? "cache hit every time" : `no cache hit: ${warm[0].output.slice(-300)}`}; the first run after the cold one was a ${firstHit ? "hit" : `miss (${first.seconds.toFixed(2)} s): the task hash includes its own outputs`}`
        : "script",
    });

    const alone = [];
    for (let i = 0; i < 3; i++) alone.push(timed(process.execPath, ["scripts/generate.mjs"], dir));
    result.rows.push({
      key: "generate:script",
      what: "no-change `node scripts/generate.mjs` (no turbo), median of 3",
      seconds: median(alone.map((w) => w.seconds)),
      ok: alone.every((w) => w.status === 0 && !/^wrote /m.test(w.output)),
      detail: alone.some((w) => /^wrote /m.test(w.output))
        ? "the script rewrote files on a no-change run"
        : "wrote nothing",
    });
  } catch (error) {
    result.rows.push({ key: "generate:cold", what: "cold `pnpm generate`", skipped: error.message.split("\n")[0] });
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** Fetches GitHub's spec into the cache outside the workspace; returns its path or throws. */
export function fetchOctokitSpec() {
  const { name, version, file } = OCTOKIT_OPENAPI;
  const target = join(CACHE, `octokit-openapi-${version}`, file);
  if (existsSync(target)) return target;
  mkdirSync(CACHE, { recursive: true });
  const tgz = join(CACHE, `octokit-openapi-${version}.tgz`);
  if (!existsSync(tgz)) {
    execFileSync("npm", ["pack", `${name}@${version}`, "--silent", "--pack-destination", CACHE], {
      cwd: CACHE,
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 180_000,
    });
  }
  const out = join(CACHE, `octokit-openapi-${version}`);
  mkdirSync(out, { recursive: true });
  // Only the one file: the whole package unpacks to several hundred MB.
  execFileSync("tar", ["-xzf", tgz, "-C", out, "--strip-components=1", `package/${file}`], { stdio: "ignore" });
  return target;
}

/** openapi-typescript alone on one spec, in a fresh process: seconds, output size, peak RSS. */
function openapiTs(specPath) {
  const code = `
    const { default: openapiTS, astToString } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "node_modules/openapi-typescript/dist/index.mjs")).href)});
    const { readFileSync } = await import("node:fs");
    const doc = JSON.parse(readFileSync(${JSON.stringify(specPath)}, "utf8"));
    const ops = Object.values(doc.paths ?? {}).reduce((n, item) => n + Object.keys(item).filter((k) => ["get","put","post","delete","patch","head","options","trace"].includes(k)).length, 0);
    const t0 = performance.now();
    const ts = astToString(await openapiTS(doc, { silent: true }));
    const seconds = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ seconds, operations: ops, schemas: Object.keys(doc.components?.schemas ?? {}).length, outputBytes: Buffer.byteLength(ts), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    encoding: "utf8",
    timeout: 300_000,
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error((r.stderr || r.error?.message || "failed").split("\n").slice(0, 3).join(" "));
  return { ...JSON.parse(r.stdout.trim().split("\n").at(-1)), specBytes: statSync(specPath).size };
}

/**
 * The whole generator (scripts/generate.mjs: YAML read, overlay, openapi-typescript, the client,
 * README and tests written) on GitHub's spec, as a sixth "vendor" in a scratch copy, with
 * `PATCH /gists/{gist_id}` as its update operation.
 */
function pipelineOnGithub(spec) {
  const what = "the generator (`node scripts/generate.mjs github`) on the same spec, as a sixth vendor";
  let dir;
  try {
    dir = scratchTree();
    mkdirSync(join(dir, "specs/github"));
    copyFileSync(spec, join(dir, "specs/github/openapi.yaml"));
    writeFileSync(
      join(dir, "specs/github/vendor.yaml"),
      [
        "provider: github",
        "title: GitHub",
        "envPrefix: GITHUB",
        "update: { method: patch, path: '/gists/{gist_id}' }",
        "secrets: { request: [], response: [] }",
        "contract: { id: aa5a315d61ae9438b18d, body: { description: x }, wrongTypeBody: { description: 42 } }",
        "",
      ].join("\n"),
    );
    const run = timed(process.execPath, ["scripts/generate.mjs", "github"], dir);
    if (run.status !== 0)
      return { key: "generate:github", what, skipped: `failed: ${run.output.trim().split("\n").at(-1)}` };
    const schema = join(dir, "packages/github/src/generated/schema.ts");
    return {
      key: "generate:github",
      what,
      seconds: run.seconds,
      outputBytes: existsSync(schema) ? statSync(schema).size : undefined,
      specBytes: statSync(spec).size,
    };
  } catch (error) {
    return { key: "generate:github", what, skipped: error.message.split("\n")[0] };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function measureScaling({ skipOctokit = false } = {}) {
  const rows = [];
  for (const vendor of PROVIDERS) {
    const spec = join(ROOT, "packages", vendor, "openapi.json");
    if (!existsSync(spec)) {
      rows.push({
        key: `openapi-ts:${vendor}`,
        what: `${vendor} effective spec`,
        skipped: "no packages/<vendor>/openapi.json",
      });
      continue;
    }
    try {
      rows.push({ key: `openapi-ts:${vendor}`, what: `${vendor} (effective spec)`, ...openapiTs(spec) });
    } catch (error) {
      rows.push({ key: `openapi-ts:${vendor}`, what: `${vendor} (effective spec)`, skipped: error.message });
    }
  }
  const what = `GitHub REST (${OCTOKIT_OPENAPI.name}@${OCTOKIT_OPENAPI.version} ${OCTOKIT_OPENAPI.file})`;
  if (skipOctokit) rows.push({ key: "openapi-ts:github", what, skipped: "--skip-octokit" });
  else {
    let spec;
    try {
      spec = fetchOctokitSpec();
    } catch (error) {
      rows.push({
        key: "openapi-ts:github",
        what,
        skipped: `could not fetch it: ${(error.stderr?.toString() || error.message).split("\n")[0]}`,
      });
    }
    if (spec) {
      try {
        rows.push({ key: "openapi-ts:github", what, ...openapiTs(spec) });
      } catch (error) {
        rows.push({ key: "openapi-ts:github", what, skipped: `openapi-typescript failed: ${error.message}` });
      }
      rows.push(pipelineOnGithub(spec));
    }
  }
  return { cache: CACHE, rows };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { json: { type: "string" }, "skip-octokit": { type: "boolean" } } });
  const result = { generate: measureGenerate(), scaling: measureScaling({ skipOctokit: values["skip-octokit"] }) };
  console.log(JSON.stringify(result, null, 2));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
}
