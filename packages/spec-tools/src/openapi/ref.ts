// The one `$ref` resolver and JSON Pointer reader of the tools: the generator (descriptor),
// the classifier and the overlay all read references and pointers through this module.
//
// Only local references (`#/...`) exist in phonebridge's specs: a vendor's document is one file,
// and the validator (validate.ts, rule `no-unresolved-refs`) refuses any other. A reference that
// is not local, points at nothing, or loops back to itself is an error naming the reference.
import { isObject } from "../json.js";

/** Marks a JSON Pointer that leads nowhere (distinct from a value that is `undefined`). */
export const ABSENT: unique symbol = Symbol("absent");

export class RefError extends Error {
  override name = "RefError";
}

/** `"/a/b~1c"` → `["a", "b/c"]`; `""` → `[]` (RFC 6901). */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new RefError(`"${pointer}" is not a JSON Pointer`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `["a", "b/c"]` → `"/a/b~1c"`. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The value at `tokens` in `doc` (own properties only), or ABSENT. */
export function lookup(doc: unknown, tokens: readonly string[]): unknown {
  let node = doc;
  for (const token of tokens) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, token)) return ABSENT;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

export interface Resolved {
  /** The node itself, or what its chain of `$ref`s leads to. */
  node: unknown;
  /** The last component a `$ref` named (`#/components/schemas/Agent` → `Agent`). */
  name?: string;
}

/**
 * Follows a chain of `$ref`s from `node` in `doc`. A node without `$ref` is returned as it is.
 * OpenAPI 3.1 allows siblings next to `$ref` (description, ...): they only document, and the
 * referenced node is what counts.
 */
export function resolveRef(doc: unknown, node: unknown): Resolved {
  let current = node;
  let name: string | undefined;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new RefError(`circular $ref ${ref}`);
    seen.add(ref);
    if (!ref.startsWith("#")) throw new RefError(`only local $refs are supported (${ref})`);
    const tokens = parsePointer(ref.slice(1));
    const target = lookup(doc, tokens);
    if (target === ABSENT) throw new RefError(`$ref ${ref} points at nothing in the document`);
    name = tokens.at(-1) ?? name;
    current = target;
  }
  return name === undefined ? { node: current } : { node: current, name };
}

/** resolveRef's node alone. */
export function deref(doc: unknown, node: unknown): unknown {
  return resolveRef(doc, node).node;
}
