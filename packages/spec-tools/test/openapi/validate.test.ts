// The one OpenAPI validator (src/openapi/validate.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateOpenApi } from "../../src/openapi/validate.js";
import { listVendors } from "../../src/repo.js";
import { REPO } from "../helpers.js";

const minimal = () => ({
  openapi: "3.0.3",
  info: { title: "x", version: "1" },
  paths: {
    "/a/{id}": {
      get: {
        operationId: "getA",
        parameters: [{ in: "path", name: "id", required: true, schema: { type: "string" } }],
        responses: { 200: { description: "ok" } },
      },
    },
  },
});

describe("the OpenAPI validator", () => {
  it("accepts every vendor's effective spec", async () => {
    for (const vendor of listVendors(REPO)) {
      const spec = JSON.parse(readFileSync(join(REPO, "packages", vendor, "openapi.json"), "utf8"));
      expect(await validateOpenApi(spec), vendor).toEqual([]);
    }
  });

  it("refuses what is not OpenAPI 3.0 or 3.1", async () => {
    expect(await validateOpenApi({ swagger: "2.0", paths: {} })).toEqual([
      '"openapi" must be a 3.0.x or 3.1.x version string (found "2.0")',
    ]);
    expect(await validateOpenApi({ openapi: "3.0.3", info: {} })).toEqual(['the document has no "paths"']);
  });

  it("refuses unresolved references, undeclared path parameters and duplicate operationIds", async () => {
    const dangling = minimal();
    Object.assign(dangling.paths["/a/{id}"].get.responses[200], {
      content: { "application/json": { schema: { $ref: "#/x" } } },
    });
    expect((await validateOpenApi(dangling)).join("\n")).toMatch(/Can't resolve \$ref/);
    const undeclared = minimal();
    undeclared.paths["/a/{id}"].get.parameters = [];
    expect((await validateOpenApi(undeclared)).join("\n")).toMatch(/path parameter/i);
    const twice = {
      ...minimal(),
      paths: { ...minimal().paths, "/b": { get: { ...minimal().paths["/a/{id}"].get, parameters: [] } } },
    };
    expect((await validateOpenApi(twice)).join("\n")).toMatch(/operationId/);
  });

  it("refuses a structurally invalid document (Cartesia's published discriminator mapping)", async () => {
    const spec = minimal();
    Object.assign(spec, {
      components: {
        schemas: {
          A: { type: "object" },
          U: {
            oneOf: [{ $ref: "#/components/schemas/A" }],
            discriminator: { propertyName: "t", mapping: { a: { $ref: "#/components/schemas/A" } } },
          },
        },
      },
    });
    expect((await validateOpenApi(spec)).join("\n")).toMatch(/mapping/);
  });
});
