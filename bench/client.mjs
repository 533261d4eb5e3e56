// Per-call client cost: client CPU per call and median latency of each way of sending the same
// update, against one loopback node:http server in a child process (so only the client's CPU is
// counted: process.cpuUsage() of this process, and the main thread's alone from
// /proc/self/task/<pid>/schedstat). Every variant runs in small blocks, alternating with the
// others in one process (see runMode); per round, a variant's CPU per call is divided by raw
// fetch's for the same vendor, and the median of those ratios is reported with a 95% interval.
// Modes: sequential, 32 concurrent, and stubbed (fetch replaced by a stub: the client's own work).
// The phonebridge clients are created with no `fetch` outside the stubbed mode: in Node they send
// through node:http, as a user's do (docs/ARCHITECTURE.md#the-request-pipeline).
//
//   node bench/client.mjs [--out file.json] [--rounds N] [--quick] [--modes sequential,concurrent,stubbed]
//                         [--vendors retell,cald] [--max-seconds N]
//   node bench/client.mjs --profile-variant facade:retell --calls 4000 --out profiles.json
//     (used by bench/profile.mjs: V8 CPU profiles of that variant and of raw fetch, alternating)
import { fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AGENT, API_KEY, loadFixtures, PROVIDERS } from "./lib/fixtures.mjs";
import { loadPackage, median, medianCi, quantile, ROOT } from "./lib/load.mjs";

const { values: args } = parseArgs({
  options: {
    out: { type: "string" },
    rounds: { type: "string" },
    quick: { type: "boolean", default: false },
    "profile-variant": { type: "string" },
    calls: { type: "string" },
    "max-seconds": { type: "string" },
    modes: { type: "string", default: "sequential,concurrent,stubbed" },
    vendors: { type: "string" },
  },
});

const VENDORS = await loadFixtures();

const QUICK = args.quick;
const ROUNDS = Number(args.rounds ?? (QUICK ? 6 : 30));
const MIN_ROUNDS = QUICK ? 3 : 9;
const CONCURRENCY = 32;
// Small blocks (a few ms each), several per variant and round.
const SEQ_BLOCK = Number(process.env.BENCH_SEQ_BLOCK ?? 5);
const SEQ_PASSES = Number(process.env.BENCH_SEQ_PASSES ?? (QUICK ? 8 : 16));
const CONC_BLOCK = CONCURRENCY * 4;
const CONC_PASSES = QUICK ? 1 : 2;
const WARMUP = QUICK ? 100 : 300;
// With fetch stubbed (no I/O), blocks of 100 calls, 2 per variant and round.
const STUB_BLOCK = 100;
const STUB_PASSES = 2;
const MAX_SECONDS = Number(args["max-seconds"] ?? (QUICK ? 20 : 55)); // per mode

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

/**
 * A `fetch` that answers like the bench server without any I/O: a new Response per call with the
 * vendor's 200 body. With it, a variant's CPU minus raw fetch's is the client's own work alone.
 */
function stubFetch(origin) {
  const routes = [
    ...Object.values(VENDORS).flatMap((v) =>
      [v.list, v.get]
        .filter(Boolean)
        .map((read) => ({ prefix: origin + read.route, exact: read.exact, body: JSON.stringify(read.response) })),
    ),
    ...Object.values(VENDORS).map((v) => ({ prefix: origin + v.route, body: JSON.stringify(v.response) })),
  ];
  return async (input) => {
    const url = typeof input === "string" ? input : input.url;
    const hit = routes.find((r) => (r.exact ? url.split("?")[0] === r.prefix : url.startsWith(r.prefix)));
    const body = hit ? hit.body : '{"message":"no such route"}';
    return new Response(body, {
      status: hit ? 200 : 404,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
    });
  };
}

