// Response schemas of the effective spec compiled into a drift table: the compact data that
// @phonebridge/core's drift interpreter walks (packages/core/src/drift.ts, whose `DriftSchema`
// this writes). Each schema is read the way a client sees it (src/diff/schema-object/view.ts:
// `$ref`s followed, `allOf` merged, nullability from 3.0 and 3.1 alike, `const` as a one-value
// enum), and stored once: a component used twice, or recursively, is one index.

import { typeList, view } from "../diff/schema-object/view.js";
import { isObject, type JsonObject } from "../json.js";
import { parsePointer, resolveRef } from "../openapi/ref.js";

const TYPES = new Set(["object", "array", "string", "number", "integer", "boolean"]);

/** One entry of the table, as packages/core/src/drift.ts's DriftSchema. */
export type DriftNode = JsonObject;

export class DriftTableBuilder {
  readonly nodes: DriftNode[] = [];
  /** The component each node was reached through, for the generated file's comments. */
  readonly names: (string | undefined)[] = [];
  private readonly memo = new Map<unknown, number>();

  constructor(private readonly spec: unknown) {}

  /** The index of `raw`'s schema, compiling it (and what it refers to) on first sight. */
  add(raw: unknown): number {
    const { node, name } = resolveRef(this.spec, raw);
    const key = isObject(node) ? node : raw;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const index = this.nodes.length;
    this.memo.set(key, index);
    this.nodes.push({});
    this.names.push(name);
    this.nodes[index] = this.build(raw);
    return index;
  }

  /** A new node: a copy of `index`'s with some keys replaced. */
  derive(index: number, changes: DriftNode, name?: string): number {
    this.nodes.push({ ...this.nodes[index], ...changes });
    this.names.push(name);
    return this.nodes.length - 1;
  }

  /** A new node of its own (never shared). */
  push(node: DriftNode, name?: string): number {
    this.nodes.push(node);
    this.names.push(name);
    return this.nodes.length - 1;
  }

  /**
   * The table with identical entries merged (repeatedly: two objects whose properties became
   * the same merge next) and the entries no root reaches left out (a list's whole page, whose
   * items each validator checks apart), `roots` renumbered: the generated table holds each shape
   * it checks, once.
   */
  compacted<R extends { [key: string]: number | undefined }>(
    roots: R,
  ): { nodes: DriftNode[]; names: (string | undefined)[]; roots: R } {
    let nodes = this.nodes;
    let names = this.names;
    let current = { ...roots };
    for (;;) {
      const first = new Map<string, number>();
      const to = nodes.map((node, index) => {
        const key = JSON.stringify(node);
        const seen = first.get(key);
        if (seen === undefined) first.set(key, index);
        return seen ?? index;
      });
      if (to.every((target, index) => target === index)) break;
      const kept = to.flatMap((target, index) => (target === index ? [index] : []));
      const position = new Map(kept.map((index, at) => [index, at]));
      const renumber = (index: number) => position.get(to[index] as number) as number;
      nodes = kept.map((index) => mapIndices(nodes[index] as DriftNode, renumber));
      names = kept.map((index) => names[index]);
      current = Object.fromEntries(
        Object.entries(current).map(([key, index]) => [key, index === undefined ? undefined : renumber(index)]),
      ) as R;
    }
    const reached = new Set<number>();
    const visit = (index: number) => {
      if (reached.has(index)) return;
      reached.add(index);
      mapIndices(nodes[index] as DriftNode, (next) => {
        visit(next);
        return next;
      });
    };
    for (const index of Object.values(current)) if (index !== undefined) visit(index);
    const kept = nodes.flatMap((_, index) => (reached.has(index) ? [index] : []));
    const position = new Map(kept.map((index, at) => [index, at]));
    const renumber = (index: number) => position.get(index) as number;
    return {
      nodes: kept.map((index) => mapIndices(nodes[index] as DriftNode, renumber)),
      names: kept.map((index) => names[index]),
      roots: Object.fromEntries(
        Object.entries(current).map(([key, index]) => [key, index === undefined ? undefined : renumber(index)]),
      ) as R,
    };
  }

  private build(raw: unknown): DriftNode {
    const { schema, nullable } = view(this.spec, raw);
    const out: DriftNode = {};
    const types = (typeList(schema) ?? []).filter(
      (type): type is string => typeof type === "string" && TYPES.has(type),
    );
    if (types.length === 1) out.type = types[0];
    else if (types.length > 1) out.type = types;
    if (nullable) out.nullable = true;
    if (Array.isArray(schema.enum)) out.enum = schema.enum.filter((value) => value !== null);
    if (isObject(schema.properties)) {
      const properties: Record<string, number> = {};
      for (const [name, property] of Object.entries(schema.properties)) properties[name] = this.add(property);
      out.properties = properties;
    }
    if (Array.isArray(schema.required) && schema.required.length) {
      out.required = schema.required.filter((name) => typeof name === "string");
    }
    if (isObject(schema.additionalProperties) && Object.keys(schema.additionalProperties).length) {
      out.additional = this.add(schema.additionalProperties);
    }
    if (isObject(schema.items)) out.items = this.add(schema.items);
    for (const key of ["oneOf", "anyOf"] as const) {
      const members = schema[key];
      if (!Array.isArray(members)) continue;
      out[key] = members.map((member) => this.add(member));
      const discriminator = this.discriminator(schema, members);
      if (discriminator) out.discriminator = discriminator;
    }
    return out;
  }

  /** A discriminator's values → branches: its mapping, else (OpenAPI's implicit mapping) the branches' component names. */
  private discriminator(schema: JsonObject, members: unknown[]): DriftNode | undefined {
    const discriminator = schema.discriminator;
    if (!isObject(discriminator) || typeof discriminator.propertyName !== "string") return undefined;
    const mapping: Record<string, number> = {};
    if (isObject(discriminator.mapping)) {
      for (const [value, target] of Object.entries(discriminator.mapping)) {
        if (typeof target !== "string") continue;
        const ref = target.startsWith("#") ? target : `#/components/schemas/${target}`;
        mapping[value] = this.add({ $ref: ref });
      }
    } else {
      for (const member of members) {
        const ref = isObject(member) && typeof member.$ref === "string" ? member.$ref : undefined;
        const name = ref === undefined ? undefined : parsePointer(ref.slice(1)).at(-1);
        if (name !== undefined) mapping[name] = this.add(member);
      }
    }
    return { property: discriminator.propertyName, mapping };
  }
}

/** A node with every index it holds passed through `map`. */
function mapIndices(node: DriftNode, map: (index: number) => number): DriftNode {
  const out: DriftNode = { ...node };
  if (isObject(node.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([name, index]) => [name, map(index as number)]),
    );
  }
  for (const key of ["additional", "items"]) if (typeof node[key] === "number") out[key] = map(node[key] as number);
  for (const key of ["oneOf", "anyOf"]) if (Array.isArray(node[key])) out[key] = (node[key] as number[]).map(map);
  if (isObject(node.discriminator)) {
    const { property, mapping } = node.discriminator;
    out.discriminator = {
      property,
      mapping: Object.fromEntries(
        Object.entries(mapping as Record<string, number>).map(([value, index]) => [value, map(index)]),
      ),
    };
  }
  return out;
}
