// Regenerates vendor packages from specs/<vendor>/ (document + overlay → packages/<vendor>/) and
// the registry (src/generate/registry.ts) from every vendor's specs/ folder: writes the files
// that differ, or with `check` only reports them. Deterministic: the same specs give
// byte-identical files.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { listVendors } from "../repo.js";
import { readVendorConfig } from "../spec/vendor-config.js";
import { loadVendorSpec, type VendorSpec } from "../spec/vendor-spec.js";
import { explainFailure, GenerateError } from "./explain.js";
import { GENERATE_COMMAND } from "./header.js";
import { renderRegistry } from "./registry.js";
import { renderVendorPackage } from "./vendor-package.js";

export { GenerateError } from "./explain.js";

export interface GenerateResult {
  written: string[];
  /** Files whose committed contents differ from what the generator makes (check mode). */
  stale: string[];
}

export interface GenerateOptions {
  check?: boolean;
  /** Called as each file is written, or found stale. */
  onFile?: (line: string, stale: boolean) => void;
}

/** A vendor's files; a failure is a GenerateError that says where in the document and what to do. */
async function vendorFiles(root: string, vendor: string): Promise<Map<string, string>> {
  let loaded: VendorSpec;
  try {
    loaded = loadVendorSpec(root, vendor);
  } catch (error) {
    throw new GenerateError(error instanceof Error ? error.message : String(error));
  }
  try {
    return await renderVendorPackage(root, loaded);
  } catch (error) {
    throw await explainFailure(loaded, error);
  }
}

/**
 * Generates `vendors` (their packages) and the registry, which always lists every vendor of
 * specs/. Throws a GenerateError, before writing anything, when a vendor cannot be generated.
 */
export async function generate(
  root: string,
  vendors: readonly string[],
  { check = false, onFile }: GenerateOptions = {},
): Promise<GenerateResult> {
  const result: GenerateResult = { written: [], stale: [] };
  const files: [path: string, contents: string, from: string][] = [];
  for (const vendor of vendors) {
    for (const [path, contents] of await vendorFiles(root, vendor)) files.push([path, contents, vendor]);
  }
  let configs: ReturnType<typeof readVendorConfig>[];
  try {
    configs = listVendors(root).map((vendor) => readVendorConfig(root, vendor));
  } catch (error) {
    throw new GenerateError(error instanceof Error ? error.message : String(error));
  }
  for (const [path, contents] of renderRegistry(root, configs)) files.push([path, contents, ""]);
  for (const [path, contents, vendor] of files) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (current === contents) continue;
    const shown = relative(root, path);
    if (check) {
      const line = vendor
        ? `stale: ${shown} is not what \`${GENERATE_COMMAND} ${vendor}\` makes from specs/${vendor}/`
        : `stale: ${shown} is not what \`${GENERATE_COMMAND}\` makes from specs/*/ (the registry of vendors)`;
      result.stale.push(line);
      onFile?.(line, true);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, contents);
    result.written.push(shown);
    onFile?.(`wrote ${shown}`, false);
  }
  return result;
}
