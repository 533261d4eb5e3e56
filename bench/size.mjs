// Bundle size, minified and gzipped, of what a user's bundler ships: each vendor package (with
// openapi-fetch and @phonebridge/core) and each facade per-vendor entry (with its vendor), built
// with esbuild (esbuild-wasm: the same bundler, without an install script). Budgets:
//   vendor package <= 4 kB; facade per-vendor entry + its vendor <= 8 kB, holding none of the
//   other four vendors (no module of theirs and none of their hosts, paths or env prefixes).
// kB here is 1000 bytes. `pnpm size` exits 1 when a budget is missed or a bundle cannot be built.
//
//   node bench/size.mjs [--json out.json]
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { PROVIDERS } from "./lib/fixtures.mjs";
import { exportFile, packageDir, ROOT, readManifest } from "./lib/load.mjs";

export const BUDGETS = { vendor: 4000, facadeEntry: 8000 };

/** Strings that only one vendor's code holds: its hosts, operation path and env prefix. */
const MARKERS = {
  cald: ["my.cald.ai", "/phonenumbers/", '"CALD"'],
  cartesia: ["api.cartesia.ai", "/agents/phone-numbers/", '"CARTESIA"', "Cartesia-Version"],
  retell: ["api.retellai.com", "/update-phone-number/", '"RETELL"'],
  verbex: ["/v1/phone-numbers/", '"VERBEX"'],
  vogent: ["api.vogent.ai", "/phone_numbers/", '"VOGENT"'],
};

let esbuild;
/** `entry` is a file, or `{ contents, resolveDir }` for a module written here. */
async function bundle(entry) {
  esbuild ??= await import("esbuild-wasm");
  const result = await esbuild.build({
    ...(typeof entry === "string" ? { entryPoints: [entry] } : { stdin: { ...entry, loader: "js" } }),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["import", "default"],
    external: ["node:*"],
    metafile: true,
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const code = result.outputFiles[0].contents;
  const text = Buffer.from(code).toString("utf8");
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(ROOT, p).replaceAll("\\", "/"));
  // Minified bytes each package contributes (before gzip), from esbuild's metafile.
  const minByPackage = {};
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const name = packagesIn([relative(ROOT, input).replaceAll("\\", "/")])[0] ?? input;
    minByPackage[name] = (minByPackage[name] ?? 0) + bytesInOutput;
  }
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, text, inputs, minByPackage };
}

function packagesIn(inputs) {
  const names = new Set();
  for (const input of inputs) {
    const ws = /^packages\/([^/]+)\//.exec(input);
    if (ws) names.add(`@phonebridge/${ws[1]}`);
    const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (dep && !ws) names.add(dep[1]);
  }
  return [...names].sort();
}

function otherVendors(provider, built) {
  const found = [];
  for (const other of PROVIDERS) {
    if (other === provider) continue;
    const modules = built.inputs.filter((p) => p.startsWith(`packages/${other}/`));
    const strings = MARKERS[other].filter((m) => built.text.includes(m));
    if (modules.length || strings.length) found.push({ vendor: other, modules, strings });
  }
  return found;
}

