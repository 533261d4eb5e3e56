// specs/<vendor>/vendor.yaml: what phonebridge needs that the spec cannot say (env prefix, which
// operations update, get and list phone numbers and how the list pages, secret fields, the
// vendor's refinements of error codes, the pages the spec comes from and how each is published,
// the fields the facade's adapter uses, contract-test fixtures), checked on read. A field it lacks
// or gets wrong is an error naming the file and the field, never a default that hides a typo.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { isObject, type JsonObject, objectOr } from "../json.js";

/**
 * How each page of the vendor's spec is published, which is how `specs:pull` reads it
 * (docs/spec-changes.md#specspull):
 * - `openapi-page`: a docs page that holds the OpenAPI document in a fenced block, or the raw
 *   document; the file keeps that document byte for byte. A docs site that serves a page's
 *   Markdown at the page URL plus ".md" (Mintlify) is read there when the HTML page carries none.
 * - `html-page`: an HTML page and no OpenAPI: the file keeps the page's text, a pull reports its
 *   changes for review by hand, and a `hand-written` document restates it.
 * - `hand-written`: an OpenAPI document phonebridge writes from what the vendor publishes (an
 *   `html-page`, or excerpts), every point it infers marked `x-phonebridge-inferred`. Nothing to pull.
 */
export const PUBLISHED_FORMS = ["openapi-page", "html-page", "hand-written"] as const;
export type PublishedForm = (typeof PUBLISHED_FORMS)[number];

/** One file of specs/<vendor>/ that the vendor's spec comes from (specs/README.md#specs-from-several-pages). */
export interface Page {
  /** Its name in specs/<vendor>/. */
  file: string;
  published: PublishedForm;
}

/** The pages that are OpenAPI documents (openapi-page and hand-written), in the order they merge. */
export const isDocument = (page: Page): boolean => page.published !== "html-page";

/**
 * How the pages of a list follow one another, as data: the cursor a request sends, and where
 * the response says what comes next (docs/CONTRACT.md#vendor-packages-phonebridgevendor).
 */
export interface Pagination {
  /** The query parameter that carries the cursor of the next page. */
  request: string;
  /**
   * Where the next cursor comes from when the response carries none: this field of the page's
   * last item (a list that starts after an item's id).
   */
  next?: { lastItem: string };
  response: {
    /** The field of a page that holds its items (an array). */
    items: string;
    /** The field holding the next page's cursor: null or absent when there is no more. */
    next?: string;
    /** The field saying whether more pages follow: false or absent when there is no more. */
    hasMore?: string;
  };
}

/** An operation of the vendor's spec, by method (lower case) and path. */
export interface OperationRef {
  method: string;
  path: string;
}

export interface VendorConfig {
  provider: string;
  title: string;
  envPrefix: string;
  update: OperationRef;
  /** The operation that reads one number; absent when the vendor documents none. */
  get: OperationRef | undefined;
  /** The operation that lists numbers, and its pagination; absent when the vendor documents none. */
  list: (OperationRef & { pagination: Pagination }) | undefined;
  secrets: { request: string[]; response: string[] };
  /** The vendor's refinements of the status table: this status with a message matching this code. */
  errors: VendorErrorRule[];
  /** The files the spec comes from, in the order they merge (the first document leads). */
  pages: Page[];
  /**
   * The vendor's fields the facade's adapter writes into a request (or checks in `options.vendor`)
   * and reads from a response: a spec change to one of them concerns the adapter, so `specs:diff`
   * writes a changeset for @phonebridge/facade too. The adapter's tests check that it uses exactly these.
   */
  facade: { request: string[]; response: string[] };
  /**
   * The vendor's official SDK on npm, if any, and the version measured beside the generated
   * client (`pnpm size`, `pnpm bench`); the benchmarks' package installs it (bench/package.json).
   */
  sdk: { name: string; version: string } | undefined;
  /** Fixtures of the generated contract test: a valid update and a body of the wrong type. */
  contract: { id: string; body: JsonObject; wrongTypeBody: JsonObject };
}

/** A vendor's folder name is its provider id, and names identifiers in generated code (`create<Vendor>Client`). */
export const PROVIDER_ID = /^[a-z][a-z0-9]*$/;

class ConfigError extends Error {
  override name = "ConfigError";
}

function stringList(value: unknown, where: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new ConfigError(`${where}: ${field} must be a list of field names`);
  }
  return value as string[];
}

