/**
 * The adapters against the vendor packages' effective specs (packages/<vendor>/openapi.json):
 * the validators of the 2xx body, the update operation, and the request fields each change
 * writes. A regenerated spec that changes any of them fails here, not in production.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Adapter } from "../src/adapter.js";
import { ADAPTERS, PROVIDERS } from "./vendors.js";

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
};
type Spec = {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: Schema }> };
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

const require = createRequire(import.meta.url);

function load(vendor: string): Spec {
  return JSON.parse(readFileSync(require.resolve(`@phonebridge/${vendor}/openapi.json`), "utf8")) as Spec;
}

function deref(spec: Spec, schema: Schema): Schema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return deref(spec, spec.components?.schemas?.[name] as Schema);
}

/** Request properties of every member of the body schema. */
function propertiesOf(spec: Spec, raw: Schema): Set<string> {
  const schema = deref(spec, raw);
  const names = new Set(Object.keys(schema.properties ?? {}));
  for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    for (const name of propertiesOf(spec, part)) names.add(name);
  }
  return names;
}

describe.each(PROVIDERS)("%s adapter vs its effective spec", (vendor) => {
  const adapter = ADAPTERS[vendor] as Adapter;
  const spec = load(vendor);
  const { method, path } = adapter.descriptor.update;
  const operation = spec.paths[path]?.[method.toLowerCase()];

  it("the update operation exists", () => {
    expect(operation).toBeDefined();
  });

  it("checks the 2xx body with the validators generated from the same spec", async () => {
    const generated = (await import(`@phonebridge/${vendor}/validate`)) as { responseValidators: unknown };
    expect(adapter.validators).toBe(generated.responseValidators);
  });

  it("maps every supported change onto a request field of the spec", () => {
    const schema = operation?.requestBody?.content["application/json"]?.schema as Schema;
    const properties = propertiesOf(spec, schema);
    for (const change of ["agentId", "label", "outboundAgentId"] as const) {
      const capability = adapter.capabilities[change];
      if (capability.set === "unsupported" && capability.clear === "unsupported") continue;
      expect(properties, `${vendor} ${change}`).toContain(capability.field);
    }
  });
});
