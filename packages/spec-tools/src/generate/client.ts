// src/generated/client.ts: the descriptor, the body and response types of the update
// operation, the transport and the client (the update on the request pipeline, without
// openapi-fetch: the generic client is src/openapi-fetch.ts, a subpath of its own).
import { header, pascal } from "./header.js";
import { ts, tsLine } from "./literals.js";
import type { VendorModel } from "./model.js";

export function renderClient(model: VendorModel): string {
  const { vendor, descriptor, success, config } = model;
  const Name = pascal(vendor);
  const { path, method, param } = descriptor.update;
  const lower = method.toLowerCase();
  const responseType = success.hasBody
    ? `Operation["responses"][${success.status}]["content"]["application/json"]`
    : "undefined";
  return `${header(vendor)}
import {
  type UpdateFunction,
  type VendorClientOptions,
  type VendorDescriptor,
  type VendorTransport,
  createVendorTransport,
  userAgent,
} from "@phonebridge/core";
import { NAME, VERSION } from "../version.js";
import type { paths } from "./schema.js";

type Operation = paths[${ts(path)}][${ts(lower)}];

/** Request body of \`${method} ${path}\`. */
export type UpdatePhoneNumberBody = NonNullable<Operation["requestBody"]>["content"]["application/json"];

/** Body of the ${success.status} response of \`${method} ${path}\`. */
export type UpdatePhoneNumberResponse = ${responseType};

/** What this package knows about ${config.title}'s API, all of it derived from specs/${vendor}/. */
export const ${vendor}Descriptor: VendorDescriptor = {
  provider: ${ts(vendor)},
  envPrefix: ${ts(descriptor.envPrefix)},
  defaultBaseUrl: ${descriptor.defaultBaseUrl === undefined ? "undefined" : ts(descriptor.defaultBaseUrl)},
  auth: ${ts(descriptor.auth, "  ")},
  headers: ${ts(descriptor.headers, "  ")},
  update: ${ts(descriptor.update, "  ")},
  secrets: ${ts(descriptor.secrets, "  ")},
  errors: ${tsLine(descriptor.errors)},${descriptor.limits ? `\n  limits: ${ts(descriptor.limits, "  ")},` : ""}
};

export type ${Name}ClientOptions = VendorClientOptions;
export type ${Name}Transport = VendorTransport<UpdatePhoneNumberBody, UpdatePhoneNumberResponse>;

/**
 * The update on phonebridge's request pipeline. Every other operation of the spec, typed:
 * \`create${Name}OpenApiClient\` of \`@phonebridge/${vendor}/openapi-fetch\`.
 */
export interface ${Name}Client {
  /**
   * \`${method} ${path}\` of the ${param.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())} given first, retried and timed out
   * as the client's options (or this call's) say: resolves with the parsed ${success.status} body (with
   * \`withResponse: true\`, \`{ data, response }\`), or rejects with a PhoneBridgeError carrying the
   * HTTP status, the vendor's (redacted) error body and the response's headers and request id.
   */
  updatePhoneNumber: UpdateFunction<UpdatePhoneNumberBody, UpdatePhoneNumberResponse>;
}

/**
 * The request pipeline alone (no openapi-fetch): key, base URL, headers and policy resolved
 * once. Throws a PhoneBridgeError (invalid_input) naming the option and its environment variable
 * when ${descriptor.auth.declared ? `no API key is given` : "the configuration is unusable"}${descriptor.defaultBaseUrl === undefined ? " or no base URL is given" : ""}.
 */
export function create${Name}Transport(options?: ${Name}ClientOptions): ${Name}Transport {
  return createVendorTransport(${vendor}Descriptor, options, userAgent(NAME, VERSION));
}

/** Creates a ${config.title} client. Options default to ${descriptor.envPrefix}_API_KEY and ${descriptor.envPrefix}_BASE_URL. */
export function create${Name}Client(options?: ${Name}ClientOptions): ${Name}Client {
  return { updatePhoneNumber: create${Name}Transport(options).update };
}
`;
}
