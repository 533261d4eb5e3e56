// README.md of a vendor package: how to use it, and what it sends.
import { markdownHeader, pascal } from "./header.js";
import type { VendorModel } from "./model.js";
import { repositoryUrl } from "./repository.js";

/**
 * What the lean `updatePhoneNumber` does and does not do, said once for every vendor package: it
 * is one `fetch` per call, outside openapi-fetch, so the client's middleware does not see it,
 * and it has no retries or timeouts of its own (the facade's retry policy,
 * docs/CONTRACT.md#retries-and-time). Change this text when that changes.
 */
export const LEAN_PATH = `\`updatePhoneNumber\` is the lean path: one \`fetch(url, init)\` per call. It does **not** run
the openapi-fetch middleware registered with \`client.use()\` (the client's \`GET\`, \`PATCH\`, ...
calls do), and it makes one attempt with no timeout of its own: pass a \`signal\` to abort it.
Retries and per-attempt timeouts live in [\`@phonebridge/facade\`](${repositoryUrl("packages/facade")}).`;

/** How the packages load: the same paragraph in every package's README. */
export function moduleFormat(name: string): string {
  return `## Module format

ESM only (\`import\`). From CommonJS, \`require("${name}")\` works on Node 20.19+ and 22.12+,
which load ES modules through \`require\` without a flag; on older Node, use
\`await import("${name}")\`. TypeScript in a CommonJS project compiles it with
\`"module": "nodenext"\` (\`node16\` reports TS1479).`;
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
| base URL | ${descriptor.defaultBaseUrl ? `\`${descriptor.defaultBaseUrl}\`` : `none published: \`baseUrl\` or \`${descriptor.envPrefix}_BASE_URL\` is required`} (option \`baseUrl\`, env \`${descriptor.envPrefix}_BASE_URL\`) |
| auth | ${authText}; key from option \`apiKey\`, else env \`${descriptor.envPrefix}_API_KEY\` |
| required headers | ${headers || "none"} |
| path parameter | encoded as ${title}'s own SDKs do: RFC 3986 path characters (such as \`+\`) as they are, the rest percent-encoded; \`""\`, \`.\` and \`..\` refused before sending |
${secrets.length ? `| secret fields | ${secrets.map((name) => `\`${name}\``).join(", ")}: redacted in every error body this package keeps |\n` : ""}
† inferred by phonebridge, not documented by ${title}: see [provenance](${repositoryUrl(`specs/${vendor}/provenance.yaml`, "blob")}).

## API

- \`create${Name}Client(options?)\`: an [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client typed
  with every operation of the spec (\`client.PATCH(...)\`, middleware and all), plus
  \`updatePhoneNumber(id, body, { signal }?)\`, which resolves with the typed response body or
  rejects with a \`PhoneBridgeError\` (\`code\`, \`status\`, \`vendorMessage\`, redacted \`body\`).
- \`create${Name}Transport(options?)\`: the lean update path alone (one \`fetch(url, init)\` per call),
  which \`@phonebridge/facade\` builds on.
- Options: \`apiKey\`, \`baseUrl\`, \`fetch\` (your own fetch), \`headers\` (extra headers).
- A missing key${descriptor.defaultBaseUrl === undefined ? " is fine (none is declared), a missing base URL" : ""} is a \`PhoneBridgeError\` with code \`invalid_input\`
  naming the option and its env var, thrown before any request.
- Types: \`paths\`, \`components\`, \`operations\` (openapi-typescript), \`UpdatePhoneNumberBody\`,
  \`UpdatePhoneNumberResponse\`. The effective spec is exported as \`@phonebridge/${vendor}/openapi.json\`.

${LEAN_PATH}

${moduleFormat(`@phonebridge/${vendor}`)}

This package is generated: its source changes only through \`specs/${vendor}/\` and
\`pnpm generate ${vendor}\`. For one call that behaves the same on every vendor, use
[\`@phonebridge/facade\`](${repositoryUrl("packages/facade")}).
`;
}
