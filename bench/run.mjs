// `pnpm bench`: every benchmark, a readable table on stdout, the figures in
// bench/results/latest.json and the tables in bench/results/latest.md. Not a test: it judges
// goals and budgets but exits 0 unless a benchmark could not run at all (`pnpm size`, which
// `pnpm test` runs, is the one that fails on a budget).
//
//   pnpm bench                       (builds first, then node bench/run.mjs)
//   node bench/run.mjs [--quick] [--only cpu,drift,size,generate,cli,stream] [--profile] [--skip-octokit]
//
// Traffic goes to 127.0.0.1 only; every loop is bounded (count and time).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measureGenerate, measureScaling } from "./generation.mjs";
import { median, medianCi, ROOT } from "./lib/load.mjs";
import { profileAgainstFetch, profileText } from "./profile.mjs";

// The size budgets live with the package checks (packages/spec-tools/src/packages/size.ts).
const { measureSizes, sizeTable } = await import("../packages/spec-tools/dist/src/packages/size.js");

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
    "skip-octokit": { type: "boolean", default: false },
    "from-json": { type: "string" },
  },
});
// --from-json renders the tables of an earlier results file again, measuring nothing.
const only = new Set(args["from-json"] ? [] : (args.only ?? "cpu,drift,size,generate,cli,stream").split(","));
// Every request path (update, get, each list page), of the vendor packages and the facade, at or
// below the CPU of a bare `fetch` making the same request.
const GOAL = { cpuRatio: 1.0, generatorRatio: 1.3 };
/** The request paths measured against a bare fetch: [path, kind of the vendor package's row, the facade's, the group's suffix]. */
const PATHS = [
  ["update", "update", "facade", ""],
  ["get", "get", "facade-get", "/get"],
  ["list page", "list", "facade-list", "/list"],
];
const started = Date.now();
const log = (line) => process.stderr.write(`${line}\n`);
const bytes = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} kB`);
const f2 = (n) => (typeof n === "number" && Number.isFinite(n) ? n.toFixed(2) : "–");

function gitCommit() {
  try {
    const sha = execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["-C", ROOT, "status", "--porcelain", "--", "packages", "bench"], {
      encoding: "utf8",
    }).trim();
    return dirty ? `${sha} (+ uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

const results = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  machine: {
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model,
    loadavgAtStart: loadavg(),
  },
  goals: {
    cpuRatioAtMost: GOAL.cpuRatio,
    facadeBelowRetellSdk: true,
    generatorRatioAtMost: GOAL.generatorRatio,
  },
};
const md = [];

