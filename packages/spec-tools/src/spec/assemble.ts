// A vendor's spec from several pages: the one function that merges them, used by the generator,
// `specs:diff` and `specs:pull` alike (specs/README.md#specs-from-several-pages).
//
// The pages merge in vendor.yaml's order, each with the overlay fixes that name it applied first:
// - operations: each page brings its own; one operation in two pages is an error. Where a page's
//   `servers` or `security` differ from the first page's, its operations carry its own, and a
//   path shared by two pages carries its path-level parameters down into each page's operations,
//   so every operation means exactly what its page says;
// - components: a component that an earlier page defines the same way (documentation keys
//   ignored, and every component it refers to the same too) is shared under its name; one that
//   differs is kept twice, the later page's renamed `<Page><Name>` (the page's file name in
//   PascalCase) with that page's `$ref`s (and discriminator mappings, security requirements)
//   rewritten, and reported as a conflict. A component that only refers to a conflicting one
//   differs too, and is renamed with it;
// - a page may refer to a component of an earlier page: `$ref: "<file>#/components/..."`.
import { isDeepStrictEqual } from "node:util";
import { isDocKey } from "../diff/docs.js";
import { isObject, type JsonObject, objectOr } from "../json.js";
import { HTTP_METHODS } from "../openapi/methods.js";
import { formatPointer, parsePointer } from "../openapi/ref.js";
import { applyFixes, checkOverlay, type Fix, type FixOutcome } from "./overlay.js";

/** One OpenAPI document of the vendor's spec: a page as published, or written by hand. */
export interface SpecDocument {
  /** Its file in specs/<vendor>/. */
  file: string;
  /** The document as the file holds it, parsed. */
  document: unknown;
}

/** Two pages that define one component differently: both kept, the later one renamed. */
export interface Conflict {
  /** The component, as `<section>/<name>` (`schemas/AgentVersionReference`). */
  component: string;
  /** The later page, whose component was renamed. */
  page: string;
  /** The name it has in the spec. */
  renamed: string;
  /** The earlier page, whose component kept the name. */
  keeps: string;
  /** Empty when the two differ themselves; else the conflicting components it refers to. */
  through: string[];
}

export interface Assembly {
  /** The effective spec: the documents, each with its overlay fixes, merged. */
  spec: unknown;
  /** The documents as given (before the overlay), in order. */
  documents: readonly SpecDocument[];
  outcomes: FixOutcome[];
  conflicts: Conflict[];
  /** Where a place of the effective spec comes from: its page, and the pointer in it as published. */
  origin(pointer: string): { file: string; pointer: string };
}

export class AssemblyError extends Error {
  override name = "AssemblyError";
}

const COMPONENT_REF = /^#\/components\/([^/]+)\/([^/]+)(\/.*)?$/;
/** Keys whose values are data, never a `$ref` of the document or a documentation key. */
const DATA_KEYS = new Set(["example", "default", "enum", "const"]);
/** Keys whose members are named by the document's author: a member named `description` is not documentation. */
const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "content",
  "headers",
  "encoding",
  "links",
  "callbacks",
  "variables",
  "responses",
  "mapping",
]);

/** `list-phone-numbers.yaml` → `ListPhoneNumbers`: the prefix of the components a page renames. */
export function pagePrefix(file: string): string {
  return file
    .replace(/\.[^.]+$/, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/**
 * `node` with every `$ref` and discriminator mapping value passed through `map`; the parts it
 * does not change are shared with `node`.
 */
function mapRefs(node: unknown, map: (ref: string) => string, key?: string): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const out = node.map((item) => {
      const next = mapRefs(item, map);
      changed ||= next !== item;
      return next;
    });
    return changed ? out : node;
  }
  if (!isObject(node)) return node;
  let out: JsonObject | undefined;
  for (const [name, value] of Object.entries(node)) {
    let next: unknown = value;
    if (name === "$ref" && typeof value === "string") next = map(value);
    else if (key === "mapping" && typeof value === "string") next = map(value);
    else if (!DATA_KEYS.has(name) && !name.startsWith("x-")) next = mapRefs(value, map, name);
    if (next !== value) {
      out ??= { ...node };
      out[name] = next;
    }
  }
  return out ?? node;
}

