// What a vendor package knows about its API, derived from the effective spec: base URL, auth,
// the headers sent on every request, the update operation and its success response. Everything
// comes from the spec except what vendor.yaml says (env prefix, the operation, secret fields, the
// vendor's refinements of error codes).
import { arrayOr, isObject, objectOr } from "../json.js";
import { deref, formatPointer } from "../openapi/ref.js";
import { bodyLimits, checkPattern, type Limit, type Limits, limitOf } from "./limits.js";
import type { VendorSpec } from "./vendor-spec.js";

export interface Auth {
  header: string;
  scheme: "bearer" | "raw";
  /** False when the spec declares no auth, or only as an alternative to none. */
  declared: boolean;
}

export interface Descriptor {
  provider: string;
  envPrefix: string;
  defaultBaseUrl: string | undefined;
  auth: Auth;
  headers: Record<string, string>;
  update: { method: string; path: string; param: string };
  secrets: { request: string[]; response: string[] };
  errors: { status: number; message: string; code: string }[];
  /** What the spec declares about the id and the body's top-level fields; absent when nothing. */
  limits?: Limits;
}

export interface SuccessResponse {
  status: number;
  hasBody: boolean;
}

/** The auth the operation requires: from its own `security`, else the document's. */
function deriveAuth(spec: Record<string, unknown>, operation: Record<string, unknown>, vendor: string): Auth {
  const requirements = arrayOr(operation.security ?? spec.security);
  const named = requirements.filter((requirement) => Object.keys(objectOr(requirement)).length > 0);
  if (named.length === 0) return { header: "Authorization", scheme: "bearer", declared: false };
  const optional = named.length < requirements.length;
  const schemes = objectOr(objectOr(spec.components).securitySchemes);
  const name = Object.keys(objectOr(named[0]))[0] ?? "";
  const scheme = schemes[name];
  if (!isObject(scheme)) throw new Error(`${vendor}: security requirement "${name}" has no securitySchemes entry`);
  if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
    return { header: "Authorization", scheme: "bearer", declared: !optional };
  }
  if (scheme.type === "apiKey" && scheme.in === "header") {
    return { header: String(scheme.name), scheme: "raw", declared: !optional };
  }
  throw new Error(
    `${vendor}: unsupported security scheme "${name}" (${String(scheme.type)} ${String(scheme.scheme ?? scheme.in)})`,
  );
}

/** Required header parameters that allow exactly one value are sent on every request. */
function deriveConstantHeaders(
  spec: unknown,
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown>,
  vendor: string,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of [...arrayOr(pathItem.parameters), ...arrayOr(operation.parameters)]) {
    const parameter = objectOr(deref(spec, raw));
    if (parameter.in !== "header" || !parameter.required) continue;
    const schema = objectOr(deref(spec, parameter.schema));
    const values = "const" in schema ? [schema.const] : schema.enum;
    if (!Array.isArray(values) || values.length !== 1) {
      throw new Error(`${vendor}: required header ${String(parameter.name)} has no single allowed value to send`);
    }
    headers[String(parameter.name)] = String(values[0]);
  }
  return headers;
}

function successResponse(spec: unknown, operation: Record<string, unknown>, vendor: string): SuccessResponse {
  const responses = objectOr(operation.responses);
  const status = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  if (!status) throw new Error(`${vendor}: the update operation declares no 2xx response`);
  const response = objectOr(deref(spec, responses[status]));
  const schema = objectOr(objectOr(response.content)["application/json"]).schema;
  return { status: Number(status), hasBody: schema !== undefined };
}

/**
 * The declared limits of the update's id parameter and of its request body's top-level fields.
 * Every pattern must be a regular expression JavaScript runs, or generation stops naming it.
 */
function deriveLimits(
  spec: unknown,
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown>,
  update: { method: string; path: string; param: string },
  vendor: string,
): Limits | undefined {
  const limits: Limits = {};
  const parameters = [...arrayOr(pathItem.parameters), ...arrayOr(operation.parameters)];
  const idParameter = parameters
    .map((raw) => objectOr(deref(spec, raw)))
    .find((parameter) => parameter.in === "path" && parameter.name === update.param);
  const where = (...tokens: string[]) =>
    `specs/${vendor}: ${formatPointer(["paths", update.path, update.method, ...tokens])}`;
  const check = (limit: Limit, at: string) => {
    if (limit.pattern !== undefined) checkPattern(limit.pattern, at);
  };
  if (idParameter) {
    const id = limitOf(spec, idParameter.schema);
    check(id, where("parameters"));
    if (Object.keys(id).length) limits.id = id;
  }
  const schema = objectOr(objectOr(objectOr(deref(spec, operation.requestBody)).content)["application/json"]).schema;
  if (schema !== undefined) {
    const body = bodyLimits(spec, schema);
    for (const [field, limit] of Object.entries(body)) check(limit, where("requestBody", field));
    if (Object.keys(body).length) limits.body = body;
  }
  return Object.keys(limits).length ? limits : undefined;
}

export interface Derived {
  descriptor: Descriptor;
  success: SuccessResponse;
}

export function deriveDescriptor({ vendor, config, spec }: Pick<VendorSpec, "vendor" | "config" | "spec">): Derived {
  const document = objectOr(spec);
  const { method, path } = config.update;
  const pathItem = objectOr(objectOr(document.paths)[path]);
  const operation = pathItem[method];
  if (!isObject(operation)) throw new Error(`${vendor}: the spec has no ${method.toUpperCase()} ${path}`);
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  const [param] = params;
  if (params.length !== 1 || param === undefined)
    throw new Error(`${vendor}: ${path} must have exactly one path parameter`);
  const server = arrayOr(document.servers)[0];
  const url = isObject(server) && typeof server.url === "string" ? server.url : undefined;
  const limits = deriveLimits(spec, pathItem, operation, { method, path, param }, vendor);
  return {
    descriptor: {
      provider: vendor,
      envPrefix: config.envPrefix,
      defaultBaseUrl: url,
      auth: deriveAuth(document, operation, vendor),
      headers: deriveConstantHeaders(spec, pathItem, operation, vendor),
      update: { method: method.toUpperCase(), path, param },
      secrets: config.secrets,
      errors: config.errors,
      ...(limits ? { limits } : {}),
    },
    success: successResponse(spec, operation, vendor),
  };
}