// 1. Per-call client cost.
if (only.has("cpu")) {
  log("bench: per-call client cost (loopback server in a child process) …");
  const out = join(tmpdir(), `phonebridge-bench-cpu-${process.pid}.json`);
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "bench/client.mjs"), "--out", out, ...(args.quick ? ["--quick"] : [])],
    {
      stdio: ["ignore", "inherit", "inherit"],
      timeout: 600_000,
    },
  );
  if (r.status !== 0 || !existsSync(out)) {
    results.cpu = { error: `bench/client.mjs exited ${r.status ?? r.signal}` };
  } else {
    results.cpu = JSON.parse(readFileSync(out, "utf8"));
    rmSync(out, { force: true });
    const rows = results.cpu.rows;
    const find = (key, mode) => rows.find((x) => x.key === key && x.mode === mode);
    // The goals are about real calls: the stubbed rows (no I/O) only locate the client's own work.
    const verdicts = [];
    // Every request path of every vendor, sequential and 32 concurrent: pass/miss on the median;
    // "within noise" when the 95% interval of the median straddles the goal.
    const judge = (x) => {
      const [lo, hi] = x.cpuRatioCi95;
      const side = x.cpuRatio <= GOAL.cpuRatio ? "pass" : "miss";
      const sure = side === "pass" ? hi <= GOAL.cpuRatio : lo > GOAL.cpuRatio;
      return { side, sure, text: `${x.key}/${x.mode} ${f2(x.cpuRatio)}x [${f2(lo)}–${f2(hi)}]` };
    };
    const pathKinds = new Set(PATHS.flatMap(([, pkg, fac]) => [pkg, fac]));
    const paths = rows.filter((x) => pathKinds.has(x.kind) && x.mode !== "stubbed");
    if (paths.length) {
      const judged = paths.map((x) => ({ x, ...judge(x) }));
      const misses = judged.filter((j) => j.side === "miss");
      const unsure = judged.filter((j) => !j.sure);
      const worst = paths.reduce((a, b) => (b.cpuRatio > a.cpuRatio ? b : a));
      verdicts.push({
        goal: `every request path (update, get, each list page; vendor package and facade) client CPU <= ${f2(GOAL.cpuRatio)}x a bare fetch of the same request (sequential and 32 concurrent)`,
        pass: misses.length === 0,
        detail:
          `${paths.length - misses.length} of ${paths.length} at or below; worst ${f2(worst.cpuRatio)}x (${worst.key}, ${worst.mode}); ` +
          `misses: ${misses.map((j) => j.text).join(", ") || "none"}; ` +
          `within noise (95% interval of the median straddles ${f2(GOAL.cpuRatio)}): ${unsure.map((j) => j.text).join(", ") || "none"}`,
      });
      const threadMisses = paths.filter((x) => x.threadCpuRatio > GOAL.cpuRatio);
      verdicts.push({
        goal: "the same on main-thread CPU only (V8's helper threads left out: less noisy)",
        pass: threadMisses.length === 0,
        detail: `misses: ${threadMisses.map((x) => `${x.key}/${x.mode} ${f2(x.threadCpuRatio)}x [${f2(x.threadCpuRatioCi95[0])}–${f2(x.threadCpuRatioCi95[1])}]`).join(", ") || "none"}`,
      });
    } else {
      verdicts.push({
        goal: "request paths",
        pass: null,
        detail: "skipped: no vendor package or facade variant could run",
      });
    }
    // Per path and client, all vendors together: every round's ratio of every vendor (a tighter figure).
    results.cpu.pooled = PATHS.flatMap(([path, pkg, fac]) =>
      [pkg, fac].flatMap((kind) =>
        ["sequential", "concurrent"].map((mode) => {
          const of = paths.filter((x) => x.kind === kind && x.mode === mode);
          const cpu = of.flatMap((x) => x.cpuRatios ?? []);
          const thread = of.flatMap((x) => x.threadCpuRatios ?? []);
          return {
            path,
            kind,
            mode,
            vendors: of.length,
            samples: cpu.length,
            cpuRatio: median(cpu),
            cpuRatioCi95: medianCi(cpu),
            threadCpuRatio: median(thread),
            threadCpuRatioCi95: medianCi(thread),
          };
        }),
      ),
    ).filter((p) => p.samples);
    for (const p of results.cpu.pooled) {
      verdicts.push({
        goal: `${p.kind.startsWith("facade") ? "facade" : "vendor package"} ${p.path}, all vendors pooled (${p.mode}) <= ${f2(GOAL.cpuRatio)}x`,
        pass: p.cpuRatio <= GOAL.cpuRatio,
        detail:
          `${f2(p.cpuRatio)}x [${f2(p.cpuRatioCi95[0])}–${f2(p.cpuRatioCi95[1])}] over ${p.samples} rounds of ${p.vendors} vendors; ` +
          `main thread ${f2(p.threadCpuRatio)}x [${f2(p.threadCpuRatioCi95[0])}–${f2(p.threadCpuRatioCi95[1])}]`,
      });
    }
    for (const mode of ["sequential", "concurrent"]) {
      const f = find("facade:retell", mode);
      const sdk = find("retell-sdk:retell", mode);
      if (f && sdk) {
        verdicts.push({
          goal: `facade below retell-sdk in client CPU (Retell, ${mode})`,
          pass: f.cpuRatio < sdk.cpuRatio,
          detail: `facade ${f2(f.cpuRatio)}x [${f2(f.cpuRatioCi95[0])}–${f2(f.cpuRatioCi95[1])}] vs retell-sdk ${f2(sdk.cpuRatio)}x [${f2(sdk.cpuRatioCi95[0])}–${f2(sdk.cpuRatioCi95[1])}]`,
        });
      }
    }
    results.cpu.verdicts = verdicts;

    // Where the time goes on the paths that miss (the worst two), or on request the facade's update.
    const missed = paths.filter((x) => x.cpuRatio > GOAL.cpuRatio).sort((a, b) => b.cpuRatio - a.cpuRatio);
    const toProfile = [
      ...new Set(
        args.profile && find("facade:retell", "sequential")
          ? ["facade:retell", ...missed.map((x) => x.key)]
          : missed.map((x) => x.key),
      ),
    ];
    if (toProfile.length) {
      log(`bench: profiling ${toProfile.slice(0, 2).join(", ")} next to raw fetch …`);
      try {
        results.cpu.profiles = toProfile.slice(0, 2).map((key) => profileAgainstFetch(key, args.quick ? 1500 : 3000));
      } catch (error) {
        results.cpu.profiles = [{ error: error.message.split("\n")[0] }];
      }
    }
  }
}

