// src/generated/validate.ts of a vendor package (exported as `@phonebridge/<vendor>/validate`,
// outside the main entry, so a bundle that only updates leaves it out): the 2xx response schemas
// of the phone-number operations as one drift table, and a validator of each
// (docs/CONTRACT.md#vendor-packages-phonebridgevendor).
import { DriftTableBuilder } from "../spec/drift-table.js";
import { phoneNumberOperations } from "../spec/operations.js";
import { header } from "./header.js";
import { tsLine } from "./literals.js";
import type { VendorModel } from "./model.js";

export type ValidatorRoots = {
  update: number;
  get?: number;
  listPage?: number;
  listItem?: number;
};

/** The table and the index of each operation's root schema. */
export function driftTable(model: Pick<VendorModel, "vendor" | "config" | "spec">): {
  builder: DriftTableBuilder;
  roots: ValidatorRoots;
} {
  const operations = phoneNumberOperations(model);
  const builder = new DriftTableBuilder(model.spec);
  const any = () => builder.push({});
  const rootOf = (schema: unknown) => (schema === undefined ? any() : builder.add(schema));
  const roots: ValidatorRoots = { update: rootOf(operations.update.schema) };
  if (operations.get) roots.get = rootOf(operations.get.schema);
  if (operations.list) {
    const page = rootOf(operations.list.schema);
    const itemsField = operations.list.pagination.response.items;
    const properties = builder.nodes[page]?.properties as Record<string, number> | undefined;
    const itemsIndex = properties?.[itemsField];
    // The page without its items: each item is checked on its own (listItem), so its paths start
    // at the item, and a page is not walked twice.
    const bareItems =
      itemsIndex === undefined
        ? undefined
        : builder.push({ type: "array", ...(builder.nodes[itemsIndex]?.nullable ? { nullable: true } : {}) });
    roots.listPage =
      bareItems === undefined
        ? page
        : builder.derive(
            page,
            { properties: { ...properties, [itemsField]: bareItems } },
            "(a list page, its items apart)",
          );
    roots.listItem = builder.add(operations.list.item);
  }
  return { builder, roots };
}

export function renderValidate(model: VendorModel): string {
  const { vendor, config } = model;
  const operations = phoneNumberOperations(model);
  const built = driftTable(model);
  const { nodes, names, roots } = built.builder.compacted(built.roots);
  const rows = nodes
    .map((node, index) => {
      const name = names[index];
      return `  ${tsLine(node)},${name ? ` // ${index}: ${name}` : ` // ${index}`}`;
    })
    .join("\n");
  const line = (key: keyof ValidatorRoots, what: string) =>
    roots[key] === undefined ? [] : [` * - \`${key}\`: ${what}`];
  const entries = (Object.keys(roots) as (keyof ValidatorRoots)[])
    .map((key) => `  ${key}: driftCheck(table, ${roots[key]}),`)
    .join("\n");
  const { update, get, list } = operations;
  return `${header(vendor)}
import { type DriftTable, driftCheck, type ResponseValidators } from "@phonebridge/core";

/**
 * The 2xx response schemas of ${config.title}'s phone-number operations, as one drift table
 * (packages/core/src/drift.ts): each entry a schema, other schemas named by their index.
 */
const table: DriftTable = [
${rows}
];

/**
 * Validators of ${config.title}'s response bodies, generated from specs/${vendor}/: each returns \`[]\`
 * for a body that conforms to the spec, else its drift (\`{ path, problem }[]\`: a required field
 * missing, a wrong type, an unknown enum value, a disallowed null, a union no branch of which matches).
${[
  ...line("update", `the ${update.status} body of \`${update.method} ${update.path}\``),
  ...(get ? line("get", `the ${get.status} body of \`${get.method} ${get.path}\``) : []),
  ...(list
    ? [
        ...line(
          "listPage",
          `a ${list.status} page of \`${list.method} ${list.path}\`, its \`${list.pagination.response.items}\` checked only as an array`,
        ),
        ...line("listItem", `one item of \`${list.pagination.response.items}\` (paths start at the item)`),
      ]
    : []),
].join("\n")}
 */
export const responseValidators = {
${entries}
} as const satisfies ResponseValidators;
`;
}