export async function measureSizes() {
  const rows = [];
  const fail = (row, why) => {
    row.pass = false;
    row.problems.push(why);
  };
  const measure = async (row, entry, budget, provider) => {
    if (entry === undefined) {
      row.skipped = "not built (run the build)";
      row.pass = false;
      row.problems.push(row.skipped);
      rows.push(row);
      return;
    }
    try {
      const built = await bundle(entry);
      Object.assign(row, { minBytes: built.minBytes, gzipBytes: built.gzipBytes, minByPackage: built.minByPackage });
      if (budget !== undefined) {
        row.budgetBytes = budget;
        row.pass = built.gzipBytes <= budget;
        if (!row.pass) row.problems.push(`${built.gzipBytes} B gzipped is over the ${budget} B budget`);
      }
      if (provider !== undefined) {
        row.otherVendors = otherVendors(provider, built);
        for (const o of row.otherVendors) {
          fail(row, `holds ${o.vendor}: ${[...o.modules, ...o.strings.map((s) => `"${s}"`)].join(", ")}`);
        }
      }
    } catch (error) {
      fail(row, `esbuild failed: ${error.message.split("\n")[0]}`);
    }
    rows.push(row);
  };

  for (const provider of PROVIDERS) {
    const row = {
      key: `vendor:${provider}`,
      what: `@phonebridge/${provider} (whole package + openapi-fetch + core)`,
      problems: [],
    };
    await measure(row, readManifest(provider) ? exportFile(provider) : undefined, BUDGETS.vendor, provider);
  }
  const facade = readManifest("facade");
  for (const provider of PROVIDERS) {
    const row = {
      key: `facade:${provider}`,
      what: `@phonebridge/facade/${provider} (entry + its vendor + core)`,
      problems: [],
    };
    const entry = facade ? exportFile("facade", `./${provider}`) : undefined;
    if (facade === undefined) {
      row.skipped = "packages/facade does not exist yet";
      row.pass = false;
      row.problems.push(row.skipped);
      rows.push(row);
      continue;
    }
    await measure(row, entry, BUDGETS.facadeEntry, provider);
  }
  // References, no budget: the facade's root entry (all five vendors) and the official Retell SDK.
  if (facade) {
    const all = {
      key: "facade:all",
      what: "@phonebridge/facade (root entry, all five vendors)",
      problems: [],
      reference: true,
    };
    await measure(all, exportFile("facade"));
    // Self-check of the "no other vendor" test: every vendor's markers must show in the root
    // entry's bundle, or they no longer identify that vendor's code.
    const text = all.minBytes === undefined ? undefined : (await bundle(exportFile("facade"))).text;
    const blind = text === undefined ? [] : PROVIDERS.filter((p) => !MARKERS[p].every((m) => text.includes(m)));
    if (blind.length) {
      rows.find((r) => r.key === "facade:all").problems.push(`vendor markers not found for ${blind.join(", ")}`);
    }
  }
  // The floor under the vendor budget: openapi-fetch as a vendor package resolves it.
  const vendorDir = PROVIDERS.map((p) => readManifest(p) && packageDir(p)).find(Boolean);
  if (vendorDir) {
    await measure(
      {
        key: "openapi-fetch",
        what: "openapi-fetch alone (createClient, for reference)",
        problems: [],
        reference: true,
      },
      { contents: 'export { default } from "openapi-fetch";', resolveDir: vendorDir },
    );
  }
  try {
    const sdk = import.meta.resolve ? import.meta.resolve("retell-sdk") : undefined;
    await measure(
      { key: "retell-sdk", what: "retell-sdk (default export, for reference)", problems: [], reference: true },
      sdk && new URL(sdk).pathname,
    );
  } catch (error) {
    rows.push({ key: "retell-sdk", what: "retell-sdk", skipped: error.message, reference: true, problems: [] });
  }
  esbuild?.stop?.();
  const budgeted = rows.filter((r) => !r.reference);
  return { kB: 1000, budgets: BUDGETS, rows, pass: budgeted.every((r) => r.pass === true) };
}

export function sizeTable(result) {
  const lines = ["| bundle | min | min+gz | budget | result |", "|---|---:|---:|---:|---|"];
  for (const r of result.rows) {
    const kb = (n) => (n === undefined ? "–" : `${(n / 1000).toFixed(2)} kB`);
    const verdict = r.reference
      ? ["reference", ...r.problems].join("; ")
      : r.pass
        ? "pass"
        : `**miss**: ${r.problems.join("; ")}`;
    lines.push(`| ${r.what} | ${kb(r.minBytes)} | ${kb(r.gzipBytes)} | ${kb(r.budgetBytes)} | ${verdict} |`);
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { json: { type: "string" } } });
  const result = await measureSizes();
  console.log(sizeTable(result));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(result.pass ? "\nsize: every budget holds" : "\nsize: a budget is missed (see above)");
  process.exitCode = result.pass ? 0 : 1;
}