/** The components a node refers to locally, as `<section>/<name>`. */
function localRefs(node: unknown): Set<string> {
  const found = new Set<string>();
  mapRefs(node, (ref) => {
    const match = COMPONENT_REF.exec(ref);
    if (match) found.add(`${match[1]}/${decodeToken(match[2] ?? "")}`);
    return ref;
  });
  return found;
}

const decodeToken = (token: string): string => token.replace(/~1/g, "/").replace(/~0/g, "~");

/** What a node means, for comparing two pages' components: documentation keys left out. */
function meaning(node: unknown, names = false): unknown {
  if (Array.isArray(node)) return node.map((item) => meaning(item));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (!names && isDocKey(key)) continue;
    out[key] = !names && DATA_KEYS.has(key) ? value : meaning(value, !names && NAME_MAPS.has(key));
  }
  return out;
}

interface Placed {
  file: string;
  /** Section → the page's name → its name in the spec. */
  names: Map<string, Map<string, string>>;
}

/** Merges the documents (in order) with the overlay; throws an AssemblyError naming the page. */
export function assemble(vendor: string, documents: readonly SpecDocument[], overlay: unknown): Assembly {
  const first = documents[0];
  if (!first) throw new AssemblyError(`specs/${vendor}/vendor.yaml: no OpenAPI document among its pages`);
  const files = documents.map((doc) => doc.file);
  const fixes = checkOverlay(overlay, vendor, files);
  const outcomes: FixOutcome[] = [];
  const fixed = documents.map(({ file, document }) => {
    const own = fixes.filter((fix: Fix) => (fix.page ?? first.file) === file);
    const result = applyFixes(document, own);
    outcomes.push(...result.outcomes);
    return { file, document: result.spec };
  });
  const conflicts: Conflict[] = [];
  const origins = new Map<string, { file: string; pointer: string }>();
  const placed: Placed[] = [];

  const base = objectOr(fixed[0]?.document);
  const version = (doc: JsonObject) => String(doc.openapi ?? "").slice(0, 3);
  const spec: JsonObject = { ...base, paths: { ...objectOr(base.paths) } };
  const components: Record<string, JsonObject> = {};
  for (const [section, members] of Object.entries(objectOr(base.components)))
    components[section] = { ...objectOr(members) };
  placed.push({ file: first.file, names: identity(components) });
  checkNoCrossRefs(vendor, first.file, base);

  for (const { file, document } of fixed.slice(1)) {
    const page = objectOr(document);
    const where = `specs/${vendor}/${file}`;
    if (version(page) !== version(base)) {
      throw new AssemblyError(
        `${where} is OpenAPI ${String(page.openapi)} and specs/${vendor}/${first.file} ${String(base.openapi)}: the pages of one spec must share the OpenAPI version (3.0 or 3.1)`,
      );
    }
    const cross = (ref: string): string | undefined => {
      const at = ref.indexOf("#");
      if (ref.startsWith("#") || at < 0) return undefined;
      const target = ref.slice(0, at).replace(/^\.\//, "");
      const earlier = placed.find((p) => p.file === target);
      const match = COMPONENT_REF.exec(ref.slice(at));
      if (!earlier || !match) {
        throw new AssemblyError(
          `${where}: $ref ${ref} must name a component of an earlier page of specs/${vendor}/vendor.yaml (${placed.map((p) => p.file).join(", ")}), as <file>#/components/<section>/<name>`,
        );
      }
      const section = match[1] ?? "";
      const name = decodeToken(match[2] ?? "");
      const now = earlier.names.get(section)?.get(name);
      if (now === undefined) throw new AssemblyError(`${where}: $ref ${ref} points at nothing in ${target}`);
      return `#${formatPointer(["components", section, now])}${match[3] ?? ""}`;
    };
    const crossOnly = (ref: string) => cross(ref) ?? ref;

    // Which of the page's components are the same as the spec's under the same name: equal in
    // meaning, and referring only to components that are the same too (the largest such set).
    const own = objectOr(page.components);
    const candidates: string[] = [];
    for (const [section, members] of Object.entries(own)) {
      for (const name of Object.keys(objectOr(members))) {
        if (components[section] && Object.hasOwn(components[section], name)) candidates.push(`${section}/${name}`);
      }
    }
    const get = (from: Record<string, unknown>, key: string) => {
      const [section = "", ...rest] = key.split("/");
      return objectOr(from[section])[rest.join("/")];
    };
    const differing = new Set(
      candidates.filter(
        (key) => !isDeepStrictEqual(meaning(mapRefs(get(own, key), crossOnly)), meaning(get(components, key))),
      ),
    );
    const same = new Set(candidates.filter((key) => !differing.has(key)));
    const through = new Map<string, string[]>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const key of same) {
        const blocking = [...localRefs(get(own, key))].filter((ref) => !same.has(ref));
        if (blocking.length) {
          same.delete(key);
          through.set(key, blocking.sort());
          changed = true;
        }
      }
    }

    const names = new Map<string, Map<string, string>>();
    for (const [section, members] of Object.entries(own)) {
      const map = new Map<string, string>();
      names.set(section, map);
      for (const name of Object.keys(objectOr(members))) {
        const key = `${section}/${name}`;
        if (same.has(key) || !candidates.includes(key)) {
          map.set(name, name);
          continue;
        }
        const renamed = `${pagePrefix(file)}${name}`;
        if (Object.hasOwn(components[section] ?? {}, renamed) || Object.hasOwn(objectOr(own[section]), renamed)) {
          throw new AssemblyError(
            `${where}: its ${key} differs from ${first.file}'s and is kept as ${section}/${renamed}, but that name is taken; rename one of them`,
          );
        }
        map.set(name, renamed);
        conflicts.push({
          component: key,
          page: file,
          renamed,
          keeps: placed.find((p) => p.names.get(section)?.get(name) === name)?.file ?? first.file,
          through: differing.has(key) ? [] : (through.get(key) ?? []),
        });
      }
    }
    const rewrite = (ref: string): string => {
      const resolved = cross(ref);
      if (resolved !== undefined) return resolved;
      const match = COMPONENT_REF.exec(ref);
      if (!match) return ref;
      const section = match[1] ?? "";
      const name = decodeToken(match[2] ?? "");
      const now = names.get(section)?.get(name);
      return now === undefined || now === name
        ? ref
        : `#${formatPointer(["components", section, now])}${match[3] ?? ""}`;
    };
    const schemes = names.get("securitySchemes");
    const renameSecurity = (security: unknown): unknown =>
      Array.isArray(security)
        ? security.map((requirement) =>
            Object.fromEntries(
              Object.entries(objectOr(requirement)).map(([name, scopes]) => [schemes?.get(name) ?? name, scopes]),
            ),
          )
        : security;

    for (const [section, members] of Object.entries(own)) {
      components[section] ??= {};
      const target = components[section];
      for (const [name, value] of Object.entries(objectOr(members))) {
        const now = names.get(section)?.get(name) ?? name;
        if (same.has(`${section}/${name}`)) continue;
        target[now] = mapRefs(value, rewrite);
        origins.set(formatPointer(["components", section, now]), {
          file,
          pointer: formatPointer(["components", section, name]),
        });
      }
    }

    // The page's own servers and security, where they differ from the first page's.
    const servers = page.servers !== undefined && !isDeepStrictEqual(meaning(page.servers), meaning(base.servers));
    const security =
      page.security !== undefined && !isDeepStrictEqual(renameSecurity(page.security), base.security ?? []);
    const paths = objectOr(spec.paths);
    for (const [path, rawItem] of Object.entries(objectOr(page.paths))) {
      const item = objectOr(mapRefs(rawItem, rewrite));
      const existing = paths[path];
      const operations = HTTP_METHODS.filter((method) => isObject(item[method]));
      const adapted: JsonObject = {};
      for (const method of operations) {
        const operation: JsonObject = { ...objectOr(item[method]) };
        if (operation.security !== undefined) operation.security = renameSecurity(operation.security);
        else if (security) operation.security = renameSecurity(page.security);
        if (servers && operation.servers === undefined && item.servers === undefined) operation.servers = page.servers;
        adapted[method] = operation;
        origins.set(formatPointer(["paths", path, method]), { file, pointer: formatPointer(["paths", path, method]) });
      }
      if (existing === undefined) {
        paths[path] = { ...item, ...adapted };
        origins.set(formatPointer(["paths", path]), { file, pointer: formatPointer(["paths", path]) });
        continue;
      }
      // A path two pages share: each page's path-level parameters and servers go down into its
      // own operations, so that neither page's apply to the other's.
      const merged: JsonObject = lowered(objectOr(existing));
      for (const method of operations) {
        if (merged[method] !== undefined) {
          throw new AssemblyError(
            `${where}: ${method.toUpperCase()} ${path} is defined by an earlier page too; each operation comes from one page`,
          );
        }
        merged[method] = objectOr(lowered({ ...item, [method]: adapted[method] })[method]);
      }
      paths[path] = merged;
    }
    placed.push({ file, names });
  }

  if (Object.keys(components).length) spec.components = components;
  return {
    spec,
    documents,
    outcomes,
    conflicts,
    origin(pointer) {
      const tokens = parsePointer(pointer);
      for (let length = tokens.length; length > 0; length -= 1) {
        const found = origins.get(formatPointer(tokens.slice(0, length)));
        if (found) return { file: found.file, pointer: `${found.pointer}${formatPointer(tokens.slice(length))}` };
      }
      return { file: first.file, pointer };
    },
  };
}