function requiredString(value: unknown, where: string, field: string, pattern?: RegExp): string {
  if (typeof value !== "string" || value === "" || (pattern !== undefined && !pattern.test(value))) {
    throw new ConfigError(
      `${where}: ${field} must be ${pattern === undefined ? "a non-empty string" : `a string matching ${pattern}`}`,
    );
  }
  return value;
}

/** A file name of specs/<vendor>/: no folders, nothing hidden. */
const PAGE_FILE = /^[a-z0-9][a-z0-9._-]*\.(yaml|yml|json|txt|md)$/;
const OPERATION_METHODS = ["get", "put", "post", "delete", "patch"];

/** Refuses keys other than `known` in a mapping of vendor.yaml: a typo fails loudly. */
function onlyKeys(value: JsonObject, known: readonly string[], where: string, field: string): void {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length) {
    throw new ConfigError(`${where}: ${field} has unknown key(s) ${unknown.join(", ")} (expected ${known.join(", ")})`);
  }
}

function operation(value: unknown, where: string, field: string, methods = OPERATION_METHODS): OperationRef {
  if (!isObject(value)) throw new ConfigError(`${where}: ${field} needs a method and a path`);
  const method = typeof value.method === "string" ? value.method.toLowerCase() : undefined;
  if (method === undefined || !methods.includes(method)) {
    throw new ConfigError(`${where}: ${field}.method must be one of ${methods.join(", ")}`);
  }
  const path = requiredString(value.path, where, `${field}.path`, /^\/\S*$/);
  return { method, path };
}

/** A read operation: GET, and for `get` exactly one path parameter (the id). */
function readOperation(value: unknown, where: string, field: "get" | "list"): OperationRef {
  const op = operation(value, where, field, ["get"]);
  const params = [...op.path.matchAll(/\{([^}]+)\}/g)].length;
  if (field === "get" && params !== 1) {
    throw new ConfigError(`${where}: get.path must have exactly one path parameter (the id), found ${params}`);
  }
  return op;
}

function parsePagination(value: unknown, where: string): Pagination {
  const field = "list.pagination";
  if (!isObject(value)) {
    throw new ConfigError(
      `${where}: ${field} must say how pages follow one another (request, response.items, and response.next or next.lastItem; specs/README.md#read-operations-and-pagination)`,
    );
  }
  onlyKeys(value, ["request", "next", "response"], where, field);
  const request = requiredString(value.request, where, `${field}.request`);
  if (!isObject(value.response)) throw new ConfigError(`${where}: ${field}.response needs items`);
  onlyKeys(value.response, ["items", "next", "hasMore"], where, `${field}.response`);
  const response: Pagination["response"] = {
    items: requiredString(value.response.items, where, `${field}.response.items`),
  };
  if (value.response.next !== undefined) {
    response.next = requiredString(value.response.next, where, `${field}.response.next`);
  }
  if (value.response.hasMore !== undefined) {
    response.hasMore = requiredString(value.response.hasMore, where, `${field}.response.hasMore`);
  }
  const pagination: Pagination = { request, response };
  if (value.next !== undefined) {
    if (!isObject(value.next)) throw new ConfigError(`${where}: ${field}.next must be { lastItem: <field> }`);
    onlyKeys(value.next, ["lastItem"], where, `${field}.next`);
    pagination.next = { lastItem: requiredString(value.next.lastItem, where, `${field}.next.lastItem`) };
  }
  if ((response.next === undefined) === (pagination.next === undefined)) {
    throw new ConfigError(
      `${where}: ${field} needs exactly one source of the next cursor: response.next (a field of the page) or next.lastItem (a field of its last item)`,
    );
  }
  if (pagination.next !== undefined && response.hasMore === undefined) {
    throw new ConfigError(
      `${where}: ${field}.next.lastItem needs response.hasMore: a cursor taken from the last item cannot say that there is no more`,
    );
  }
  return pagination;
}

function parsePages(value: unknown, where: string): Page[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ConfigError(
      `${where}: pages must list the files the spec comes from, e.g. [{ file: openapi.yaml, published: openapi-page }] (specs/README.md#specs-from-several-pages)`,
    );
  }
  const pages: Page[] = [];
  for (const [index, entry] of value.entries()) {
    const field = `pages[${index}]`;
    if (!isObject(entry)) throw new ConfigError(`${where}: ${field} must be { file, published }`);
    onlyKeys(entry, ["file", "published"], where, field);
    const file = requiredString(entry.file, where, `${field}.file`, PAGE_FILE);
    if (pages.some((page) => page.file === file))
      throw new ConfigError(`${where}: ${field}.file ${file} is listed twice`);
    if (!PUBLISHED_FORMS.includes(entry.published as PublishedForm)) {
      throw new ConfigError(`${where}: ${field}.published must be one of ${PUBLISHED_FORMS.join(", ")}`);
    }
    pages.push({ file, published: entry.published as PublishedForm });
  }
  if (!pages.some(isDocument)) {
    throw new ConfigError(`${where}: pages must hold at least one OpenAPI document (openapi-page or hand-written)`);
  }
  return pages;
}

