// README.md of a vendor package: how to use it, and what it sends.
import { markdownHeader, pascal } from "./header.js";
import type { VendorModel } from "./model.js";
import { repositoryUrl } from "./repository.js";

/**
 * What `updatePhoneNumber` does and does not do, said once for every vendor package: it runs on
 * core's request pipeline and retries and times out as the facade does
 * (docs/CONTRACT.md#retries-and-time); the generic openapi-fetch client of the `./openapi-fetch`
 * subpath shares its transport but not its retries. Change this text when that changes.
 */
export const UPDATE_PATH = `\`updatePhoneNumber\` runs on phonebridge's request pipeline: one \`fetch(url, init)\` per
attempt, with the retries and per-attempt timeouts of
[\`@phonebridge/facade\`](${repositoryUrl("packages/facade")}#retries-and-time). The openapi-fetch
client of the \`/openapi-fetch\` subpath runs its own middleware (\`client.use()\`) instead, and
makes one attempt per call.`;

/** How the packages load: the same paragraph in every package's README. */
export function moduleFormat(name: string): string {
  return `## Module format

ESM only (\`import\`). From CommonJS, \`require("${name}")\` works on Node 20.19+ and 22.12+,
which load ES modules through \`require\` without a flag; on older Node, use
\`await import("${name}")\`. TypeScript in a CommonJS project compiles it with
\`"module": "nodenext"\` (\`node16\` reports TS1479).`;
}

