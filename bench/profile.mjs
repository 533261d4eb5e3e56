// Where a variant's client CPU goes: runs it under V8's sampling CPU profiler (the one behind
// `node --cpu-prof`, started in-process around each timed block by bench/client.mjs
// --profile-variant), alternating with raw fetch of the same vendor, and sums the samples per call:
//   - by layer: the package whose code the sample is in (facade, core, vendor, openapi-fetch),
//     fetch/undici, other Node internals, GC, native;
//   - by owner: each sample goes to the innermost phonebridge function on its stack (with the
//     built-ins it called), unless the stack is inside fetch() itself: "what this line costs".
//
//   node bench/profile.mjs [facade:retell ...] [--calls 4000] [--json out.json]
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/load.mjs";

function layerOf(url, functionName) {
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)" || functionName === "(root)") return "native / (program)";
  if (functionName === "(idle)") return "idle";
  if (url === "") return "native / builtins";
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  const ws = /packages\/([^/]+)\//.exec(path);
  if (ws && !path.includes("node_modules")) return `@phonebridge/${ws[1]}`;
  if (path.includes("openapi-fetch")) return "openapi-fetch";
  if (path.includes("retell-sdk")) return "retell-sdk";
  if (path.includes("/bench/")) return "bench harness (incl. the raw-fetch call site)";
  if (path.includes("undici") || path.includes("internal/deps/undici")) return "fetch (undici)";
  if (path.startsWith("node:")) return "node internals";
  return "other";
}

function shortLocation(url, line) {
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  return `${path.startsWith("/") ? relative(ROOT, path) : path}:${line + 1}`;
}

/**
 * Sums CPU profiles (one per timed block) per layer and per owner, in µs of main-thread CPU per
 * call: each block's samples are scaled to the CPU time measured for that block.
 */
export function summarize(profiles, calls) {
  const sum = { total: 0, layers: {}, owners: {}, selfFns: {}, files: {} };
  const add = (into, from, k) => {
    for (const [key, v] of Object.entries(from)) into[key] = (into[key] ?? 0) + v * k;
  };
  for (const profile of profiles) {
    const one = summarizeOne(profile);
    const k = one.total > 0 && profile.threadCpuUs > 0 ? profile.threadCpuUs / one.total : 1;
    sum.total += one.total * k;
    add(sum.layers, one.layers, k);
    add(sum.owners, one.owners, k);
    add(sum.selfFns, one.selfFns, k);
    add(sum.files, one.files, k);
  }
  const perCall = (obj) =>
    Object.fromEntries(
      Object.entries(obj)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => [k, Math.round((v / calls) * 10) / 10]),
    );
  return {
    usPerCall: Math.round((sum.total / calls) * 10) / 10,
    layers: perCall(sum.layers),
    owners: perCall(sum.owners),
    selfFunctions: perCall(sum.selfFns),
    files: perCall(sum.files),
  };
}

function summarizeOne(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const layers = {};
  const owners = {};
  const selfFns = {};
  const files = {};
  let total = 0;
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = deltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    let node = byId.get(profile.samples[i]);
    const { url, functionName, lineNumber } = node.callFrame;
    const layer = layerOf(url, functionName);
    if (layer === "idle") continue;
    total += dt;
    layers[layer] = (layers[layer] ?? 0) + dt;
    // Self time per source file (per built-in function for V8 builtins, which have no file).
    const file = url === "" ? `${functionName || "(anonymous)"} (builtin)` : shortLocation(url, -1).replace(/:0$/, "");
    files[file] = (files[file] ?? 0) + dt;
    if (layer.startsWith("@phonebridge/") || layer === "retell-sdk" || layer === "openapi-fetch") {
      const fn = `${functionName || "(anonymous)"} ${shortLocation(url, lineNumber)}`;
      selfFns[fn] = (selfFns[fn] ?? 0) + dt;
    }
    // Owner: innermost phonebridge / SDK frame, unless fetch() is on the stack below it.
    let owner;
    let inFetch = false;
    for (; node !== undefined; node = byId.get(parent.get(node.id))) {
      const cf = node.callFrame;
      const l = layerOf(cf.url, cf.functionName);
      if (l === "fetch (undici)" && cf.functionName === "fetch") inFetch = true;
      if (l.startsWith("@phonebridge/") || l === "retell-sdk" || l === "openapi-fetch") {
        owner = inFetch
          ? "inside fetch()"
          : `${cf.functionName || "(anonymous)"} ${shortLocation(cf.url, cf.lineNumber)}`;
        break;
      }
      if (l.startsWith("bench harness")) {
        owner = inFetch ? "inside fetch()" : `(${layer}, not under phonebridge code)`;
        break;
      }
    }
    owner ??= inFetch ? "inside fetch()" : `(${layer}, not under phonebridge code)`;
    owners[owner] = (owners[owner] ?? 0) + dt;
  }
  return { total, layers, owners, selfFns, files };
}

