// Per-call client cost: client CPU per call and median latency of each way of sending the same
// update, against one loopback node:http server in a child process (so only the client's CPU is
// counted: process.cpuUsage() of this process). Every variant runs in small blocks, alternating
// with the others in one process; each block's figure is divided by the raw-fetch block of the
// same vendor in the same round, and the median of those ratios is reported.
//
//   node bench/client.mjs [--out file.json] [--rounds N] [--quick]
//   node bench/client.mjs --profile-variant facade:retell --calls 4000 --out profiles.json
//     (used by bench/profile.mjs: V8 CPU profiles of that variant and of raw fetch, alternating)
import { fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AGENT, API_KEY, PROVIDERS, VENDORS } from "./lib/fixtures.mjs";
import { loadPackage, median, quantile, ROOT } from "./lib/load.mjs";

const { values: args } = parseArgs({
  options: {
    out: { type: "string" },
    rounds: { type: "string" },
    quick: { type: "boolean", default: false },
    "profile-variant": { type: "string" },
    calls: { type: "string" },
    "max-seconds": { type: "string" },
  },
});

const QUICK = args.quick;
const ROUNDS = Number(args.rounds ?? (QUICK ? 5 : 15));
const SEQ_BLOCK = QUICK ? 50 : 100;
const CONCURRENCY = 32;
const CONC_BLOCK = CONCURRENCY * (QUICK ? 3 : 6);
const WARMUP = QUICK ? 100 : 300;
const MAX_SECONDS = Number(args["max-seconds"] ?? (QUICK ? 30 : 75)); // per mode

function startServer() {
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(ROOT, "bench/lib/server.mjs"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.once("error", reject);
    child.once("message", (message) => resolvePromise({ child, port: message.port }));
    child.once("exit", (code) => reject(new Error(`the bench server exited early (${code})`)));
  });
}

function stopServer(child) {
  child.removeAllListeners("exit");
  child.kill();
}

/** Builds every variant that can be built now; the others come back as skipped rows. */
async function buildVariants(origin) {
  const variants = [];
  const skipped = [];
  const facade = await loadPackage("facade");
  let retellSdk;
  try {
    retellSdk = (await import("retell-sdk")).default;
  } catch (error) {
    retellSdk = { skipped: `retell-sdk is not installed: ${error.message}` };
  }

  for (const provider of PROVIDERS) {
    const v = VENDORS[provider];
    const url = origin + v.path(v.id);
    const headers = { accept: "application/json", "content-type": "application/json", ...v.headers };
    const add = (kind, label, call, check) =>
      variants.push({ key: `${kind}:${provider}`, kind, provider, label, call, check });

    add(
      "fetch",
      "raw fetch(url, init) + res.json()",
      async () => {
        const res = await fetch(url, { method: v.method, headers, body: JSON.stringify(v.body) });
        return res.json();
      },
      (data) => data && typeof data === "object",
    );

    const vendorPkg = await loadPackage(provider);
    const title = provider[0].toUpperCase() + provider.slice(1);
    if (vendorPkg.skipped) {
      skipped.push({ key: `update:${provider}`, reason: vendorPkg.skipped });
      skipped.push({ key: `send:${provider}`, reason: vendorPkg.skipped });
    } else {
      const createClient = vendorPkg.module[`create${title}Client`];
      const createTransport = vendorPkg.module[`create${title}Transport`];
      if (typeof createTransport === "function") {
        const transport = createTransport({ apiKey: API_KEY, baseUrl: origin });
        add(
          "send",
          `@phonebridge/${provider} transport.send + res.json()`,
          async () => (await transport.send(v.id, v.body)).json(),
          (data) => data && typeof data === "object",
        );
      } else skipped.push({ key: `send:${provider}`, reason: `no create${title}Transport export` });
      if (typeof createClient === "function") {
        const client = createClient({ apiKey: API_KEY, baseUrl: origin });
        add(
          "update",
          `@phonebridge/${provider} updatePhoneNumber`,
          () => client.updatePhoneNumber(v.id, v.body),
          (data) => data && typeof data === "object",
        );
        if (provider === "retell") {
          // For reference: the openapi-fetch request path of the same client.
          add(
            "openapi-fetch",
            `@phonebridge/${provider} client.PATCH (openapi-fetch)`,
            async () => {
              const { data, response } = await client.PATCH(v.pathTemplate, {
                params: { path: { [v.pathParam]: v.id } },
                body: v.body,
              });
              if (!response.ok) throw new Error(`HTTP ${response.status}`);
              return data;
            },
            (data) => data && typeof data === "object",
          );
        }
      } else skipped.push({ key: `update:${provider}`, reason: `no create${title}Client export` });
    }

    if (facade.skipped) skipped.push({ key: `facade:${provider}`, reason: facade.skipped });
    else if (typeof facade.module.createPhoneNumbers !== "function") {
      skipped.push({ key: `facade:${provider}`, reason: "no createPhoneNumbers export" });
    } else {
      try {
        const numbers = facade.module.createPhoneNumbers({ provider, apiKey: API_KEY, baseUrl: origin });
        add(
          "facade",
          `@phonebridge/facade update(id, { agentId })`,
          () => numbers.update(v.id, { agentId: AGENT }),
          (result) => result?.agentId === AGENT && result?.provider === provider,
        );
      } catch (error) {
        skipped.push({ key: `facade:${provider}`, reason: `createPhoneNumbers failed: ${error.message}` });
      }
    }

    if (provider === "retell") {
      if (retellSdk.skipped) skipped.push({ key: "retell-sdk:retell", reason: retellSdk.skipped });
      else {
        const sdk = new retellSdk({ apiKey: API_KEY, baseURL: origin });
        add(
          "retell-sdk",
          "retell-sdk phoneNumber.update",
          () => sdk.phoneNumber.update(v.id, v.body),
          (data) => data?.phone_number === v.response.phone_number,
        );
      }
    }
  }
  return { variants, skipped };
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
/** CPU time of the main thread alone in µs (Linux), or NaN where it cannot be read. */
function threadCpuUs() {
  try {
    return Number(readFileSync(SCHEDSTAT, "utf8").split(" ")[0]) / 1000;
  } catch {
    return Number.NaN;
  }
}
async function runBlock(call, n, concurrency) {
  const latencies = new Float64Array(n);
  const thread0 = threadCpuUs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (concurrency === 1) {
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      await call();
      latencies[i] = performance.now() - start;
    }
  } else {
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= n) return;
        const start = performance.now();
        await call();
        latencies[i] = performance.now() - start;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const threadUs = (threadCpuUs() - thread0) / n;
  return { cpuUs: (cpu.user + cpu.system) / n, threadUs, latencyMs: median(latencies), wallUs: (wallMs * 1000) / n };
}

