// src/openapi-fetch.ts, the package's `./openapi-fetch` subpath: an openapi-fetch client typed
// with every operation of the spec, on the same transport as the main entry's client. A subpath
// of its own, so that a bundle of the main entry holds no openapi-fetch (README.md#performance).
import { header, pascal } from "./header.js";
import { ts } from "./literals.js";
import type { VendorModel } from "./model.js";

export function renderOpenApiFetch({ vendor, descriptor, config }: VendorModel): string {
  const Name = pascal(vendor);
  const constantHeaders = Object.keys(descriptor.headers);
  const clientPaths = constantHeaders.length
    ? `/** The spec's paths with the headers this client sends by itself (${constantHeaders.join(", ")}) optional. */
export type ClientPaths = WithOptionalHeaders<paths, ${constantHeaders.map((name) => ts(name)).join(" | ")}>;`
    : `/** The spec's paths, as the client types its calls. */
export type ClientPaths = paths;`;
  return `${header(vendor)}
import createClient, { type Client } from "openapi-fetch";
import { ${constantHeaders.length ? "type WithOptionalHeaders, " : ""}pathSerializer } from "@phonebridge/core";
import { type ${Name}ClientOptions, create${Name}Transport } from "./generated/client.js";
import type { paths } from "./generated/schema.js";

${clientPaths}

/** An openapi-fetch client typed with every operation of ${config.title}'s spec. */
export type ${Name}OpenApiClient = Client<ClientPaths>;

/**
 * Creates an openapi-fetch client (\`client.GET(...)\`, \`client.PATCH(...)\`, middleware and all)
 * on the same transport as \`create${Name}Client\`: the same key, base URL, headers and fetch,
 * path parameters encoded the same way, redirects refused. It sends once, as openapi-fetch does:
 * no retries, no timeout, no log. Options default to ${descriptor.envPrefix}_API_KEY and ${descriptor.envPrefix}_BASE_URL.
 */
export function create${Name}OpenApiClient(options?: ${Name}ClientOptions): ${Name}OpenApiClient {
  const transport = create${Name}Transport(options);
  const send = transport.fetch;
  return createClient<ClientPaths>({
    baseUrl: transport.baseUrl,
    headers: transport.headers,
    fetch: (request: Request) => send(request),
    pathSerializer,
    // Never follow a redirect: the key goes to no other host.
    redirect: "error",
  });
}
`;
}
