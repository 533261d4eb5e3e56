// Loads the workspace packages the benchmarks measure through their own `exports` maps, from
// their built `dist/` (the bench is not a workspace member, so it resolves them by path).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function packageDir(name) {
  return join(ROOT, "packages", name);
}

export function readManifest(name) {
  const file = join(packageDir(name), "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

/** The file an `exports` subpath (".", "./retell") resolves to for `import`, or undefined. */
export function exportFile(name, subpath = ".") {
  const manifest = readManifest(name);
  if (manifest === undefined) return undefined;
  let target = manifest.exports?.[subpath] ?? (subpath === "." ? manifest.exports : undefined);
  if (target === undefined && subpath === ".") target = manifest.module ?? manifest.main;
  for (let depth = 0; target !== null && typeof target === "object" && depth < 5; depth++) {
    target = target.import ?? target.node ?? target.default;
  }
  if (typeof target !== "string") return undefined;
  const file = join(packageDir(name), target);
  return existsSync(file) ? file : undefined;
}

/** Imports a workspace package entry; resolves to `{ module }` or `{ skipped: reason }`. */
export async function loadPackage(name, subpath = ".") {
  if (readManifest(name) === undefined) return { skipped: `packages/${name} does not exist yet` };
  const file = exportFile(name, subpath);
  if (file === undefined) return { skipped: `packages/${name} has no built entry for "${subpath}" (run the build)` };
  try {
    return { module: await import(pathToFileURL(file).href), file };
  } catch (error) {
    return { skipped: `importing packages/${name} (${subpath}) failed: ${error.message}` };
  }
}

export function median(values) {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export function quantile(values, q) {
  const sorted = Array.from(values).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * A distribution-free ~95% confidence interval of the median (order statistics of the binomial
 * sign test): [x(k), x(n-k+1)] with k = floor((n - 1.96 sqrt(n)) / 2).
 */
export function medianCi(values) {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const k = Math.max(1, Math.floor((n - 1.96 * Math.sqrt(n)) / 2));
  return [sorted[k - 1], sorted[n - k]];
}

/**
 * How to run pnpm from a script that pnpm started: the pnpm that runs us (npm_execpath: a
 * native binary for pnpm 12, or a JS file for older ones, as `npx pnpm@…` installs it), else
 * `pnpm` from PATH. Returns [command, args].
 */
export function pnpmCommand(args) {
  const exec = process.env.npm_execpath;
  if (exec && /pnpm[^/]*$/.test(exec)) {
    return /\.[cm]?js$/.test(exec) ? [process.execPath, [exec, ...args]] : [exec, args];
  }
  return ["pnpm", args];
}
