// src/version.ts of each package whose name and version go into the User-Agent it sends
// (docs/ARCHITECTURE.md#tooling-packagesspec-tools): generated from its package.json, so that the
// version is the one `changeset version` wrote without reading package.json at run time (a JSON
// import warns on Node 20, and fs is not in a browser). `pnpm version-packages` (the release
// flow) rewrites them after `changeset version`; `pnpm test` fails when one is stale.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listVendors } from "../repo.js";
import { packageDir, readManifest } from "./manifest.js";

/** The command that writes the files, as their first lines name it. */
export const VERSIONS_COMMAND = "pnpm version-packages";

/** The packages that send requests under their own name: every vendor, the facade, the CLI. */
export function versionedPackages(root: string): string[] {
  return [...listVendors(root), "facade", "cli"].filter((dir) => readManifest(root, dir) !== undefined);
}

export function renderVersionFile(name: string, version: string): string {
  return `// This file is generated from package.json by \`${VERSIONS_COMMAND}\` (and \`pnpm generate\`). Do not
// edit it by hand: \`changeset version\` changes the version, then the release flow rewrites it.
/** The package's name and version, as its User-Agent names them. */
export const NAME = ${JSON.stringify(name)};
export const VERSION = ${JSON.stringify(version)};
`;
}

/** What src/version.ts of the package in `dir` must hold. */
export function expectedVersionFile(root: string, dir: string): string {
  const manifest = readManifest(root, dir) ?? {};
  return renderVersionFile(String(manifest.name ?? `@phonebridge/${dir}`), String(manifest.version ?? "0.0.0"));
}

/** Writes (or with `check`, only lists) the version files that differ; returns the stale ones. */
export function syncVersions(root: string, check: boolean): string[] {
  const stale: string[] = [];
  for (const dir of versionedPackages(root)) {
    const file = join(packageDir(root, dir), "src/version.ts");
    const contents = expectedVersionFile(root, dir);
    if (existsSync(file) && readFileSync(file, "utf8") === contents) continue;
    stale.push(`packages/${dir}/src/version.ts`);
    if (!check) writeFileSync(file, contents);
  }
  return stale;
}
