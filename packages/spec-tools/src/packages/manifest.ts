// The workspace's packages as their package.json describe them, and where their `exports` lead.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isObject, type JsonObject } from "../json.js";

export const packageDir = (root: string, dir: string): string => join(root, "packages", dir);

export function readManifest(root: string, dir: string): JsonObject | undefined {
  const file = join(packageDir(root, dir), "package.json");
  if (!existsSync(file)) return undefined;
  const manifest: unknown = JSON.parse(readFileSync(file, "utf8"));
  return isObject(manifest) ? manifest : undefined;
}

/** The folders of packages/ that hold a package.json, sorted. */
export function packageDirs(root: string): string[] {
  return readdirSync(join(root, "packages"))
    .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
    .sort();
}

/** The file an `exports` subpath (".", "./<vendor>") resolves to for `import`, if it is built. */
export function exportFile(root: string, dir: string, subpath = "."): string | undefined {
  const manifest = readManifest(root, dir);
  if (manifest === undefined) return undefined;
  const exports = manifest.exports;
  let target: unknown = isObject(exports) ? exports[subpath] : subpath === "." ? exports : undefined;
  if (target === undefined && subpath === ".") target = manifest.module ?? manifest.main;
  for (let depth = 0; isObject(target) && depth < 5; depth++) target = target.import ?? target.node ?? target.default;
  if (typeof target !== "string") return undefined;
  const file = join(packageDir(root, dir), target);
  return existsSync(file) ? file : undefined;
}

/**
 * How to run pnpm from a process that pnpm started: the pnpm that runs us (npm_execpath: a
 * native binary for pnpm 12, or a JS file for older ones, as `npx pnpm@…` installs it), else
 * `pnpm` from PATH.
 */
export function pnpmCommand(args: readonly string[]): [string, string[]] {
  const exec = process.env.npm_execpath;
  if (exec && /pnpm[^/]*$/.test(exec))
    return /\.[cm]?js$/.test(exec) ? [process.execPath, [exec, ...args]] : [exec, [...args]];
  return ["pnpm", [...args]];
}
