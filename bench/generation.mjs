// Generation benchmarks, in a scratch copy of the committed tree (git archive HEAD) so that the
// working tree is never written:
//   1. cold `pnpm generate` (turbo task //#codegen, empty turbo cache, generated files removed)
//      for all five vendors, and a check that it reproduced the committed files byte for byte;
//   2. the no-change run: `pnpm generate` again (turbo cache hit), and the generator alone;
//   3. scaling: openapi-typescript alone on each vendor's effective spec and on GitHub's REST
//      spec from @octokit/openapi (pinned), fetched with `npm pack` into a cache outside the
//      workspace (never a dependency; skipped when it cannot be fetched); and the whole generator
//      on GitHub's spec, as a sixth vendor, against openapi-typescript alone as a program.
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
/** The generator, as the tools build it (packages/spec-tools). */
const GENERATOR = "packages/spec-tools/dist/bin/generate.js";
/** How many times each side of the generator-vs-openapi-typescript comparison runs, alternating. */
const PAIRS = 3;

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
    for (let i = 0; i < 3; i++) alone.push(timed(process.execPath, [GENERATOR], dir));
    result.rows.push({
      key: "generate:script",
      what: `no-change \`node ${GENERATOR}\` (no turbo), median of 3`,
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

/**
 * openapi-typescript alone on one spec, as a program in a fresh process (bench/lib/openapi-ts-alone.mjs):
 * the conversion's seconds, the whole process's wall seconds, output size, peak RSS.
 */
function openapiTs(specPath) {
  const out = join(tmpdir(), `phonebridge-openapi-ts-${process.pid}.ts`);
  const run = timed(process.execPath, [join(ROOT, "bench/lib/openapi-ts-alone.mjs"), specPath, out], ROOT);
  rmSync(out, { force: true });
  if (run.status !== 0) throw new Error((run.output || run.error || "failed").split("\n").slice(0, 3).join(" "));
  const figures = JSON.parse(run.output.trim().split("\n").at(-1));
  return { ...figures, processSeconds: run.seconds, specBytes: statSync(specPath).size };
}

/**
 * GitHub's spec breaks two of the validator's rules (a `nullable` without a `type`, paths that
 * differ only in a parameter name), and the generator refuses an invalid spec. As for any vendor,
 * an overlay fixes that: one fix per finding, removing what the validator points at.
 */
async function overlayFor(specPath) {
  const { validateOpenApi } = await import(
    pathToFileURL(join(ROOT, "packages/spec-tools/dist/src/openapi/validate.js")).href
  );
  const { lookup, parsePointer } = await import(
    pathToFileURL(join(ROOT, "packages/spec-tools/dist/src/openapi/ref.js")).href
  );
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const errors = await validateOpenApi(spec);
  const fixes = [];
  for (const error of errors) {
    const target = /\(at (\/[^)]*)\)$/.exec(error)?.[1];
    if (!target || fixes.some((fix) => fix.target === target)) continue;
    const expect = lookup(spec, parsePointer(target));
    fixes.push({ name: `fix-${fixes.length + 1}`, reason: error, target, expect, remove: true });
  }
  return { errors: errors.length, fixes };
}

/**
 * The whole generator (YAML/JSON read, overlay, validation, openapi-typescript, the client,
 * README and tests written) on GitHub's spec, as a sixth "vendor" in a scratch copy with
 * `PATCH /gists/{gist_id}` as its update operation, timed against openapi-typescript alone as a
 * program on the same effective spec, in alternating fresh processes.
 */
async function pipelineOnGithub(spec) {
  const what = `the generator (\`node ${GENERATOR} github\`) on the same spec, as a sixth vendor`;
  let dir;
  try {
    dir = scratchTree();
    const build = timed(
      join(dir, "node_modules/.bin/turbo"),
      ["run", "build", "--filter=@phonebridge/spec-tools"],
      dir,
    );
    if (build.status !== 0)
      return { key: "generate:github", what, skipped: `the tools did not build: ${build.output.slice(-300)}` };
    mkdirSync(join(dir, "specs/github"));
    copyFileSync(spec, join(dir, "specs/github/openapi.yaml"));
    const overlay = await overlayFor(spec);
    writeFileSync(join(dir, "specs/github/overlay.yaml"), `${JSON.stringify({ fixes: overlay.fixes }, null, 2)}\n`);
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
    // A first run writes the effective spec that openapi-typescript alone then reads.
    const first = timed(process.execPath, [GENERATOR, "github"], dir);
    if (first.status !== 0)
      return { key: "generate:github", what, skipped: `failed: ${first.output.trim().split("\n").at(-1)}` };
    const input = join(dir, "github-effective.json");
    copyFileSync(join(dir, "packages/github/openapi.json"), input);
    const generator = [];
    const alone = [];
    for (let i = 0; i < PAIRS; i++) {
      alone.push(openapiTs(input));
      // Every generator run writes every file, as the first run for a new vendor does.
      rmSync(join(dir, "packages/github"), { recursive: true, force: true });
      const run = timed(process.execPath, [GENERATOR, "github"], dir);
      if (run.status !== 0)
        return { key: "generate:github", what, skipped: `failed: ${run.output.trim().split("\n").at(-1)}` };
      generator.push(run.seconds);
    }
    const schema = join(dir, "packages/github/src/generated/schema.ts");
    const processSeconds = median(alone.map((a) => a.processSeconds));
    const conversionSeconds = median(alone.map((a) => a.seconds));
    const seconds = median(generator);
    return {
      key: "generate:github",
      what,
      seconds,
      openapiTsProcessSeconds: processSeconds,
      openapiTsConversionSeconds: conversionSeconds,
      ratioToOpenapiTsProcess: seconds / processSeconds,
      ratioToOpenapiTsConversion: seconds / conversionSeconds,
      runs: {
        generator,
        openapiTsProcess: alone.map((a) => a.processSeconds),
        openapiTsConversion: alone.map((a) => a.seconds),
      },
      overlayFixes: overlay.fixes.length,
      outputBytes: existsSync(schema) ? statSync(schema).size : undefined,
      specBytes: statSync(spec).size,
    };
  } catch (error) {
    return { key: "generate:github", what, skipped: error.message.split("\n")[0] };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureScaling({ skipOctokit = false } = {}) {
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
      rows.push(await pipelineOnGithub(spec));
    }
  }
  return { cache: CACHE, rows };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { json: { type: "string" }, "skip-octokit": { type: "boolean" } } });
  const result = {
    generate: measureGenerate(),
    scaling: await measureScaling({ skipOctokit: values["skip-octokit"] }),
  };
  console.log(JSON.stringify(result, null, 2));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
}