// 1b. Response validation (drift) per call, beside JSON.parse of the same body.
if (only.has("drift")) {
  log("bench: response validation per call (bench/drift.mjs) …");
  const r = spawnSync(process.execPath, [join(ROOT, "bench/drift.mjs"), ...(args.quick ? ["--quick"] : [])], {
    encoding: "utf8",
    timeout: 300_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const line = (r.stdout ?? "").trim().split("\n").at(-1);
  try {
    results.drift = JSON.parse(line);
  } catch {
    results.drift = {
      skipped: `no JSON line from the drift bench (exit ${r.status ?? r.signal}): ${(r.stderr ?? "").trim().split("\n").at(-1) ?? ""}`,
    };
  }
}

// 2. Bundle sizes.
if (only.has("size")) {
  log("bench: bundle sizes (esbuild, minified + gzip) …");
  results.size = await measureSizes(ROOT);
}

// 3. Generation.
if (only.has("generate")) {
  log("bench: generation (scratch copy of HEAD; openapi-typescript on GitHub's spec) …");
  results.generate = measureGenerate();
  results.scaling = await measureScaling({ skipOctokit: args["skip-octokit"] });
}

// 4. The CLI's bulk figure, from its own bench when it exists.
if (only.has("cli")) {
  const cliBench = join(ROOT, "bench/cli/apply.bench.mjs");
  if (!existsSync(cliBench)) {
    results.cli = { skipped: "bench/cli/apply.bench.mjs does not exist" };
  } else {
    log("bench: CLI bulk apply (packages/cli/bench) …");
    const r = spawnSync(process.execPath, [cliBench], {
      encoding: "utf8",
      timeout: 300_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const line = (r.stdout ?? "").trim().split("\n").at(-1);
    try {
      results.cli = JSON.parse(line);
    } catch {
      results.cli = {
        skipped: `no JSON line from the CLI bench (exit ${r.status ?? r.signal}): ${(r.stderr ?? "").trim().split("\n").at(-1) ?? ""}`,
      };
    }
  }
}

// 5. The CLI on 100,000 rows: input and output streamed, peak RSS against its goal.
if (only.has("stream")) {
  log("bench: CLI apply on 100,000 rows (bench/cli/stream.bench.mjs) …");
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "bench/cli/stream.bench.mjs"), ...(args.quick ? ["--rows", "20000"] : [])],
    {
      encoding: "utf8",
      timeout: 900_000,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const line = (r.stdout ?? "").trim().split("\n").at(-1);
  try {
    results.stream = JSON.parse(line);
  } catch {
    results.stream = {
      skipped: `no JSON line from the stream bench (exit ${r.status ?? r.signal}): ${(r.stderr ?? "").trim().split("\n").at(-1) ?? ""}`,
    };
  }
}

if (args["from-json"]) Object.assign(results, JSON.parse(readFileSync(args["from-json"], "utf8")));
else {
  results.machine.loadavgAtEnd = loadavg();
  results.seconds = Math.round((Date.now() - started) / 100) / 10;
}

// ---- Tables ----
const load = (l) => l.map((n) => n.toFixed(1)).join(" / ");
md.push(
  `Node ${results.machine.node}, ${results.machine.cpus} cores, commit ${results.commit}, ${results.date.slice(0, 16).replace("T", " ")} UTC; ` +
    `load average ${load(results.machine.loadavgAtStart)} at start, ${load(results.machine.loadavgAtEnd)} at end (1/5/15 min). ` +
    "Ratios are medians over interleaved blocks on a shared 2-core machine: expect ±0.05–0.1 between runs.",
);

if (results.cpu?.rows) {
  const rows = results.cpu.rows;
  const seq = rows.filter((x) => x.mode === "sequential");
  const byKey = (key, mode) => rows.find((x) => x.key === key && x.mode === mode);
  // Summary: one line per kind of client, ranges over the vendors.
  const range = (values, digits = 2) => {
    const v = values.filter((n) => Number.isFinite(n));
    if (!v.length) return "–";
    const lo = Math.min(...v).toFixed(digits);
    const hi = Math.max(...v).toFixed(digits);
    return lo === hi ? lo : Math.min(...v) < 0 ? `${lo} … ${hi}` : `${lo}–${hi}`;
  };
  const kinds = [
    ["fetch", "raw `fetch(url, init)`"],
    ["fetch-aa", "raw `fetch` again: A/A control, should be 1.00 (Retell)"],
    ["fetch-noredirect", 'raw `fetch` with `redirect: "error"`, the cheapest fetch call (Retell: update, get, list)'],
    ["fetch-timeout", "raw `fetch` + AbortController and timer per call (Retell)"],
    ["fetch-signal", 'bare GET with `redirect: "error"` and an AbortController per call (Retell get and list)'],
    ["update", "vendor package `updatePhoneNumber` (retries and timeouts included)"],
    ["facade", "facade `update(id, { agentId })`"],
    ["get", "vendor package `getPhoneNumber` (× a bare GET of the same URL)"],
    ["facade-get", "facade `get(id)` (× a bare GET)"],
    ["list", "vendor package `listPhoneNumbers`, one page (× a bare GET)"],
    ["facade-list", "facade `list()`, one page (× a bare GET)"],
    ["openapi-fetch", "openapi-fetch `client.PATCH` (Retell)"],
    ["retell-sdk", "official `retell-sdk` `phoneNumber.update`"],
  ];
  const pooled = (kind, mode) => {
    const p = results.cpu.pooled?.find((x) => x.path === "update" && x.kind === kind && x.mode === mode);
    return p?.samples
      ? `; all vendors ${f2(p.cpuRatio)} <sub>${f2(p.cpuRatioCi95[0])}–${f2(p.cpuRatioCi95[1])}</sub>`
      : "";
  };
  md.push("", "### Summary: client cost per call, × raw `fetch` (lower is better)", "");
  md.push(
    "| client | CPU, sequential | CPU, 32 concurrent | median latency, sequential | own work, µs/call (fetch stubbed) | vendors |",
  );
  md.push("|---|---:|---:|---:|---:|---|");
  for (const [kind, label] of kinds) {
    const of = (mode) => rows.filter((x) => x.kind === kind && x.mode === mode);
    if (!of("sequential").length && !of("concurrent").length) continue;
    const vendors = [...new Set([...of("sequential"), ...of("concurrent")].map((x) => x.provider))].length;
    if (kind === "fetch") {
      const abs = (mode, pick) => range(of(mode).map(pick), 0);
      md.push(
        `| ${label} | 1.00 (${abs("sequential", (x) => x.cpuUsPerCall)} µs) | 1.00 (${abs("concurrent", (x) => x.cpuUsPerCall)} µs) | ` +
          `1.00 (${abs("sequential", (x) => x.latencyMs * 1000)} µs) | 0 (the stub: ${abs("stubbed", (x) => x.cpuUsPerCall)} µs) | ${vendors} |`,
      );
    } else {
      md.push(
        `| ${label} | ${range(of("sequential").map((x) => x.cpuRatio))}${pooled(kind, "sequential")} | ${range(of("concurrent").map((x) => x.cpuRatio))}${pooled(kind, "concurrent")} | ${range(of("sequential").map((x) => x.latencyRatio))} | ${range(
          of("stubbed").map((x) => x.overheadUs),
          1,
        )} | ${vendors} |`,
      );
    }
  }
  // Every request path against its goal: one row per vendor and path, the vendor package and the facade.
  md.push(
    "",
    `### Every request path, × a bare \`fetch\` of the same request (goal: at most ${f2(GOAL.cpuRatio)}; lower is better)`,
    "",
    "CPU per call, median ratio and its 95% interval; **bold**: over the goal.",
    "",
    "| vendor | path | vendor package, sequential | vendor package, 32 concurrent | facade, sequential | facade, 32 concurrent |",
    "|---|---|---:|---:|---:|---:|",
  );
  const providers = [
    ...new Set(rows.filter((x) => x.kind === "fetch" && !x.provider.includes("/")).map((x) => x.provider)),
  ];
  const cell = (r) => {
    if (!r) return "–";
    const text = `${f2(r.cpuRatio)} <sub>${f2(r.cpuRatioCi95[0])}–${f2(r.cpuRatioCi95[1])}</sub>`;
    return r.cpuRatio > GOAL.cpuRatio ? `**${text}**` : text;
  };
  for (const provider of providers) {
    for (const [path, pkg, fac, suffix] of PATHS) {
      const group = provider + suffix;
      if (!byKey(`fetch:${group}`, "sequential")) {
        if (suffix) md.push(`| ${provider} | ${path} | no read operation documented | | | |`);
        continue;
      }
      md.push(
        `| ${provider} | ${path} | ${cell(byKey(`${pkg}:${group}`, "sequential"))} | ${cell(byKey(`${pkg}:${group}`, "concurrent"))} | ${cell(byKey(`${fac}:${group}`, "sequential"))} | ${cell(byKey(`${fac}:${group}`, "concurrent"))} |`,
      );
    }
  }
  const pooledCell = (path, kind, mode) => {
    const q = results.cpu.pooled?.find((x) => x.path === path && x.kind === kind && x.mode === mode);
    return q ? cell(q) : "–";
  };
  for (const [path, pkg, fac] of PATHS) {
    md.push(
      `| all vendors, pooled | ${path} | ${pooledCell(path, pkg, "sequential")} | ${pooledCell(path, pkg, "concurrent")} | ${pooledCell(path, fac, "sequential")} | ${pooledCell(path, fac, "concurrent")} |`,
    );
  }
  md.push("", "### Client cost per call (× raw `fetch` to the same loopback server; lower is better)", "");
  md.push(
    "| vendor | client | CPU, sequential | latency, sequential | CPU, 32 concurrent | latency, 32 concurrent | main-thread CPU, seq / conc | own work, fetch stubbed: µs/call over raw |",
  );
  md.push("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const x of seq) {
    const c = byKey(x.key, "concurrent");
    const st = byKey(x.key, "stubbed");
    const ci = (r) => (r ? ` <sub>${f2(r[0])}–${f2(r[1])}</sub>` : "");
    const cpuCell = (r) =>
      r ? (r.kind === "fetch" ? `${r.cpuUsPerCall.toFixed(0)} µs` : `${f2(r.cpuRatio)}${ci(r.cpuRatioCi95)}`) : "–";
    const latCell = (r) =>
      r ? (r.kind === "fetch" ? `${(r.latencyMs * 1000).toFixed(0)} µs` : f2(r.latencyRatio)) : "–";
    const thr = (r) => (r ? (r.kind === "fetch" ? "1" : f2(r.threadCpuRatio)) : "–");
    const own = (r) =>
      r
        ? r.kind === "fetch"
          ? `(${r.cpuUsPerCall.toFixed(1)} µs)`
          : `${r.overheadUs >= 0 ? "+" : ""}${r.overheadUs.toFixed(1)} <sub>${r.overheadUsCi95.map((n) => n.toFixed(1)).join(" … ")}</sub>`
        : "–";
    const label = x.kind === "fetch" ? "raw `fetch` (= 1.00)" : x.label.replace(`@phonebridge/${x.provider} `, "");
    md.push(
      `| ${x.provider} | ${label} | ${cpuCell(x)} | ${latCell(x)} | ${cpuCell(c)} | ${latCell(c)} | ${thr(x)} / ${thr(c)} | ${own(st)} |`,
    );
  }
  md.push(
    "",
    "CPU = user + system time of the client process (`process.cpuUsage()`; the server runs in a child process), per call, " +
      "as the median over rounds (each round: small blocks of every variant of the vendor, raw fetch included, in a rotating order); small subscript: 95% interval of that median. " +
      "Raw-fetch rows give absolute figures. Main-thread CPU leaves out V8's helper threads (GC, compiler): less noisy. " +
      "Own work: the same calls with `fetch` replaced by a stub that returns a ready Response (no socket, no server): " +
      "CPU per call minus raw fetch's, median and 95% interval; it leaves out what a variant costs inside undici (a `signal` passed to fetch, for one). " +
      "The phonebridge rows are the clients as created with no `fetch`: in Node they send through node:http (docs/ARCHITECTURE.md#the-request-pipeline); given the stub, they send through it, so own work is the pipeline's over a `fetch`.",
  );
  if (results.cpu.skipped?.length)
    md.push("", `Skipped: ${results.cpu.skipped.map((s) => `${s.key} (${s.reason})`).join("; ")}`);
  md.push("", "Goals:");
  for (const v of results.cpu.verdicts)
    md.push(`- ${v.pass === null ? "skipped" : v.pass ? "pass" : "**miss**"}: ${v.goal}: ${v.detail}`);
  if (results.cpu.profiles?.length) {
    md.push(
      "",
      "Where the facade's time goes (V8 CPU profile, µs of main-thread CPU per call):",
      "",
      "```",
      profileText(results.cpu.profiles.filter((p) => !p.error)),
      "```",
    );
  }
} else if (results.cpu) md.push("", `Client cost: ${results.cpu.error}`);

if (results.size) {
  md.push("", "### Bundle size (esbuild, minified + gzip -9; kB = 1000 bytes)", "", sizeTable(results.size));
}

if (results.generate) {
  md.push("", "### Generation", "", "| what | time | |", "|---|---:|---|");
  for (const r of results.generate.rows) {
    md.push(
      `| ${r.what} | ${r.skipped ? "skipped" : `${r.seconds.toFixed(2)} s`} | ${r.skipped ?? `${r.ok ? "" : "**failed** "}${r.detail}`} |`,
    );
  }
  md.push(
    "",
    "openapi-typescript alone, as a program in a fresh process (read the JSON, convert, write the types): the conversion (`openapiTS` + `astToString`) and the whole process:",
    "",
  );
  md.push(
    "| spec | size | operations | schemas | conversion | process | output | peak RSS |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of results.scaling.rows.filter((x) => x.key.startsWith("openapi-ts:"))) {
    if (r.skipped) md.push(`| ${r.what} | skipped: ${r.skipped} | | | | | | |`);
    else {
      const process = r.processSeconds === undefined ? "–" : `${r.processSeconds.toFixed(2)} s`;
      md.push(
        `| ${r.what} | ${bytes(r.specBytes)} | ${r.operations} | ${r.schemas} | ${r.seconds.toFixed(2)} s | ${process} | ${bytes(r.outputBytes)} | ${r.peakRssMB} MB |`,
      );
    }
  }
}

const pipeline = results.scaling?.rows.find((x) => x.key === "generate:github");
if (pipeline) {
  md.push(
    "",
    pipeline.skipped
      ? `The generator on GitHub's spec: skipped (${pipeline.skipped}).`
      : `The whole generator (\`pnpm generate\`'s program: spec read, overlay of ${pipeline.overlayFixes} fixes, validation, openapi-typescript, client, README and tests written) on GitHub's spec as a sixth vendor: ${pipeline.seconds.toFixed(2)} s, a ${bytes(pipeline.outputBytes)} schema.ts; ` +
          `openapi-typescript alone on the same effective spec, as a program: ${pipeline.openapiTsProcessSeconds.toFixed(2)} s (its conversion alone ${pipeline.openapiTsConversionSeconds.toFixed(2)} s). ` +
          `**The generator takes ${pipeline.ratioToOpenapiTsProcess.toFixed(2)}× openapi-typescript alone** (goal: at most ${GOAL.generatorRatio}×; ${pipeline.ratioToOpenapiTsConversion.toFixed(2)}× its conversion alone). Medians of ${pipeline.runs.generator.length} alternating runs of each.`,
  );
}

if (results.drift) {
  md.push("", "### Response validation per call (bench/drift.mjs)", "");
  const d = results.drift;
  if (d.skipped) md.push(`skipped: ${d.skipped}`);
  else {
    const us = (ns) => `${(ns / 1000).toFixed(2)} µs`;
    md.push(
      "CPU per call of the vendor's generated validator, which the facade runs on every 2xx JSON object, on the spec's example and on it drifted, beside `JSON.parse` of the same body.",
      "",
      "| vendor | body bytes | validate | validate, drifted | JSON.parse |",
      "|---|---:|---:|---:|---:|",
    );
    for (const r of d.rows) {
      md.push(
        `| ${r.provider} | ${r.bodyBytes} | ${us(r.nsPerCall.validate)} | ${us(r.nsPerCall.validateDrifted)} | ${us(r.nsPerCall.jsonParse)} |`,
      );
    }
  }
}

if (results.cli) {
  md.push("", "### CLI bulk apply (packages/cli/bench)", "");
  const c = results.cli;
  if (c.skipped) md.push(`skipped: ${c.skipped}`);
  else {
    md.push(
      `${c.rows} rows at concurrency ${c.concurrency} against a server answering in ${c.latencyMs} ms: ${c.rowsPerSecond} rows/s ` +
        `(${(c.fraction * 100).toFixed(1)}% of the theoretical ${c.theoreticalRowsPerSecond}), peak RSS ${c.peakRssMB} MB, ` +
        `${c.cpuMsPerRow ?? "–"} ms CPU per row; goal ${c.goal ? `≥ ${c.goal.fraction * 100}% and < ${c.goal.peakRssMB} MB` : "–"}: ${c.pass ? "pass" : "**miss**"}.`,
    );
  }
}

if (results.stream) {
  md.push("", "### CLI apply, streamed (bench/cli/stream.bench.mjs)", "");
  const c = results.stream;
  if (c.skipped) md.push(`skipped: ${c.skipped}`);
  else {
    md.push(
      `${c.rows} rows at concurrency ${c.concurrency} against a server answering at once; peak RSS goal < ${c.goal.peakRssMB} MB: ` +
        `${c.pass ? "pass" : "**miss**"} (${c.peakRssMB} MB).`,
      "",
      "| input | run | rows/s | peak RSS MB | CPU s | ok |",
      "|---|---|---:|---:|---:|---|",
    );
    for (const run of c.runs) {
      for (const [name, r] of [
        ["--dry-run", run.dryRun],
        ["apply", run.apply],
        ["--resume", run.resume],
      ]) {
        md.push(
          `| ${run.format} (${run.inputMB} MB) | ${name} | ${r.rowsPerSecond} | ${r.peakRssMB} | ${r.cpuSeconds} | ${r.pass ? "yes" : "**no**"} |`,
        );
      }
    }
  }
}

md.push("", `Reproduce: \`pnpm bench\` (${Math.round(results.seconds)} s for this run).`);
const text = md.join("\n");
// A full run replaces latest.*; a partial or quick one writes partial.*.tmp (ignored by git).
const partial = args.quick || args.only !== undefined || args["skip-octokit"];
const base = partial || args["from-json"] ? "bench/results/partial" : "bench/results/latest";
const suffix = partial || args["from-json"] ? ".tmp" : "";
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
if (!args["from-json"]) writeFileSync(join(ROOT, `${base}.json${suffix}`), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(ROOT, `${base}.md${suffix}`), `${text}\n`);
console.log(text);
log(
  args["from-json"]
    ? `\nbench: wrote ${base}.md${suffix}`
    : `\nbench: wrote ${base}.json${suffix} and ${base}.md${suffix} in ${results.seconds} s`,
);
if (results.cpu?.error) process.exitCode = 1;