/** The client's read operations, where vendor.yaml declares them, with a short example. */
function readsApi({ vendor, config }: VendorModel): string {
  if (!config.get && !config.list) return "";
  const id = JSON.stringify(config.contract.id);
  const lines: string[] = [];
  if (config.get) {
    lines.push(
      `- \`getPhoneNumber(id, options?)\`: \`GET ${config.get.path}\` on the same pipeline, options and
  errors as the update; resolves with the typed body (\`withResponse: true\`: \`{ data, response }\`).`,
    );
  }
  if (config.list) {
    const { pagination } = config.list;
    const { hasMore, next } = pagination.response;
    const stops = [
      ...(hasMore ? [`\`${hasMore}\` is not true`] : []),
      ...(next && !pagination.next ? [`\`${next}\` is null or absent`] : []),
    ];
    const stop = `${stops.join(", ")} or a page is empty`;
    lines.push(
      `- \`listPhoneNumbers(query?, options?)\`: \`GET ${config.list.path}\` page after page (nothing is
  sent before iterating): \`for await\` gives every item of every page, \`.pages()\` each page. The
  cursor goes in \`${pagination.request}\`${pagination.next ? ` (the last item's \`${pagination.next.lastItem}\`)` : ""}; the list stops when ${stop}; a cursor that repeats one already sent is an \`invalid_response\`, never a loop. Each
  page is retried on its own; an abort of \`signal\` stops it.`,
    );
  }
  lines.push(
    "",
    "  ```ts",
    ...(config.get ? [`  const number = await ${vendor}.getPhoneNumber(${id});`] : []),
    ...(config.list
      ? [`  for await (const item of ${vendor}.listPhoneNumbers({ limit: 100 })) console.log(item);`]
      : []),
    "  ```",
    "",
  );
  return `${lines.join("\n")}\n`;
}

export function renderReadme(model: VendorModel): string {
  const { vendor, descriptor, config } = model;
  const { title } = config;
  const Name = pascal(vendor);
  const { auth } = descriptor;
  const authText = !auth.declared
    ? `none declared by ${title}: \`Authorization: Bearer <key>\` when a key is given †`
    : auth.scheme === "bearer"
      ? "`Authorization: Bearer <key>`"
      : `\`${auth.header}: <key>\` (raw, no \`Bearer\`)`;
  const headers = Object.entries(descriptor.headers)
    .map(([name, value]) => `\`${name}: ${value}\` (sent on every request)`)
    .join(", ");
  const body = JSON.stringify(config.contract.body)
    .replace(/"([a-zA-Z_]+)":/g, "$1: ")
    .replace(/,/g, ", ");
  const baseOption =
    descriptor.defaultBaseUrl === undefined ? `, baseUrl: process.env.${descriptor.envPrefix}_BASE_URL` : "";
  const secrets = [...new Set([...descriptor.secrets.request, ...descriptor.secrets.response])];
  return `${markdownHeader(vendor)}
# @phonebridge/${vendor}

Typed client for ${title}'s API, generated from ${title}'s own OpenAPI document
([specs/${vendor}](${repositoryUrl(`specs/${vendor}`)})) with openapi-typescript and openapi-fetch.

\`\`\`sh
npm install @phonebridge/${vendor}
\`\`\`

\`\`\`ts
import { create${Name}Client } from "@phonebridge/${vendor}";

const ${vendor} = create${Name}Client({ apiKey: process.env.${descriptor.envPrefix}_API_KEY${baseOption} });
const updated = await ${vendor}.updatePhoneNumber(${JSON.stringify(config.contract.id)}, ${body});
console.log(updated);
\`\`\`

## What it sends

| | |
|---|---|
| update | \`${descriptor.update.method} ${descriptor.update.path}\` |
${config.get ? `| get | \`GET ${config.get.path}\` (\`getPhoneNumber\`) |\n` : ""}${config.list ? `| list | \`GET ${config.list.path}\`, pages by \`${config.list.pagination.request}\` (\`listPhoneNumbers\`) |\n` : ""}| base URL | ${descriptor.defaultBaseUrl ? `\`${descriptor.defaultBaseUrl}\`` : `none published: \`baseUrl\` or \`${descriptor.envPrefix}_BASE_URL\` is required`} (option \`baseUrl\`, env \`${descriptor.envPrefix}_BASE_URL\`) |
| auth | ${authText}; key from option \`apiKey\`, else env \`${descriptor.envPrefix}_API_KEY\` |
| required headers | ${headers || "none"} |
| other headers | \`accept\` and \`content-type: application/json\`, \`user-agent: @phonebridge/${vendor}/<version> node/<version>\`, and yours (\`defaultHeaders\`, a call's \`headers\`) |
| redirects | never followed (\`redirect: "error"\`): a 3xx is an \`invalid_response\`, the key goes to no other host |
| path parameter | encoded as ${title}'s own SDKs do: RFC 3986 path characters (such as \`+\`) as they are, the rest percent-encoded; \`""\`, \`.\` and \`..\` refused before sending |
${descriptor.errors.length ? `| error codes | as [\`@phonebridge/facade\`](${repositoryUrl("packages/facade")}#errors) maps statuses, and ${title}'s own: ${descriptor.errors.map((rule) => `${rule.status} with a message matching \`${rule.message}\` is \`${rule.code}\` †`).join("; ")} |\n` : ""}${secrets.length ? `| secret fields | ${secrets.map((name) => `\`${name}\``).join(", ")}: redacted in every error body this package keeps |\n` : ""}
† inferred by phonebridge, not documented by ${title}: see [provenance](${repositoryUrl(`specs/${vendor}/provenance.yaml`, "blob")}).

## API

- \`create${Name}Client(options?)\`: the client, whose
  \`updatePhoneNumber(id, body, options?)\` resolves with the typed response body or
  rejects with a \`PhoneBridgeError\` (\`code\`, \`status\`, \`vendorMessage\`, redacted \`body\`,
  \`headers\`, \`requestId\`). It runs on the facade's request pipeline (below), so the same
  answer gives the same error in both.
${readsApi(model)}- \`create${Name}Transport(options?)\`: the request pipeline with the update alone, which
  \`@phonebridge/facade\` builds on.
- \`create${Name}OpenApiClient(options?)\` from \`@phonebridge/${vendor}/openapi-fetch\`: an
  [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client typed with every operation of the
  spec (\`client.PATCH(...)\`, middleware and all), on the same transport: the same key, base URL,
  headers and fetch, the same path encoding, redirects refused, but one attempt per call. A
  subpath of its own, so that a bundle of the main entry holds no openapi-fetch.
- A missing key${descriptor.defaultBaseUrl === undefined ? " is fine (none is declared), a missing base URL" : ""} is a \`PhoneBridgeError\` with code \`invalid_input\`
  naming the option and its env var, thrown before any request.
- Types: \`paths\`, \`components\`, \`operations\` (openapi-typescript), \`UpdatePhoneNumberBody\`,
  \`UpdatePhoneNumberResponse\`${config.get ? ", `GetPhoneNumberResponse`" : ""}${config.list ? ", `ListPhoneNumbersQuery`, `ListPhoneNumbersPage`, `ListPhoneNumbersItem`, `PageList`" : ""}; \`ClientPaths\` and \`${Name}OpenApiClient\` from the subpath. The effective spec is exported as \`@phonebridge/${vendor}/openapi.json\`.
- \`@phonebridge/${vendor}/validate\` (apart from the main entry, so a bundle that does not use it
  leaves it out): \`responseValidators\`, generated from the spec, check a 2xx response body
  (\`update\`${config.get ? ", `get`" : ""}${config.list ? ", `listPage`, `listItem`" : ""}) and return its drift, \`{ path, problem }[]\`
  (\`[]\` when it conforms).

## Options

| client option | default |
|---|---|
| \`apiKey\` | \`${descriptor.envPrefix}_API_KEY\` |
| \`baseUrl\` | \`${descriptor.envPrefix}_BASE_URL\`${descriptor.defaultBaseUrl ? `, then \`${descriptor.defaultBaseUrl}\`` : " (required: none is published)"} |
| \`fetch\` | none: node:http in Node (a global \`fetch\` replaced after load is used instead), \`globalThis.fetch\` elsewhere |
| \`defaultHeaders\` (or \`headers\`, its first name) | none: headers sent with every request |
| \`timeoutMs\` | 60 000 ms per attempt |
| \`maxRetries\` | 2 (3 attempts): 408, 409, 429, 5xx, timeouts and connection errors; 0 turns retries off |
| \`logLevel\` | \`PHONEBRIDGE_LOG\`, else \`warn\`: \`debug\` logs every attempt, \`info\` the failed ones, \`warn\` and \`off\` none |
| \`logger\` | \`console\`; any object with \`debug\`, \`info\` and \`warn\` |

Any option may be \`undefined\`, as if left out. Per call, \`updatePhoneNumber(id, body, options)\`
takes \`signal\`, \`timeoutMs\`, \`maxRetries\` and \`headers\` (each replaces the client's for
this call) and \`withResponse\`:

\`\`\`ts
const ${vendor} = create${Name}Client({
  apiKey: process.env.${descriptor.envPrefix}_API_KEY,${
    descriptor.defaultBaseUrl === undefined
      ? `
  baseUrl: process.env.${descriptor.envPrefix}_BASE_URL,`
      : ""
  }
  defaultHeaders: { "User-Agent": "acme-sync/1.4" }, // replaces @phonebridge/${vendor}/<version> node/<version>
  maxRetries: 4,
  logLevel: "debug", // one line per attempt, redacted, to console (or to \`logger\`)
});
const { data, response } = await ${vendor}.updatePhoneNumber(${JSON.stringify(config.contract.id)}, ${body}, {
  signal: AbortSignal.timeout(10_000),
  timeoutMs: 3_000,
  headers: { "x-request-source": "nightly-sync" },
  withResponse: true, // { data, response: { status, headers, requestId } }
});
console.log(response.requestId); // quote it to ${title}'s support
\`\`\`

A header you give replaces the default of that name, whatever its case (\`User-Agent\`, \`accept\`,
\`content-type\`); the auth header${
    Object.keys(descriptor.headers).length
      ? ` and ${Object.keys(descriptor.headers)
          .map((name) => `\`${name}\``)
          .join(", ")}`
      : ""
  } cannot be replaced (\`invalid_input\`, nothing sent).
\`response.headers\` and an error's \`headers\` leave out the headers that can hold secrets
(\`set-cookie\`, \`authorization\`, \`www-authenticate\`, …) and redact the key in the others;
\`requestId\` is the first of \`x-request-id\`, \`request-id\`, \`x-amzn-requestid\`, \`cf-ray\`.

${UPDATE_PATH}

${moduleFormat(`@phonebridge/${vendor}`)}

This package is generated: its source changes only through \`specs/${vendor}/\` and
\`pnpm generate ${vendor}\`. For one call that behaves the same on every vendor, use
[\`@phonebridge/facade\`](${repositoryUrl("packages/facade")}).
`;
}
