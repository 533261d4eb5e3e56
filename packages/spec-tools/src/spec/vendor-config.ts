// specs/<vendor>/vendor.yaml: what phonebridge needs that the spec cannot say (env prefix, which
// operation is "update phone number", secret fields, contract-test fixtures), checked on read.
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
  /** Fixtures of the generated contract test: a valid update and a body of the wrong type. */
  contract: { id: string; body: JsonObject; wrongTypeBody: JsonObject };
}

const strings = (value: unknown): string[] => arrayOr(value).map(String);

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
