// specs/<vendor>/vendor.yaml: what phonebridge needs that the spec cannot say (env prefix, which
// operation is "update phone number", secret fields, the vendor's refinements of error codes, how
// the vendor publishes its document, the fields the facade's adapter uses, contract-test
// fixtures), checked on read. A field it lacks or gets wrong is an error naming the file and the
// field, never a default that hides a typo.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { isObject, type JsonObject } from "../json.js";

/**
 * How the vendor publishes its API document, which is how `specs:pull` reads it
 * (docs/spec-changes.md#specspull):
 * - `openapi-page`: a docs page that holds the OpenAPI document in a fenced block, or the raw
 *   document; a docs site that serves a page's Markdown at the page URL plus ".md" (Mintlify) is
 *   read there when the HTML page carries no OpenAPI.
 * - `html-page`: an HTML page and no OpenAPI. specs/<vendor>/openapi.yaml is written by hand from
 *   it; `page.txt` keeps the page's text, and a pull reports changes for review by hand.
 */
export const PUBLISHED_FORMS = ["openapi-page", "html-page"] as const;
export type PublishedForm = (typeof PUBLISHED_FORMS)[number];

export interface VendorConfig {
  provider: string;
  title: string;
  envPrefix: string;
  update: { method: string; path: string };
  secrets: { request: string[]; response: string[] };
  /** The vendor's refinements of the status table: this status with a message matching this code. */
  errors: VendorErrorRule[];
  published: PublishedForm;
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
  const update = isObject(value.update) ? value.update : {};
  if (typeof update.method !== "string" || typeof update.path !== "string") {
    throw new ConfigError(`${where}: update needs a method and a path`);
  }
  const published = value.published;
  if (!PUBLISHED_FORMS.includes(published as PublishedForm)) {
    throw new ConfigError(`${where}: published must be one of ${PUBLISHED_FORMS.join(", ")}`);
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
    update: { method: update.method, path: update.path },
    secrets: {
      request: stringList(secrets.request, where, "secrets.request"),
      response: stringList(secrets.response, where, "secrets.response"),
    },
    errors: errorRules(value.errors, where),
    published: published as PublishedForm,
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
