// The one OpenAPI validator of the tools: `specs:pull` checks a pulled document with it, CI
// (`specs:validate`) every effective spec, and the generator hands the same Redocly configuration
// to openapi-typescript, whose own validation pass then checks exactly these rules (no second
// pass over the document).
//
// Only validity counts, not style: Redocly's `struct` rule (the OpenAPI schema, 3.0 and 3.1),
// references that resolve, path parameters declared, operationIds unique (they name the entries
// of the generated `operations` type), and no two paths that differ only in parameter names.
import { BaseResolver, type Config, createConfig, lintDocument, makeDocumentFromString } from "@redocly/openapi-core";
import { errorMessage, isObject } from "../json.js";

export const VALIDATION_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "path-parameters-defined": "error",
  "operation-operationId-unique": "error",
  "no-identical-paths": "error",
} as const;

let configPromise: Promise<Config> | undefined;

/** Redocly's configuration with the rules above and nothing else (no preset is extended). */
export function validationConfig(): Promise<Config> {
  configPromise ??= createConfig({ rules: { ...VALIDATION_RULES } });
  return configPromise;
}

/** What phonebridge reads: an OpenAPI 3.0 or 3.1 document with paths. Empty when it is one. */
export function versionProblems(spec: unknown): string[] {
  if (!isObject(spec)) return ["the document is not an object"];
  if (typeof spec.openapi !== "string" || !/^3\.[01]\.\d+$/.test(spec.openapi)) {
    return [
      `"openapi" must be a 3.0.x or 3.1.x version string (found ${JSON.stringify(spec.openapi ?? spec.swagger ?? null)})`,
    ];
  }
  if (!isObject(spec.paths)) return ['the document has no "paths"'];
  return [];
}

/** The errors of a parsed document, empty when it is valid OpenAPI 3.0 or 3.1. */
export async function validateOpenApi(spec: unknown): Promise<string[]> {
  const first = versionProblems(spec);
  if (first.length) return first;
  const document = makeDocumentFromString(JSON.stringify(spec), "openapi.json");
  try {
    const problems = await lintDocument({
      document,
      config: (await validationConfig()).styleguide,
      externalRefResolver: new BaseResolver(),
    });
    return problems
      .filter((problem) => problem.severity === "error")
      .map((problem) => {
        const pointer = problem.location[0]?.pointer;
        return `${problem.message}${pointer ? ` (at ${pointer.replace(/^#/, "")})` : ""}`;
      });
  } catch (error) {
    return [`the validator could not read the document: ${errorMessage(error)}`];
  }
}
