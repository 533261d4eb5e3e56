// The phone-number operations of a vendor's spec that vendor.yaml names (update, and get and
// list where the vendor documents them), found in the effective spec and checked against it:
// each exists, a read's id is its one path parameter, and the list's pagination names a query
// parameter and fields its 2xx response really has, of the right types
// (specs/README.md#read-operations-and-pagination). A mismatch is an error naming vendor.yaml's
// field and the place in the spec.

import { typeList, view } from "../diff/schema-object/view.js";
import { arrayOr, isObject, type JsonObject, objectOr } from "../json.js";
import { deref, formatPointer } from "../openapi/ref.js";
import type { OperationRef, Pagination } from "./vendor-config.js";
import type { VendorSpec } from "./vendor-spec.js";

export interface SpecOperation {
  /** Upper case, as sent. */
  method: string;
  path: string;
  /** The 2xx status of its success response (the lowest). */
  status: number;
  /** The JSON schema of that response's body, as the spec writes it (a `$ref` or inline); undefined without one. */
  schema: unknown;
}

export interface ListOperation extends SpecOperation {
  pagination: Pagination;
  /** The schema of one item of a page (its `pagination.response.items` field's items). */
  item: unknown;
}

export interface PhoneNumberOperations {
  update: SpecOperation;
  get?: SpecOperation & { param: string };
  list?: ListOperation;
}

class OperationError extends Error {
  override name = "OperationError";
}

function find(
  vendor: string,
  spec: unknown,
  op: OperationRef,
  field: string,
): { operation: JsonObject; item: JsonObject } {
  const item = objectOr(objectOr(objectOr(spec).paths)[op.path]);
  const operation = item[op.method];
  if (!isObject(operation)) {
    throw new OperationError(
      `specs/${vendor}/vendor.yaml: ${field} names ${op.method.toUpperCase()} ${op.path}, which no page of specs/${vendor}/ defines`,
    );
  }
  return { operation, item };
}

function success(spec: unknown, op: OperationRef, operation: JsonObject, vendor: string, field: string): SpecOperation {
  const responses = objectOr(operation.responses);
  const status = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  if (!status) {
    throw new OperationError(
      `specs/${vendor}: ${field} ${op.method.toUpperCase()} ${op.path} declares no 2xx response`,
    );
  }
  const response = objectOr(deref(spec, responses[status]));
  const schema = objectOr(objectOr(response.content)["application/json"]).schema;
  return { method: op.method.toUpperCase(), path: op.path, status: Number(status), schema };
}

function parameters(spec: unknown, item: JsonObject, operation: JsonObject): JsonObject[] {
  return [...arrayOr(item.parameters), ...arrayOr(operation.parameters)].map((raw) => objectOr(deref(spec, raw)));
}

/** The types a property's schema allows, null included when it is nullable. */
function typesOf(spec: unknown, raw: unknown): { types: unknown[] | undefined; nullable: boolean } {
  const seen = view(spec, raw);
  return { types: typeList(seen.schema), nullable: seen.nullable };
}

/** The operations vendor.yaml names, found and checked in the effective spec. */
export function phoneNumberOperations({
  vendor,
  config,
  spec,
}: Pick<VendorSpec, "vendor" | "config" | "spec">): PhoneNumberOperations {
  const where = `specs/${vendor}/vendor.yaml`;
  const updateFound = find(vendor, spec, config.update, "update");
  const out: PhoneNumberOperations = { update: success(spec, config.update, updateFound.operation, vendor, "update") };
  if (config.get) {
    const { operation, item } = find(vendor, spec, config.get, "get");
    const param = /\{([^}]+)\}/.exec(config.get.path)?.[1] ?? "";
    const declared = parameters(spec, item, operation).some((p) => p.in === "path" && p.name === param);
    if (!declared) {
      throw new OperationError(
        `${where}: get.path's {${param}} is not a path parameter of GET ${config.get.path} in the spec`,
      );
    }
    const found = success(spec, config.get, operation, vendor, "get");
    if (found.schema === undefined)
      throw new OperationError(
        `specs/${vendor}: get GET ${config.get.path}'s ${found.status} response has no JSON body`,
      );
    out.get = { ...found, param };
  }
  if (config.list) {
    const { pagination } = config.list;
    const { operation, item } = find(vendor, spec, config.list, "list");
    const query = parameters(spec, item, operation).filter((p) => p.in === "query");
    if (!query.some((p) => p.name === pagination.request)) {
      throw new OperationError(
        `${where}: list.pagination.request: ${pagination.request} is not a query parameter of GET ${config.list.path} (it has ${query.map((p) => String(p.name)).join(", ") || "none"})`,
      );
    }
    const found = success(spec, config.list, operation, vendor, "list");
    const page = view(spec, found.schema).schema;
    const properties = objectOr(page.properties);
    const at = `the ${found.status} response of GET ${config.list.path}`;
    const field = (name: string, key: string, wanted: string) => {
      if (!Object.hasOwn(properties, name)) {
        throw new OperationError(
          `${where}: ${key}: ${name} is not a property of ${at} (it has ${Object.keys(properties).join(", ") || "none"})`,
        );
      }
      const { types } = typesOf(spec, properties[name]);
      if (types !== undefined && !types.includes(wanted)) {
        throw new OperationError(`${where}: ${key}: ${name} of ${at} is ${types.join(" or ")}, not ${wanted}`);
      }
      return properties[name];
    };
    const itemsSchema = field(pagination.response.items, "list.pagination.response.items", "array");
    if (pagination.response.next !== undefined)
      field(pagination.response.next, "list.pagination.response.next", "string");
    if (pagination.response.hasMore !== undefined) {
      field(pagination.response.hasMore, "list.pagination.response.hasMore", "boolean");
    }
    const itemSchema = view(spec, itemsSchema).schema.items;
    if (itemSchema === undefined) {
      throw new OperationError(
        `${where}: list.pagination.response.items: ${pagination.response.items} of ${at} has no items schema`,
      );
    }
    if (pagination.next !== undefined) {
      const itemProperties = objectOr(view(spec, itemSchema).schema.properties);
      if (!Object.hasOwn(itemProperties, pagination.next.lastItem)) {
        throw new OperationError(
          `${where}: list.pagination.next.lastItem: ${pagination.next.lastItem} is not a property of the items of ${at} (${formatPointer(["paths", config.list.path, "get"])})`,
        );
      }
    }
    out.list = { ...found, pagination, item: itemSchema };
  }
  return out;
}