/**
 * A vendor's own reading of a status: an answer with `status` whose vendor message matches
 * `message` (a regular expression, case ignored) is `code`, in the vendor package and the facade
 * alike (docs/CONTRACT.md#errors).
 */
export interface VendorErrorRule {
  status: number;
  message: string;
  code: string;
}

/** The codes a refinement may give: those of an answer with a status (docs/CONTRACT.md#errors). */
const REFINED_CODES = ["unauthorized", "not_found", "validation", "rate_limited", "server", "timeout"];

function errorRules(value: unknown, where: string): VendorErrorRule[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ConfigError(`${where}: errors must be a list of refinements`);
  return value.map((rule: unknown, i) => {
    const { status, message, code } = isObject(rule) ? rule : {};
    let pattern = typeof message === "string";
    try {
      new RegExp(String(message), "i");
    } catch {
      pattern = false;
    }
    if (
      !Number.isInteger(status) ||
      (status as number) < 400 ||
      (status as number) > 599 ||
      !pattern ||
      !REFINED_CODES.includes(String(code))
    ) {
      throw new ConfigError(
        `${where}: errors[${i}] needs a status from 400 to 599, a message (a regular expression) and a code (${REFINED_CODES.join(", ")})`,
      );
    }
    return { status: status as number, message: message as string, code: code as string };
  });
}

export function parseVendorConfig(value: unknown, vendor: string): VendorConfig {
  const where = `specs/${vendor}/vendor.yaml`;
  if (!PROVIDER_ID.test(vendor)) {
    throw new ConfigError(`specs/${vendor}/: a vendor's folder name must match ${PROVIDER_ID} (it is the provider id)`);
  }
  if (!isObject(value)) throw new ConfigError(`${where}: expected a mapping`);
  if (value.provider !== vendor) throw new ConfigError(`${where}: provider must be "${vendor}"`);
  if (value.published !== undefined) {
    throw new ConfigError(
      `${where}: published is said per page now: pages: [{ file: openapi.yaml, published: ${String(value.published)} }] (specs/README.md#specs-from-several-pages)`,
    );
  }
  const update = operation(value.update, where, "update");
  let list: VendorConfig["list"];
  if (value.list !== undefined) {
    list = {
      ...readOperation(value.list, where, "list"),
      pagination: parsePagination(objectOr(value.list).pagination, where),
    };
  }
  const secrets = isObject(value.secrets) ? value.secrets : {};
  const facade = isObject(value.facade) ? value.facade : {};
  const contract = isObject(value.contract) ? value.contract : {};
  const sdk =
    value.sdk === undefined ? undefined : /^(@?[^@\s]+)@(\d[^\s]*)$/.exec(requiredString(value.sdk, where, "sdk"));
  if (sdk === null) throw new ConfigError(`${where}: sdk must be <package>@<version>`);
  return {
    provider: vendor,
    title: requiredString(value.title, where, "title"),
    envPrefix: requiredString(value.envPrefix, where, "envPrefix", /^[A-Z][A-Z0-9_]*$/),
    update,
    get: value.get === undefined ? undefined : readOperation(value.get, where, "get"),
    list,
    secrets: {
      request: stringList(secrets.request, where, "secrets.request"),
      response: stringList(secrets.response, where, "secrets.response"),
    },
    errors: errorRules(value.errors, where),
    pages: parsePages(value.pages, where),
    facade: {
      request: stringList(facade.request, where, "facade.request"),
      response: stringList(facade.response, where, "facade.response"),
    },
    sdk: sdk === undefined ? undefined : { name: sdk[1] as string, version: sdk[2] as string },
    contract: {
      id: requiredString(contract.id === undefined ? undefined : String(contract.id), where, "contract.id"),
      body: isObject(contract.body) ? contract.body : {},
      wrongTypeBody: isObject(contract.wrongTypeBody) ? contract.wrongTypeBody : {},
    },
  };
}

export function readVendorConfig(root: string, vendor: string): VendorConfig {
  return parseVendorConfig(parse(readFileSync(join(root, "specs", vendor, "vendor.yaml"), "utf8")), vendor);
}
