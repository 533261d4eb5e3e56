// Loads one vendor's specs/ folder and derives what its package knows: the effective spec
// (document + overlay) and the descriptor (base URL, auth, required headers, the update
// operation, secret fields). Everything comes from the spec, except what vendor.yaml says.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { applyOverlay } from "./overlay.mjs";

function readYaml(path) {
  return parse(readFileSync(path, "utf8"));
}

function resolveRef(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    if (!current.$ref.startsWith("#/")) throw new Error(`only local $refs are supported (${current.$ref})`);
    current = current.$ref
      .slice(2)
      .split("/")
      .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((value, token) => value?.[token], spec);
  }
  return current;
}

/** The auth the operation requires: from its own `security`, else the document's. */
function deriveAuth(spec, operation, vendor) {
  const requirements = operation.security ?? spec.security ?? [];
  const named = requirements.filter((requirement) => Object.keys(requirement).length > 0);
  if (named.length === 0) return { header: "Authorization", scheme: "bearer", declared: false };
  const optional = named.length < requirements.length;
  const schemes = spec.components?.securitySchemes ?? {};
  const name = Object.keys(named[0])[0];
  const scheme = schemes[name];
  if (!scheme) throw new Error(`${vendor}: security requirement "${name}" has no securitySchemes entry`);
  if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
    return { header: "Authorization", scheme: "bearer", declared: !optional };
  }
  if (scheme.type === "apiKey" && scheme.in === "header") {
    return { header: scheme.name, scheme: "raw", declared: !optional };
  }
  throw new Error(`${vendor}: unsupported security scheme "${name}" (${scheme.type} ${scheme.scheme ?? scheme.in})`);
}

/** Required header parameters that allow exactly one value are sent on every request. */
function deriveConstantHeaders(spec, pathItem, operation, vendor) {
  const headers = {};
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef(spec, raw);
    if (parameter?.in !== "header" || !parameter.required) continue;
    const schema = resolveRef(spec, parameter.schema) ?? {};
    const values = "const" in schema ? [schema.const] : schema.enum;
    if (!Array.isArray(values) || values.length !== 1) {
      throw new Error(`${vendor}: required header ${parameter.name} has no single allowed value to send`);
    }
    headers[parameter.name] = String(values[0]);
  }
  return headers;
}

function successResponse(spec, operation, vendor) {
  const status = Object.keys(operation.responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  if (!status) throw new Error(`${vendor}: the update operation declares no 2xx response`);
  const response = resolveRef(spec, operation.responses[status]);
  const schema = response?.content?.["application/json"]?.schema;
  return { status: Number(status), hasBody: schema !== undefined };
}

export function loadVendorSpec(root, vendor) {
  const dir = join(root, "specs", vendor);
  const config = readYaml(join(dir, "vendor.yaml"));
  const document = readYaml(join(dir, "openapi.yaml"));
  const overlayPath = join(dir, "overlay.yaml");
  const overlay = existsSync(overlayPath) ? readYaml(overlayPath) : null;
  const { spec, outcomes } = applyOverlay(document, overlay, vendor);
  const stale = outcomes.filter((outcome) => outcome.status === "stale");
  if (stale.length) {
    const lines = stale.map((outcome) => `  - ${outcome.name}: ${outcome.detail}`).join("\n");
    throw new Error(`specs/${vendor}/overlay.yaml: ${stale.length} fix(es) no longer apply:\n${lines}`);
  }
  if (config.provider !== vendor) throw new Error(`specs/${vendor}/vendor.yaml: provider must be "${vendor}"`);

  const { method, path } = config.update;
  const pathItem = spec.paths?.[path];
  const operation = pathItem?.[method];
  if (!operation) throw new Error(`${vendor}: the spec has no ${method.toUpperCase()} ${path}`);
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  if (params.length !== 1) throw new Error(`${vendor}: ${path} must have exactly one path parameter`);

  const descriptor = {
    provider: vendor,
    envPrefix: config.envPrefix,
    defaultBaseUrl: spec.servers?.[0]?.url,
    auth: deriveAuth(spec, operation, vendor),
    headers: deriveConstantHeaders(spec, pathItem, operation, vendor),
    update: { method: method.toUpperCase(), path, param: params[0] },
    secrets: { request: config.secrets?.request ?? [], response: config.secrets?.response ?? [] },
  };
  return {
    vendor,
    title: config.title,
    config,
    spec,
    descriptor,
    success: successResponse(spec, operation, vendor),
    requestBodyRequired: Boolean(resolveRef(spec, operation.requestBody)?.required),
  };
}
