// src/generated/client.ts: the descriptor, the body and response types of the update
// operation, the transport and the client (the update on the request pipeline, without
// openapi-fetch: the generic client is src/openapi-fetch.ts, a subpath of its own).

import { phoneNumberOperations } from "../spec/operations.js";
import { header, pascal } from "./header.js";
import { ts, tsLine } from "./literals.js";
import type { VendorModel } from "./model.js";

/** The read operations' types and the client's members for them: only those vendor.yaml declares. */
function reads(model: VendorModel) {
  const { get, list } = phoneNumberOperations(model);
  const types: string[] = [];
  const members: string[] = [];
  const calls: string[] = [];
  const imports: string[] = [];
  if (get) {
    imports.push("type GetFunction", "getOperation");
    types.push(`type GetOperation = paths[${ts(get.path)}]["get"];

/** Body of the ${get.status} response of \`GET ${get.path}\`. */
export type GetPhoneNumberResponse = GetOperation["responses"][${get.status}]["content"]["application/json"];`);
    members.push(`  /**
   * \`GET ${get.path}\` of the id given: the same pipeline, options and errors as
   * \`updatePhoneNumber\`; resolves with the parsed ${get.status} body (\`withResponse: true\`: \`{ data, response }\`).
   */
  getPhoneNumber: GetFunction<GetPhoneNumberResponse>;`);
    calls.push("getPhoneNumber: getOperation(transport)");
  }
  if (list) {
    imports.push("type ListFunction", "listOperation");
    const { request, response } = list.pagination;
    types.push(`type ListOperation = paths[${ts(list.path)}]["get"];

/** The query of \`GET ${list.path}\` (its filters and page size; \`${request}\`, the cursor, is where a list starts). */
export type ListPhoneNumbersQuery = NonNullable<ListOperation["parameters"]["query"]>;

/** Body of the ${list.status} response of \`GET ${list.path}\`: one page. */
export type ListPhoneNumbersPage = ListOperation["responses"][${list.status}]["content"]["application/json"];

/** One item of a page (its \`${response.items}\` field). */
export type ListPhoneNumbersItem = NonNullable<ListPhoneNumbersPage[${ts(response.items)}]>[number];`);
    members.push(`  /**
   * \`GET ${list.path}\`, page after page: \`for await\` gives every item of every page,
   * \`.pages()\` each page; each page request is retried on its own, a repeated cursor stops with an
   * \`invalid_response\` (docs/CONTRACT.md#reading-phone-numbers). Nothing is sent before iterating.
   */
  listPhoneNumbers: ListFunction<ListPhoneNumbersQuery, ListPhoneNumbersPage, ListPhoneNumbersItem>;`);
    calls.push("listPhoneNumbers: listOperation(transport)");
  }
  return { types, members, calls, imports };
}

export function renderClient(model: VendorModel): string {
  const { vendor, descriptor, success, config } = model;
  const Name = pascal(vendor);
  const { path, method, param } = descriptor.update;
  const lower = method.toLowerCase();
  const read = reads(model);
  const imports = ["type UpdateFunction", ...read.imports.filter((name) => name.startsWith("type "))];
  const values = ["createVendorTransport", ...read.imports.filter((name) => !name.startsWith("type ")), "userAgent"];
  const responseType = success.hasBody
    ? `Operation["responses"][${success.status}]["content"]["application/json"]`
    : "undefined";
  return `${header(vendor)}
import {
${[...imports, "type VendorClientOptions", "type VendorDescriptor", "type VendorTransport", ...values]
  .map((name) => `  ${name},`)
  .join("\n")}
} from "@phonebridge/core";
import { NAME, VERSION } from "../version.js";
import type { paths } from "./schema.js";

type Operation = paths[${ts(path)}][${ts(lower)}];

/** Request body of \`${method} ${path}\`. */
export type UpdatePhoneNumberBody = NonNullable<Operation["requestBody"]>["content"]["application/json"];

/** Body of the ${success.status} response of \`${method} ${path}\`. */
export type UpdatePhoneNumberResponse = ${responseType};
${read.types.map((text) => `\n${text}\n`).join("")}
/** What this package knows about ${config.title}'s API, all of it derived from specs/${vendor}/. */
export const ${vendor}Descriptor: VendorDescriptor = {
  provider: ${ts(vendor)},
  envPrefix: ${ts(descriptor.envPrefix)},
  defaultBaseUrl: ${descriptor.defaultBaseUrl === undefined ? "undefined" : ts(descriptor.defaultBaseUrl)},
  auth: ${ts(descriptor.auth, "  ")},
  headers: ${ts(descriptor.headers, "  ")},
  update: ${ts(descriptor.update, "  ")},
  secrets: ${ts(descriptor.secrets, "  ")},
${descriptor.get ? `  get: ${tsLine(descriptor.get)},\n` : ""}${descriptor.list ? `  list: ${ts(descriptor.list, "  ")},\n` : ""}  errors: ${tsLine(descriptor.errors)},${descriptor.limits ? `\n  limits: ${ts(descriptor.limits, "  ")},` : ""}
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
  updatePhoneNumber: UpdateFunction<UpdatePhoneNumberBody, UpdatePhoneNumberResponse>;${read.members.map((text) => `\n${text}`).join("")}
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
  ${
    read.calls.length
      ? `const transport = create${Name}Transport(options);
  return {
    updatePhoneNumber: transport.update,
${read.calls.map((call) => `    ${call},\n`).join("")}  };`
      : `return { updatePhoneNumber: create${Name}Transport(options).update };`
  }
}
`;
}
