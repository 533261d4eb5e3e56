// api.md: one line per operation of the spec, and the package's own functions.
import { objectOr } from "../json.js";
import { HTTP_METHODS } from "../openapi/methods.js";
import { markdownHeader, pascal } from "./header.js";
import type { VendorModel } from "./model.js";

export function renderApiIndex(model: VendorModel): string {
  const { vendor, spec, descriptor, config } = model;
  const Name = pascal(vendor);
  const rows: string[] = [];
  for (const [path, item] of Object.entries(objectOr(objectOr(spec).paths))) {
    for (const method of HTTP_METHODS) {
      const operation = objectOr(item)[method];
      if (!operation) continue;
      const { summary, description, operationId } = objectOr(operation);
      const line = String(summary ?? description ?? "")
        .split("\n")[0]
        ?.replace(/\|/g, "\\|");
      rows.push(`| \`client.${method.toUpperCase()}("${path}", …)\` | \`${operationId ?? "-"}\` | ${line} |`);
    }
  }
  const { method, path } = descriptor.update;
  return `${markdownHeader(vendor)}
# @phonebridge/${vendor} API

| function | returns |
|---|---|
| \`create${Name}Client(options?)\` | \`${Name}Client\`: \`updatePhoneNumber\` on the request pipeline |
| \`client.updatePhoneNumber(id, body, { signal }?)\` | \`Promise<UpdatePhoneNumberResponse>\` (\`${method} ${path}\`), or a \`PhoneBridgeError\` |
| \`create${Name}Transport(options?)\` | \`${Name}Transport\`: the lean update path (\`send\`, \`update\`) |
| \`${vendor}Descriptor\` | what the package knows about ${config.title}'s API (base URL, auth, headers, operation, secrets) |

## Operations of the spec (\`@phonebridge/${vendor}/openapi-fetch\`)

\`const client = create${Name}OpenApiClient(options?)\`: an openapi-fetch \`Client\` on the same transport (one attempt per call).

| call | operationId | summary |
|---|---|---|
${rows.join("\n")}

Types: \`paths\`, \`components\`, \`operations\`, \`UpdatePhoneNumberBody\`, \`UpdatePhoneNumberResponse\`.
`;
}