/** Section → each name → itself: the first page keeps every name. */
function identity(components: Record<string, JsonObject>): Map<string, Map<string, string>> {
  return new Map(
    Object.entries(components).map(([section, members]) => [
      section,
      new Map(Object.keys(members).map((name) => [name, name])),
    ]),
  );
}

/** A path item with its path-level parameters and servers moved down into its operations. */
function lowered(item: JsonObject): JsonObject {
  const { parameters, servers, ...rest } = item;
  if (parameters === undefined && servers === undefined) return { ...item };
  const out: JsonObject = { ...rest };
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    if (!isObject(operation)) continue;
    const own = Array.isArray(operation.parameters) ? operation.parameters : [];
    // An operation's own parameter overrides the path's of the same name and location.
    const key = (parameter: unknown) => {
      const p = objectOr(parameter);
      return typeof p.$ref === "string" ? p.$ref : `${String(p.in)}:${String(p.name)}`;
    };
    const inherited = (Array.isArray(parameters) ? parameters : []).filter(
      (parameter) => !own.some((mine) => key(mine) === key(parameter)),
    );
    out[method] = {
      ...operation,
      ...(inherited.length ? { parameters: [...inherited, ...own] } : {}),
      ...(servers !== undefined && operation.servers === undefined ? { servers } : {}),
    };
  }
  return out;
}

/** The first page has no earlier page to refer to. */
function checkNoCrossRefs(vendor: string, file: string, document: unknown): void {
  mapRefs(document, (ref) => {
    if (!ref.startsWith("#")) {
      throw new AssemblyError(
        `specs/${vendor}/${file}: $ref ${ref} refers to another file, but ${file} is the first document of specs/${vendor}/vendor.yaml's pages`,
      );
    }
    return ref;
  });
}