async function runMode(variants, mode) {
  const concurrency = mode === "sequential" ? 1 : CONCURRENCY;
  const block = mode === "sequential" ? SEQ_BLOCK : CONC_BLOCK;
  for (const variant of variants) await runBlock(variant.call, WARMUP, concurrency);
  const groups = PROVIDERS.map((provider) => ({
    base: variants.find((v) => v.key === `fetch:${provider}`),
    others: variants.filter((v) => v.provider === provider && v.kind !== "fetch"),
  })).filter((g) => g.base !== undefined);
  const samples = new Map(variants.map((v) => [v.key, []]));
  const started = performance.now();
  let rounds = 0;
  for (let r = 0; r < ROUNDS; r++) {
    // Each variant's block sits between two raw-fetch blocks of its vendor (F A F B F C F), and
    // is divided by their mean: the baseline is measured under the same load, seconds apart.
    // The order of vendors and of variants changes every round.
    const shift = r % groups.length;
    for (const group of [...groups.slice(shift), ...groups.slice(0, shift)]) {
      const others = r % 2 ? [...group.others].reverse() : group.others;
      const k = others.length ? r % others.length : 0;
      const order = [...others.slice(k), ...others.slice(0, k)];
      let before = await runBlock(group.base.call, block, concurrency);
      samples.get(group.base.key).push({ ...before, cpuRatio: 1, latencyRatio: 1, threadRatio: 1 });
      for (const variant of order) {
        const own = await runBlock(variant.call, block, concurrency);
        const after = await runBlock(group.base.call, block, concurrency);
        samples.get(group.base.key).push({ ...after, cpuRatio: 1, latencyRatio: 1, threadRatio: 1 });
        samples.get(variant.key).push({
          ...own,
          cpuRatio: own.cpuUs / ((before.cpuUs + after.cpuUs) / 2),
          latencyRatio: own.latencyMs / ((before.latencyMs + after.latencyMs) / 2),
          threadRatio: own.threadUs / ((before.threadUs + after.threadUs) / 2),
        });
        before = after;
      }
    }
    rounds++;
    if (rounds >= 5 && (performance.now() - started) / 1000 > MAX_SECONDS) break;
  }

  const rows = [];
  for (const variant of variants) {
    const own = samples.get(variant.key);
    const cpuRatios = own.map((b) => b.cpuRatio);
    const latRatios = own.map((b) => b.latencyRatio);
    rows.push({
      key: variant.key,
      kind: variant.kind,
      provider: variant.provider,
      label: variant.label,
      mode,
      concurrency,
      rounds,
      callsPerBlock: block,
      cpuRatio: median(cpuRatios),
      cpuRatioIqr: [quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75)],
      latencyRatio: median(latRatios),
      threadCpuRatio: median(own.map((b) => b.threadRatio)),
      threadCpuRatioIqr: [
        quantile(
          own.map((b) => b.threadRatio),
          0.25,
        ),
        quantile(
          own.map((b) => b.threadRatio),
          0.75,
        ),
      ],
      latencyRatioIqr: [quantile(latRatios, 0.25), quantile(latRatios, 0.75)],
      cpuUsPerCall: median(own.map((b) => b.cpuUs)),
      latencyMs: median(own.map((b) => b.latencyMs)),
      wallUsPerCall: median(own.map((b) => b.wallUs)),
    });
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

async function verify(variants, skipped) {
  const ok = [];
  for (const variant of variants) {
    try {
      const result = await variant.call();
      if (!variant.check(result)) throw new Error(`unexpected result ${JSON.stringify(result).slice(0, 200)}`);
      ok.push(variant);
    } catch (error) {
      skipped.push({
        key: variant.key,
        reason: `failed against the bench server: ${error.code ?? ""} ${error.message}`.trim(),
      });
    }
  }
  return ok;
}

async function main() {
  const { child, port } = await startServer();
  const origin = `http://127.0.0.1:${port}`;
  try {
    const built = await buildVariants(origin);
    const variants = await verify(built.variants, built.skipped);

    if (args["profile-variant"]) {
      // A variant next to raw fetch of its vendor, under V8's sampling profiler (the one behind
      // --cpu-prof), started and stopped in-process around each timed block only; blocks
      // alternate (F V F V ...) so both see the same load. Prints one JSON line.
      const key = args["profile-variant"];
      const variant = variants.find((v) => v.key === key);
      const base = variants.find((v) => v.key === `fetch:${variant?.provider}`);
      if (variant === undefined || base === undefined) throw new Error(`no runnable variant ${key}`);
      const { Session } = await import("node:inspector/promises");
      const session = new Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 100 });
      const calls = Number(args.calls ?? 4000);
      const per = 250;
      const profiles = { [base.key]: [], [variant.key]: [] };
      await runBlock(base.call, 500, 1);
      await runBlock(variant.call, 500, 1);
      for (let done = 0; done < calls; done += per) {
        for (const v of done % (2 * per) ? [variant, base] : [base, variant]) {
          await session.post("Profiler.start");
          const block = await runBlock(v.call, per, 1);
          const { profile } = await session.post("Profiler.stop");
          // The sampler ticks on wall time; the block's CPU time (main thread) rescales it.
          profile.threadCpuUs = block.threadUs * per;
          profiles[v.key].push(profile);
        }
      }
      session.disconnect();
      if (args.out) writeFileSync(args.out, JSON.stringify(profiles));
      console.log(JSON.stringify({ calls: Math.ceil(calls / per) * per, keys: Object.keys(profiles) }));
      return;
    }

    const cpuCount = (await import("node:os")).availableParallelism();
    const load = (await import("node:os")).loadavg();
    const sequential = await runMode(variants, "sequential");
    const concurrent = await runMode(variants, "concurrent");
    const report = {
      node: process.version,
      cpus: cpuCount,
      loadavgAtStart: load,
      loadavgAtEnd: (await import("node:os")).loadavg(),
      method:
        "client CPU = process.cpuUsage() of the client process (server in a child process); blocks of " +
        `${SEQ_BLOCK} sequential / ${CONC_BLOCK} calls at ${CONCURRENCY} in flight, alternating in one process; ` +
        "each block between two raw-fetch blocks of the same vendor (F A F B F); ratio = block / mean of its two neighbours; median over rounds",
      seconds: { sequential: sequential.seconds, concurrent: concurrent.seconds },
      rows: [...sequential.rows, ...concurrent.rows],
      skipped: built.skipped,
    };
    if (args.out) writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
    else console.log(JSON.stringify(report, null, 2));
  } finally {
    stopServer(child);
  }
}

await main();