function fileKeyOf(callFrame) {
  const { url, functionName } = callFrame;
  return url === "" ? `${functionName || "(anonymous)"} (builtin)` : shortLocation(url, -1).replace(/:0$/, "");
}

/** The top call stacks (innermost first, 7 frames) of the samples whose own frame is in `file`. */
function stacksIn(profiles, file, calls) {
  const acc = {};
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
    const k = total > 0 && profile.threadCpuUs > 0 ? profile.threadCpuUs / total : 1;
    for (let i = 0; i < profile.samples.length; i++) {
      let node = byId.get(profile.samples[i]);
      if (fileKeyOf(node.callFrame) !== file) continue;
      const chain = [];
      for (let depth = 0; node !== undefined && depth < 7; depth++, node = byId.get(parent.get(node.id))) {
        const cf = node.callFrame;
        chain.push(
          `${cf.functionName || "(anonymous)"} (${fileKeyOf(cf).replace(/^node:internal\//, "")}:${cf.lineNumber + 1})`,
        );
      }
      const key = chain.join(" < ");
      acc[key] = (acc[key] ?? 0) + (profile.timeDeltas[i + 1] ?? 0) * k;
    }
  }
  return Object.entries(acc)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([stack, us]) => ({ usPerCall: Math.round((us / calls) * 10) / 10, stack }));
}

/** Concatenates V8 CPU profiles (each one timed block) into one, under a common root. */
export function mergeProfiles(profiles) {
  const root = {
    id: 1,
    callFrame: { functionName: "(root)", scriptId: "0", url: "", lineNumber: -1, columnNumber: -1 },
    hitCount: 0,
    children: [],
  };
  const merged = {
    nodes: [root],
    startTime: profiles[0]?.startTime ?? 0,
    endTime: profiles[0]?.startTime ?? 0,
    samples: [],
    timeDeltas: [],
  };
  let offset = 1;
  for (const p of profiles) {
    let maxId = 0;
    for (const n of p.nodes) {
      maxId = Math.max(maxId, n.id);
      const copy = { ...n, id: n.id + offset, children: (n.children ?? []).map((c) => c + offset) };
      if (n.callFrame.functionName === "(root)") {
        root.children.push(...copy.children);
        copy.children = [];
        copy.callFrame = { ...n.callFrame, functionName: "(block)" };
        root.children.push(copy.id);
      }
      merged.nodes.push(copy);
    }
    merged.samples.push(...p.samples.map((id) => id + offset));
    merged.timeDeltas.push(...p.timeDeltas);
    merged.endTime += p.endTime - p.startTime;
    offset += maxId;
  }
  return merged;
}

/**
 * Runs `key` next to raw fetch of its vendor in a fresh process (client.mjs --profile-variant),
 * and summarizes both profiles; the merged .cpuprofile files are kept for Chrome DevTools.
 */