/** Builds every variant that can be built now; the others come back as skipped rows. */
async function buildVariants(origin, fetchImpl = undefined) {
  const doFetch = fetchImpl ?? ((url, init) => fetch(url, init));
  const io = fetchImpl ? { fetch: fetchImpl } : {};
  const variants = [];
  const skipped = [];
  const facade = await loadPackage("facade");
  let retellSdk;
  try {
    retellSdk = (await import("retell-sdk")).default;
  } catch (error) {
    retellSdk = { skipped: `retell-sdk is not installed: ${error.message}` };
  }

  const only = args.vendors ? args.vendors.split(",") : PROVIDERS;
  for (const provider of PROVIDERS.filter((p) => only.includes(p))) {
    const v = VENDORS[provider];
    const url = origin + v.path(v.id);
    const headers = { accept: "application/json", "content-type": "application/json", ...v.headers };
    const add = (kind, label, call, check) =>
      variants.push({ key: `${kind}:${provider}`, kind, provider, label, call, check });

    add(
      "fetch",
      "raw fetch(url, init) + res.json()",
      async () => {
        const res = await doFetch(url, { method: v.method, headers, body: JSON.stringify(v.body) });
        return res.json();
      },
      (data) => data && typeof data === "object",
    );

    if (provider === "retell") {
      // A/A control: the raw-fetch call again, as a variant of its own. It should come out at
      // 1.00; how far it strays shows the run's noise (and would show a bias of the design).
      add(
        "fetch-aa",
        "raw fetch again (A/A control)",
        async () => {
          const res = await doFetch(url, { method: v.method, headers, body: JSON.stringify(v.body) });
          return res.json();
        },
        (data) => data && typeof data === "object",
      );
      // For reference: raw fetch with redirect: "error". Any other mode makes undici clone the
      // request and tee its body, so this is the cheapest a fetch call gets; it is what
      // phonebridge sends (never follow a redirect: docs/CONTRACT.md#errors).
      add(
        "fetch-noredirect",
        'raw fetch with redirect: "error"',
        async () => {
          const res = await doFetch(url, {
            method: v.method,
            headers,
            body: JSON.stringify(v.body),
            redirect: "error",
          });
          return res.json();
        },
        (data) => data && typeof data === "object",
      );
      // For reference: raw fetch with a per-call timeout the cheapest way that cancels the
      // request (one AbortController and one timer), as the facade's per-attempt timeout needs.
      add(
        "fetch-timeout",
        "raw fetch + AbortController and timer per call",
        async () => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 60_000);
          try {
            const res = await doFetch(url, {
              method: v.method,
              headers,
              body: JSON.stringify(v.body),
              signal: controller.signal,
            });
            return await res.json();
          } finally {
            clearTimeout(timer);
          }
        },
        (data) => data && typeof data === "object",
      );
    }

    const vendorPkg = await loadPackage(provider);
    const title = provider[0].toUpperCase() + provider.slice(1);
    if (vendorPkg.skipped) {
      skipped.push({ key: `update:${provider}`, reason: vendorPkg.skipped });
    } else {
      const createClient = vendorPkg.module[`create${title}Client`];
      if (typeof createClient === "function") {
        const client = createClient({ apiKey: API_KEY, baseUrl: origin, ...io });
        add(
          "update",
          `@phonebridge/${provider} updatePhoneNumber`,
          () => client.updatePhoneNumber(v.id, v.body),
          (data) => data && typeof data === "object",
        );
        const openApi = provider === "retell" ? await loadPackage(provider, "./openapi-fetch") : undefined;
        if (openApi?.skipped) skipped.push({ key: `openapi-fetch:${provider}`, reason: openApi.skipped });
        else if (openApi) {
          // For reference: the openapi-fetch request path of the same package (its subpath).
          const openApiClient = openApi.module[`create${title}OpenApiClient`]({
            apiKey: API_KEY,
            baseUrl: origin,
            ...io,
          });
          add(
            "openapi-fetch",
            `@phonebridge/${provider}/openapi-fetch client.PATCH`,
            async () => {
              const { data, response } = await openApiClient.PATCH(v.pathTemplate, {
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
        const numbers = facade.module.createPhoneNumbers({ provider, apiKey: API_KEY, baseUrl: origin, ...io });
        add(
          "facade",
          `@phonebridge/facade update(id, { agentId })`,
          () => numbers.update(v.id, { agentId: AGENT }),
          (result) => result?.agentId === v.reading.agentId && result?.provider === provider,
        );
      } catch (error) {
        skipped.push({ key: `facade:${provider}`, reason: `createPhoneNumbers failed: ${error.message}` });
      }
    }

    // The reads: each against a bare GET of the same URL, as a group of its own (`<vendor>/get`,
    // `<vendor>/list`): the vendor client's and the facade's, one list page each.
    const readGroup = (read, name, vendorCall, facadeCall, check) => {
      if (!read) return;
      const group = `${provider}/${name}`;
      const readUrl = origin + read.path;
      const push = (kind, label, call, ok) =>
        variants.push({ key: `${kind}:${group}`, kind, provider: group, label, call, check: ok });
      push(
        "fetch",
        "raw fetch(url) + res.json()",
        async () => (await doFetch(readUrl, { headers })).json(),
        (data) => data && typeof data === "object",
      );
      if (provider === "retell") {
        // For reference: the cheapest GET that a timeout can cancel, `redirect: "error"` and an
        // AbortController per call (what every phonebridge attempt sends), without a timer.
        push(
          "fetch-signal",
          'raw fetch(url) with redirect: "error" and an AbortController per call',
          async () =>
            (await doFetch(readUrl, { headers, redirect: "error", signal: new AbortController().signal })).json(),
          (data) => data && typeof data === "object",
        );
        push(
          "fetch-noredirect",
          'raw fetch(url) with redirect: "error"',
          async () => (await doFetch(readUrl, { headers, redirect: "error" })).json(),
          (data) => data && typeof data === "object",
        );
      }
      const createClient = vendorPkg.skipped ? undefined : vendorPkg.module[`create${title}Client`];
      if (typeof createClient === "function") {
        const client = createClient({ apiKey: API_KEY, baseUrl: origin, ...io });
        push(
          name,
          `@phonebridge/${provider} ${name === "get" ? "getPhoneNumber" : "listPhoneNumbers, one page"}`,
          () => vendorCall(client),
          (data) => data && typeof data === "object",
        );
      }
      if (!facade.skipped) {
        const numbers = facade.module.createPhoneNumbers({ provider, apiKey: API_KEY, baseUrl: origin, ...io });
        push(
          `facade-${name}`,
          `@phonebridge/facade ${name === "get" ? "get(id)" : "list(), one page"}`,
          () => facadeCall(numbers),
          check,
        );
      }
    };
    const firstPage = async (pages) => {
      for await (const page of pages) return page;
    };
    const allOf = async (iterable) => {
      const out = [];
      for await (const item of iterable) out.push(item);
      return out;
    };
    readGroup(
      v.get,
      "get",
      (client) => client.getPhoneNumber(v.id),
      (numbers) => numbers.get(v.id),
      (result) => result?.provider === provider,
    );
    readGroup(
      v.list,
      "list",
      (client) => firstPage(client.listPhoneNumbers().pages()),
      (numbers) => allOf(numbers.list()),
      (results) => Array.isArray(results) && results.every((result) => result.provider === provider),
    );

    if (provider === "retell") {
      if (retellSdk.skipped) skipped.push({ key: "retell-sdk:retell", reason: retellSdk.skipped });
      else {
        const sdk = new retellSdk({ apiKey: API_KEY, baseURL: origin, ...io });
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
/** Runs `n` calls (sequentially or `concurrency` in flight); CPU totals and every latency. */
async function runBlock(call, n, concurrency, latencies = []) {
  const thread0 = threadCpuUs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (concurrency === 1) {
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      await call();
      latencies.push(performance.now() - start);
    }
  } else {
    let next = 0;
    const worker = async () => {
      while (next++ < n) {
        const start = performance.now();
        await call();
        latencies.push(performance.now() - start);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  }
  const wallUs = (performance.now() - t0) * 1000;
  const cpu = process.cpuUsage(cpu0);
  return { calls: n, cpuUs: cpu.user + cpu.system, threadUs: threadCpuUs() - thread0, wallUs, latencies };
}

/**
 * One mode (sequential, 32 in flight, or stubbed). A round is PASSES passes over every vendor's
 * group; a pass runs one small block of each variant of the vendor, raw fetch included, in an
 * order that rotates (and reverses) from pass to pass, so that no variant gains from its place
 * (an earlier design that put every block between two raw-fetch blocks favoured the variants by
 * about 5%: the A/A control found it). A round's figure for a variant is its CPU per call over
 * the round's blocks divided by the same for its vendor's raw fetch: interleaving at a few
 * milliseconds cancels most of the machine's changing load. Median over rounds.
 */
async function runMode(variants, mode) {
  const concurrency = mode === "concurrent" ? CONCURRENCY : 1;
  const block = { sequential: SEQ_BLOCK, concurrent: CONC_BLOCK, stubbed: STUB_BLOCK }[mode];
  const passes = { sequential: SEQ_PASSES, concurrent: CONC_PASSES, stubbed: STUB_PASSES }[mode];
  const maxSeconds = mode === "stubbed" ? MAX_SECONDS / 3 : MAX_SECONDS;
  for (const variant of variants) await runBlock(variant.call, mode === "stubbed" ? WARMUP * 5 : WARMUP, concurrency);
  // Every vendor's group, then its reads' (`<vendor>/get`, `<vendor>/list`), each with its raw fetch.
  const groups = [...new Set(variants.map((v) => v.provider))]
    .map((provider) => ({
      base: variants.find((v) => v.key === `fetch:${provider}`),
      others: variants.filter((v) => v.provider === provider && v.kind !== "fetch"),
    }))
    .filter((g) => g.base !== undefined);
  const perRound = new Map(variants.map((v) => [v.key, []]));
  const started = performance.now();
  let rounds = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const acc = new Map(variants.map((v) => [v.key, { calls: 0, cpuUs: 0, threadUs: 0, wallUs: 0, latencies: [] }]));
    const run = async (variant) => {
      const a = acc.get(variant.key);
      const b = await runBlock(variant.call, block, concurrency, a.latencies);
      a.calls += b.calls;
      a.cpuUs += b.cpuUs;
      a.threadUs += b.threadUs;
      a.wallUs += b.wallUs;
    };
    for (let pass = 0; pass < passes; pass++) {
      const turn = r * passes + pass;
      const shift = turn % groups.length;
      for (const group of [...groups.slice(shift), ...groups.slice(0, shift)]) {
        // Every variant of the vendor, raw fetch included, once per pass, the order rotating
        // (and reversed every other pass): no variant is favoured by its place.
        const all = [group.base, ...group.others];
        const ordered = turn % 2 ? [...all].reverse() : all;
        const k = turn % ordered.length;
        for (const variant of [...ordered.slice(k), ...ordered.slice(0, k)]) await run(variant);
      }
    }
    for (const variant of variants) {
      const a = acc.get(variant.key);
      const f = acc.get(`fetch:${variant.provider}`);
      const latency = median(a.latencies);
      const baseLatency = median(f.latencies);
      perRound.get(variant.key).push({
        cpuUs: a.cpuUs / a.calls,
        threadUs: a.threadUs / a.calls,
        wallUs: a.wallUs / a.calls,
        latencyMs: latency,
        cpuRatio: a.cpuUs / a.calls / (f.cpuUs / f.calls),
        threadRatio: a.threadUs / a.calls / (f.threadUs / f.calls),
        latencyRatio: latency / baseLatency,
        overheadUs: a.cpuUs / a.calls - f.cpuUs / f.calls,
        threadOverheadUs: a.threadUs / a.calls - f.threadUs / f.calls,
      });
    }
    rounds++;
    if (rounds >= MIN_ROUNDS && (performance.now() - started) / 1000 > maxSeconds) break;
  }

  const rows = [];
  for (const variant of variants) {
    const own = perRound.get(variant.key);
    const pick = (k) => own.map((b) => b[k]);
    rows.push({
      key: variant.key,
      kind: variant.kind,
      provider: variant.provider,
      label: variant.label,
      mode,
      concurrency,
      rounds,
      callsPerBlock: block,
      blocksPerRound: passes,
      cpuRatio: median(pick("cpuRatio")),
      cpuRatioIqr: [quantile(pick("cpuRatio"), 0.25), quantile(pick("cpuRatio"), 0.75)],
      cpuRatioCi95: medianCi(pick("cpuRatio")),
      cpuRatios: pick("cpuRatio").map((n) => Math.round(n * 1e4) / 1e4),
      threadCpuRatios: pick("threadRatio").map((n) => Math.round(n * 1e4) / 1e4),
      threadCpuRatio: median(pick("threadRatio")),
      threadCpuRatioIqr: [quantile(pick("threadRatio"), 0.25), quantile(pick("threadRatio"), 0.75)],
      threadCpuRatioCi95: medianCi(pick("threadRatio")),
      latencyRatio: median(pick("latencyRatio")),
      latencyRatioIqr: [quantile(pick("latencyRatio"), 0.25), quantile(pick("latencyRatio"), 0.75)],
      overheadUs: median(pick("overheadUs")),
      overheadUsCi95: medianCi(pick("overheadUs")),
      threadOverheadUs: median(pick("threadOverheadUs")),
      cpuUsPerCall: median(pick("cpuUs")),
      threadCpuUsPerCall: median(pick("threadUs")),
      latencyMs: median(pick("latencyMs")),
      wallUsPerCall: median(pick("wallUs")),
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
          profile.threadCpuUs = block.threadUs;
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
    const modes = args.modes.split(",");
    const none = { rows: [], seconds: 0 };
    const sequential = modes.includes("sequential") ? await runMode(variants, "sequential") : none;
    const concurrent = modes.includes("concurrent") ? await runMode(variants, "concurrent") : none;
    // The client's own work: the same variants with fetch stubbed out (no socket, no server).
    let stubbed = none;
    if (modes.includes("stubbed")) {
      const stub = await buildVariants(origin, stubFetch(origin));
      const failed = [];
      stubbed = await runMode(await verify(stub.variants, failed), "stubbed");
      for (const f of failed) built.skipped.push({ key: `stubbed ${f.key}`, reason: f.reason });
    }
    const report = {
      node: process.version,
      cpus: cpuCount,
      loadavgAtStart: load,
      loadavgAtEnd: (await import("node:os")).loadavg(),
      method:
        "client CPU = process.cpuUsage() of the client process (server in a child process); blocks of " +
        `${SEQ_BLOCK} sequential (${SEQ_PASSES} per round) / ${CONC_BLOCK} calls at ${CONCURRENCY} in flight (${CONC_PASSES} per round), alternating in one process; ` +
        "every variant of a vendor (raw fetch included) once per pass, the order rotating; a round's ratio = CPU per call over the round's blocks / the same for raw fetch; median over rounds",
      seconds: { sequential: sequential.seconds, concurrent: concurrent.seconds, stubbed: stubbed.seconds },
      rows: [...sequential.rows, ...concurrent.rows, ...stubbed.rows],
      skipped: built.skipped,
    };
    if (args.out) writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
    else console.log(JSON.stringify(report, null, 2));
  } finally {
    stopServer(child);
  }
}

await main();
