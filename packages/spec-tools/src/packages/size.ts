// Bundle size, minified and gzipped, of what a user's bundler ships: each vendor package's main
// entry (with @phonebridge/core; its generic openapi-fetch client is the `./openapi-fetch`
// subpath, measured beside it for reference, without a budget) and each facade per-vendor entry
// (with its vendor), built with esbuild (esbuild-wasm: the same bundler, without an install
// script). kB here is 1000 bytes. The budgets and why: README.md#performance.
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { listVendors } from "../repo.js";
import { deriveDescriptor } from "../spec/descriptor.js";
import { readVendorConfig } from "../spec/vendor-config.js";
import { loadVendorSpec } from "../spec/vendor-spec.js";
import { exportFile, packageDir, readManifest } from "./manifest.js";

/**
 * A vendor package's main entry at most 7.3 kB (0.67x the official SDK measured beside it, 10.9
 * kB); a facade per-vendor entry with its vendor at most 12.6 kB, holding none of the other
 * vendors. Both were raised (from 5.5 and 8 kB) as the contract's secrets, request-pipeline, read
 * and drift rules outgrew them, by 100 B when the attempt was split from the pipeline so that
 * Node sends through node:http (docs/ARCHITECTURE.md#the-request-pipeline), and the facade's by
 * 100 B more for the drift of list pages, which only the facade checks
 * (docs/CONTRACT.md#facade-get-list-and-find): each is the measured size plus under 100 B, so
 * any growth fails CI. What each part costs: README.md#bundle-size.
 */
export const BUDGETS = { vendor: 7300, facadeEntry: 12600 } as const;

export interface SizeRow {
  key: string;
  what: string;
  problems: string[];
  reference?: boolean;
  skipped?: string;
  minBytes?: number;
  gzipBytes?: number;
  budgetBytes?: number;
  pass?: boolean;
  minByPackage?: Record<string, number>;
  otherVendors?: { vendor: string; modules: string[]; strings: string[] }[];
}

export interface SizeResult {
  kB: number;
  budgets: typeof BUDGETS;
  rows: SizeRow[];
  pass: boolean;
}

interface Built {
  minBytes: number;
  gzipBytes: number;
  text: string;
  inputs: string[];
  minByPackage: Record<string, number>;
}

type Entry = string | { contents: string; resolveDir: string };

/**
 * Strings only one vendor's code holds, derived from its spec: its default host, the fixed
 * start of its update path, its env prefix, and the headers it always sends.
 */
export function vendorMarkers(root: string, vendor: string): string[] {
  const { descriptor } = deriveDescriptor(loadVendorSpec(root, vendor));
  const markers = [
    `/${descriptor.update.path.split("/{")[0]?.replace(/^\//, "")}/`,
    JSON.stringify(descriptor.envPrefix),
  ];
  if (descriptor.defaultBaseUrl) markers.unshift(new URL(descriptor.defaultBaseUrl).host);
  markers.push(...Object.keys(descriptor.headers));
  return markers;
}

function packagesIn(inputs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const input of inputs) {
    const workspace = /^packages\/([^/]+)\//.exec(input);
    if (workspace) names.add(`@phonebridge/${workspace[1]}`);
    const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (dependency?.[1] && !workspace) names.add(dependency[1]);
  }
  return [...names].sort();
}