export function profileAgainstFetch(key, calls = 4000) {
  const dir = join(tmpdir(), "phonebridge-bench");
  mkdirSync(dir, { recursive: true });
  const raw = join(dir, `profiles-${key.replace(/[:/]/g, "-")}.json`);
  const out = execFileSync(
    process.execPath,
    [join(ROOT, "bench/client.mjs"), "--profile-variant", key, "--calls", String(calls), "--out", raw],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 180_000,
    },
  );
  const made = JSON.parse(out.trim().split("\n").at(-1));
  const profiles = JSON.parse(readFileSync(raw, "utf8"));
  rmSync(raw, { force: true });
  const provider = key.split(":")[1];
  const baseKey = `fetch:${provider}`;
  const files = {};
  for (const [k, list] of Object.entries(profiles)) {
    files[k] = join(dir, `${k.replace(/[:/]/g, "-")}.cpuprofile`);
    writeFileSync(files[k], JSON.stringify(mergeProfiles(list)));
  }
  const own = summarize(profiles[key], made.calls);
  const base = summarize(profiles[baseKey], made.calls);
  const extra = {};
  for (const layer of new Set([...Object.keys(own.layers), ...Object.keys(base.layers)])) {
    const d = Math.round(((own.layers[layer] ?? 0) - (base.layers[layer] ?? 0)) * 10) / 10;
    if (Math.abs(d) >= 0.5) extra[layer] = d;
  }
  const extraFiles = {};
  for (const file of new Set([...Object.keys(own.files), ...Object.keys(base.files)])) {
    const d = Math.round(((own.files[file] ?? 0) - (base.files[file] ?? 0)) * 10) / 10;
    if (d >= 1) extraFiles[file] = d;
  }
  const extraPerCallByFile = Object.fromEntries(Object.entries(extraFiles).sort((a, b) => b[1] - a[1]));
  // For the largest extra costs outside phonebridge's own files: the stacks they are called from.
  const hotStacks = {};
  for (const [file, d] of Object.entries(extraPerCallByFile)) {
    if (file.startsWith("packages/") || d < 3 || Object.keys(hotStacks).length >= 4) continue;
    hotStacks[file] = stacksIn(profiles[key], file, made.calls);
  }
  // Keep the results file small: the top entries of each breakdown.
  const top = (summary) => {
    const out = { ...summary };
    for (const k of ["owners", "selfFunctions", "files"])
      out[k] = Object.fromEntries(Object.entries(summary[k]).slice(0, 20));
    return out;
  };
  return {
    key,
    calls: made.calls,
    base: top(base),
    own: top(own),
    extraPerCallByLayer: extra,
    extraPerCallByFile,
    hotStacks,
    cpuprofiles: files,
  };
}

export function profileText(results) {
  const lines = [];
  for (const r of results) {
    lines.push(
      `${r.key}: ${r.own.usPerCall} µs/call sampled vs raw fetch ${r.base.usPerCall} µs/call (${(r.own.usPerCall / r.base.usPerCall).toFixed(2)}x, main-thread CPU, ${r.calls} calls each in alternating blocks)`,
    );
    lines.push(`  extra per call by layer (µs): ${JSON.stringify(r.extraPerCallByLayer)}`);
    lines.push("  extra self time per call by file, over raw fetch (µs, >= 1):");
    for (const [k, v] of Object.entries(r.extraPerCallByFile ?? {}).slice(0, 12))
      lines.push(`    ${String(v).padStart(7)}  ${k}`);
    if (r.hotStacks && Object.keys(r.hotStacks).length) {
      lines.push("  where the largest extra costs outside phonebridge's files are called from (µs/call):");
      for (const [file, stacks] of Object.entries(r.hotStacks)) {
        lines.push(`    ${file}:`);
        for (const s of stacks) lines.push(`      ${String(s.usPerCall).padStart(6)}  ${s.stack}`);
      }
    }
    lines.push("  owners (µs/call, innermost phonebridge frame with the built-ins it calls):");
    for (const [k, v] of Object.entries(r.own.owners).slice(0, 14)) lines.push(`    ${String(v).padStart(7)}  ${k}`);
    lines.push("  self time in package code (µs/call):");
    for (const [k, v] of Object.entries(r.own.selfFunctions).slice(0, 10))
      lines.push(`    ${String(v).padStart(7)}  ${k}`);
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { calls: { type: "string" }, json: { type: "string" } },
  });
  const keys = positionals.length ? positionals : ["facade:retell"];
  const results = keys.map((key) => profileAgainstFetch(key, Number(values.calls ?? 4000)));
  console.log(profileText(results));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}
