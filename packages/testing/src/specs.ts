import { access } from "node:fs/promises";
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Provider } from "@phonebridge/core";
import { MockServerError } from "./errors.js";

/** Where a vendor's spec is: a file path (absolute, or relative to the working directory) or a `file:` URL. */
export type SpecLocation = string | URL;

export interface ResolveSpecOptions {
  /** Explicit spec files per vendor; they win over the installed vendor packages. */
  specs?: Partial<Record<Provider, SpecLocation>> | undefined;
  /**
   * Directory to resolve `@phonebridge/<vendor>/openapi.json` from when `@phonebridge/testing`
   * itself cannot see the vendor package. Default: `process.cwd()`.
   */
  root?: string | undefined;
}

/** The module specifier under which each vendor package exports its effective spec. */
export function specSpecifier(vendor: Provider): string {
  return `@phonebridge/${vendor}/openapi.json`;
}

function toPath(location: SpecLocation): string {
  if (location instanceof URL) {
    if (location.protocol !== "file:") {
      throw new TypeError(`only file: URLs are supported, got ${location.href}`);
    }
    return fileURLToPath(location);
  }
  if (location.startsWith("file:")) return fileURLToPath(location);
  return isAbsolute(location) ? location : resolve(location);
}

function tryResolve(from: string | URL, specifier: string): string | undefined {
  try {
    return createRequire(from).resolve(specifier);
  } catch {
    return undefined;
  }
}

/**
 * The absolute path of a vendor's OpenAPI document: `options.specs[vendor]` when given, else
 * `@phonebridge/<vendor>/openapi.json` resolved from this package (the vendor packages are its
 * peer dependencies), else resolved from `options.root` (default: the working directory).
 * Throws a {@link MockServerError} naming both ways out when none is found or the file is missing.
 */
export async function resolveSpec(vendor: Provider, options: ResolveSpecOptions = {}): Promise<string> {
  const explicit = options.specs?.[vendor];
  let path: string | undefined;
  if (explicit !== undefined) {
    try {
      path = toPath(explicit);
    } catch (error) {
      throw new MockServerError(`Spec for ${vendor}: ${(error as Error).message}`, { vendor }, { cause: error });
    }
  } else {
    const specifier = specSpecifier(vendor);
    const root = options.root ?? process.cwd();
    path = tryResolve(import.meta.url, specifier) ?? tryResolve(join(root, "package.json"), specifier);
    if (path === undefined) {
      throw new MockServerError(
        `No OpenAPI spec for ${vendor}: cannot resolve ${specifier} from @phonebridge/testing or from ${root}. ` +
          `Install @phonebridge/${vendor}, or pass { specs: { ${vendor}: "/path/to/openapi.json" } }.`,
        { vendor },
      );
    }
  }
  try {
    await access(path);
  } catch (error) {
    throw new MockServerError(`Spec for ${vendor} not found: ${path}`, { vendor, spec: path }, { cause: error });
  }
  return path;
}