export async function measureSizes(root: string): Promise<SizeResult> {
  const esbuild = await import("esbuild-wasm");
  const bundle = async (entry: Entry): Promise<Built> => {
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
    const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
    const inputs = Object.keys(result.metafile?.inputs ?? {}).map((p) => relative(root, p).replaceAll("\\", "/"));
    // Minified bytes each package contributes (before gzip), from esbuild's metafile.
    const minByPackage: Record<string, number> = {};
    const output = Object.values(result.metafile?.outputs ?? {})[0];
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      const name = packagesIn([relative(root, input).replaceAll("\\", "/")])[0] ?? input;
      minByPackage[name] = (minByPackage[name] ?? 0) + bytesInOutput;
    }
    return {
      minBytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
      text: Buffer.from(code).toString("utf8"),
      inputs,
      minByPackage,
    };
  };

  const vendors = listVendors(root);
  const markers = Object.fromEntries(vendors.map((vendor) => [vendor, vendorMarkers(root, vendor)]));
  const otherVendors = (vendor: string, built: Built) =>
    vendors
      .filter((other) => other !== vendor)
      .map((other) => ({
        vendor: other,
        modules: built.inputs.filter((p) => p.startsWith(`packages/${other}/`)),
        strings: (markers[other] ?? []).filter((marker) => built.text.includes(marker)),
      }))
      .filter((found) => found.modules.length || found.strings.length);

  const rows: SizeRow[] = [];
  const measure = async (
    row: SizeRow,
    entry: Entry | undefined,
    budget?: number,
    vendor?: string,
  ): Promise<Built | undefined> => {
    rows.push(row);
    if (entry === undefined) {
      row.skipped = "not built (run the build)";
      row.pass = false;
      row.problems.push(row.skipped);
      return undefined;
    }
    try {
      const built = await bundle(entry);
      Object.assign(row, { minBytes: built.minBytes, gzipBytes: built.gzipBytes, minByPackage: built.minByPackage });
      if (budget !== undefined) {
        row.budgetBytes = budget;
        row.pass = built.gzipBytes <= budget;
        if (!row.pass) row.problems.push(`${built.gzipBytes} B gzipped is over the ${budget} B budget`);
      }
      if (vendor !== undefined) {
        row.otherVendors = otherVendors(vendor, built);
        for (const o of row.otherVendors) {
          row.pass = false;
          row.problems.push(`holds ${o.vendor}: ${[...o.modules, ...o.strings.map((s) => `"${s}"`)].join(", ")}`);
        }
      }
      return built;
    } catch (error) {
      row.pass = false;
      row.problems.push(`esbuild failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
      return undefined;
    }
  };

  for (const vendor of vendors) {
    const what = `@phonebridge/${vendor} (whole main entry + core)`;
    await measure({ key: `vendor:${vendor}`, what, problems: [] }, exportFile(root, vendor), BUDGETS.vendor, vendor);
  }
  // The generic client, a subpath apart from the main entry: with openapi-fetch, for reference.
  for (const vendor of vendors) {
    const file = exportFile(root, vendor, "./openapi-fetch");
    if (file === undefined) continue;
    const row: SizeRow = {
      key: `vendor:${vendor}/openapi-fetch`,
      what: `@phonebridge/${vendor}/openapi-fetch (subpath + openapi-fetch + core, for reference)`,
      problems: [],
      reference: true,
    };
    await measure(row, file, undefined, vendor);
  }
  const facade = readManifest(root, "facade");
  for (const vendor of vendors) {
    const row: SizeRow = {
      key: `facade:${vendor}`,
      what: `@phonebridge/facade/${vendor} (entry + its vendor + core)`,
      problems: [],
    };
    if (facade === undefined) {
      row.skipped = "packages/facade does not exist yet";
      row.pass = false;
      row.problems.push(row.skipped);
      rows.push(row);
      continue;
    }
    await measure(row, exportFile(root, "facade", `./${vendor}`), BUDGETS.facadeEntry, vendor);
  }
  // References, no budget: the facade's root entry (every vendor) and the vendors' official SDKs.
  if (facade) {
    const all: SizeRow = {
      key: "facade:all",
      what: "@phonebridge/facade (root entry, every vendor)",
      problems: [],
      reference: true,
    };
    const built = await measure(all, exportFile(root, "facade"));
    // Self-check of the "no other vendor" test: every vendor's markers must show in the root
    // entry's bundle, or they no longer identify that vendor's code.
    const blind = built ? vendors.filter((v) => !(markers[v] ?? []).every((m) => built.text.includes(m))) : [];
    if (blind.length) all.problems.push(`vendor markers not found for ${blind.join(", ")}`);
  }
  // The floor under the vendor budget: openapi-fetch, resolved as a vendor package resolves it.
  const vendorDir = vendors.find((vendor) => readManifest(root, vendor));
  if (vendorDir) {
    await measure(
      {
        key: "openapi-fetch",
        what: "openapi-fetch alone (createClient, for reference)",
        problems: [],
        reference: true,
      },
      { contents: 'export { default } from "openapi-fetch";', resolveDir: packageDir(root, vendorDir) },
    );
  }
  // Each vendor's official SDK (vendor.yaml's `sdk`), whole, resolved from the benchmarks'
  // package, which installs it (bench/package.json).
  for (const vendor of vendors) {
    const sdk = readVendorConfig(root, vendor).sdk?.name;
    if (sdk === undefined) continue;
    await measure(
      { key: sdk, what: `${sdk} (default export, for reference)`, problems: [], reference: true },
      { contents: `export * from "${sdk}"; export { default } from "${sdk}";`, resolveDir: join(root, "bench") },
    );
  }
  await esbuild.stop();
  const budgeted = rows.filter((row) => !row.reference);
  return { kB: 1000, budgets: BUDGETS, rows, pass: budgeted.every((row) => row.pass === true) };
}

export function sizeTable(result: SizeResult): string {
  const lines = ["| bundle | min | min+gz | budget | result |", "|---|---:|---:|---:|---|"];
  const kb = (n: number | undefined) => (n === undefined ? "–" : `${(n / 1000).toFixed(2)} kB`);
  for (const r of result.rows) {
    const verdict = r.reference
      ? ["reference", ...r.problems].join("; ")
      : r.pass
        ? "pass"
        : `**miss**: ${r.problems.join("; ")}`;
    lines.push(`| ${r.what} | ${kb(r.minBytes)} | ${kb(r.gzipBytes)} | ${kb(r.budgetBytes)} | ${verdict} |`);
  }
  return lines.join("\n");
}
