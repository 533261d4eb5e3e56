// specs/<vendor>/vendor.yaml: what phonebridge needs that the spec cannot say (env prefix, which
// operation is "update phone number", secret fields, the vendor's refinements of error codes,
// contract-test fixtures), checked on read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { arrayOr, isObject, type JsonObject } from "../json.js";

export interface VendorConfig {
  provider: string;
  title: string;
  envPrefix: string;
  update: { method: string; path: string };
  secrets: { request: string[]; response: string[] };
  /** The vendor's refinements of the status table: this status with a message matching this code. */
  errors: VendorErrorRule[];
  /** Fixtures of the generated contract test: a valid update and a body of the wrong type. */
  contract: { id: string; body: JsonObject; wrongTypeBody: JsonObject };
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

const strings = (value: unknown): string[] => arrayOr(value).map(String);

function errorRules(value: unknown, where: string): VendorErrorRule[] {
  return arrayOr(value).map((rule, i) => {
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
      throw new Error(
        `${where}: errors[${i}] needs a status from 400 to 599, a message (a regular expression) and a code (${REFINED_CODES.join(", ")})`,
      );
    }
    return { status: status as number, message: message as string, code: code as string };
  });
}

export function parseVendorConfig(value: unknown, vendor: string): VendorConfig {
  const where = `specs/${vendor}/vendor.yaml`;
  if (!isObject(value)) throw new Error(`${where}: expected a mapping`);
  if (value.provider !== vendor) throw new Error(`${where}: provider must be "${vendor}"`);
  const update = isObject(value.update) ? value.update : {};
  if (typeof update.method !== "string" || typeof update.path !== "string") {
    throw new Error(`${where}: update needs a method and a path`);
  }
  const secrets = isObject(value.secrets) ? value.secrets : {};
  const contract = isObject(value.contract) ? value.contract : {};
  return {
    provider: vendor,
    title: String(value.title ?? vendor),
    envPrefix: String(value.envPrefix ?? vendor.toUpperCase()),
    update: { method: update.method, path: update.path },
    secrets: { request: strings(secrets.request), response: strings(secrets.response) },
    errors: errorRules(value.errors, where),
    contract: {
      id: String(contract.id ?? ""),
      body: isObject(contract.body) ? contract.body : {},
      wrongTypeBody: isObject(contract.wrongTypeBody) ? contract.wrongTypeBody : {},
    },
  };
}

export function readVendorConfig(root: string, vendor: string): VendorConfig {
  return parseVendorConfig(parse(readFileSync(join(root, "specs", vendor, "vendor.yaml"), "utf8")), vendor);
}
