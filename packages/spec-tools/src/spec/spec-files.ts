// The files of specs/<vendor>/ that make its effective spec (vendor.yaml, overlay.yaml and the
// OpenAPI documents among its pages), as texts: read from the working copy or from a release,
// and assembled by the one assembly function (src/spec/assemble.ts), so that the generator,
// `specs:diff` and `specs:pull` see the same spec from the same files.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { isObject } from "../json.js";
import { parseDocumentText } from "../openapi/parse.js";
import { type Assembly, AssemblyError, assemble } from "./assemble.js";

/** File name → text. */
export type SpecFiles = Record<string, string>;

/** The files besides the documents. */
export const CONFIG_FILES = ["vendor.yaml", "overlay.yaml"] as const;

/**
 * The OpenAPI documents among vendor.yaml's pages, in the order they merge. Read leniently, so
 * that a release made before pages existed still assembles: such a vendor.yaml has one document,
 * openapi.yaml. (The strict reading, which names a wrong field, is src/spec/vendor-config.ts.)
 */
export function documentFiles(vendorYaml: string | undefined): string[] {
  let config: unknown;
  try {
    config = vendorYaml === undefined ? undefined : parse(vendorYaml);
  } catch {
    config = undefined;
  }
  const pages = isObject(config) && Array.isArray(config.pages) ? config.pages : undefined;
  if (!pages) return ["openapi.yaml"];
  return pages
    .filter((page) => isObject(page) && typeof page.file === "string" && page.published !== "html-page")
    .map((page) => String((page as { file: string }).file));
}

/** Every file name the spec comes from: the config files, then the documents. */
export function specFileNames(files: SpecFiles): string[] {
  return [...CONFIG_FILES, ...documentFiles(files["vendor.yaml"])];
}

/** The spec files of specs/<vendor>/ in the working copy (the ones that exist). */
export function readSpecFiles(root: string, vendor: string): SpecFiles {
  return readFiles((name) => {
    const path = join(root, "specs", vendor, name);
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  });
}

/** The spec files as `read` gives them: vendor.yaml first, for the list of documents. */
export function readFiles(read: (name: string) => string | undefined): SpecFiles {
  const files: SpecFiles = {};
  for (const name of CONFIG_FILES) {
    const text = read(name);
    if (text !== undefined) files[name] = text;
  }
  for (const name of documentFiles(files["vendor.yaml"])) {
    const text = read(name);
    if (text !== undefined) files[name] = text;
  }
  return files;
}

/**
 * The effective spec of these files; undefined when the first document is missing (a vendor
 * not committed yet at a release). A later document that is missing is an AssemblyError.
 */
export function assembleFiles(files: SpecFiles, vendor: string): Assembly | undefined {
  const names = documentFiles(files["vendor.yaml"]);
  if (names[0] === undefined || files[names[0]] === undefined) return undefined;
  const documents = names.map((file) => {
    const text = files[file];
    if (text === undefined) {
      throw new AssemblyError(`specs/${vendor}/${file} is one of vendor.yaml's pages, but there is no such file`);
    }
    return { file, document: parseDocumentText(text) };
  });
  const overlay = files["overlay.yaml"] === undefined ? null : parse(files["overlay.yaml"]);
  return assemble(vendor, documents, overlay);
}
