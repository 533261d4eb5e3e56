// Validates an OpenAPI 3.x document with Redocly's OpenAPI core (the validator openapi-typescript
// itself is built on). Only structural errors count: the `struct` rule (the OpenAPI schema for
// 3.0 and 3.1) and unresolved $refs. Style warnings are not validity.
import { BaseResolver, createConfig, lintDocument, makeDocumentFromString } from "@redocly/openapi-core";

let configPromise;
function config() {
  configPromise ??= createConfig({
    rules: {
      struct: "error",
      "no-unresolved-refs": "error",
      "path-parameters-defined": "error",
      "operation-operationId-unique": "error",
      "no-identical-paths": "error",
    },
  });
  return configPromise;
}

/**
 * @param {object} spec a parsed OpenAPI document
 * @returns {Promise<string[]>} the errors, empty when the document is valid OpenAPI 3.x
 */
export async function validateOpenApi(spec) {
  if (!spec || typeof spec !== "object" || Array.isArray(spec)) return ["the document is not an object"];
  if (typeof spec.openapi !== "string" || !/^3\.[01]\.\d+$/.test(spec.openapi)) {
    return [
      `"openapi" must be a 3.0.x or 3.1.x version string (found ${JSON.stringify(spec.openapi ?? spec.swagger ?? null)})`,
    ];
  }
  if (!spec.paths || typeof spec.paths !== "object") return ['the document has no "paths"'];
  const document = makeDocumentFromString(JSON.stringify(spec), "openapi.json");
  let problems;
  try {
    problems = await lintDocument({
      document,
      config: (await config()).styleguide,
      externalRefResolver: new BaseResolver(),
    });
  } catch (error) {
    return [`the validator could not read the document: ${error.message}`];
  }
  return problems
    .filter((p) => p.severity === "error")
    .map((p) => `${p.message}${p.location?.[0]?.pointer ? ` (at ${p.location[0].pointer.replace(/^#/, "")})` : ""}`);
}
