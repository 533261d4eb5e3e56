// The one assembly of a vendor's pages into its effective spec (src/spec/assemble.ts), by the
// merge rule of specs/README.md#specs-from-several-pages: each operation keeps its own page's
// components, servers and security; components equal but for documentation are shared; a real
// conflict keeps both, the later page's renamed with its $refs, and is reported.
import { describe, expect, it } from "vitest";
import { AssemblyError, assemble, pagePrefix } from "../../src/spec/assemble.js";
import { conflictProblems, withConflicts } from "../../src/spec/conflicts.js";
import { loadVendorSpec } from "../../src/spec/vendor-spec.js";
import { REPO } from "../helpers.js";

const ok = (ref: string) => ({
  "200": { description: "ok", content: { "application/json": { schema: { $ref: ref } } } },
});

const update = () => ({
  openapi: "3.0.3",
  info: { title: "Acme", version: "1" },
  servers: [{ url: "https://api.acme.test" }],
  security: [{ key: [] }],
  paths: {
    "/numbers/{id}": {
      parameters: [{ in: "path", name: "id", required: true, schema: { type: "string" } }],
      patch: { operationId: "update", responses: ok("#/components/schemas/Number") },
    },
  },
  components: {
    schemas: {
      Number: {
        type: "object",
        description: "A number.",
        properties: { id: { type: "string" }, agent: { $ref: "#/components/schemas/Agent" } },
      },
      Agent: { type: "string", pattern: "^[a-z]+$" },
    },
    securitySchemes: { key: { type: "http", scheme: "bearer" } },
  },
});

const list = (agent: unknown) => ({
  openapi: "3.0.3",
  info: { title: "Acme", version: "2", "x-acme-revision": "r2" },
  servers: [{ url: "https://api.acme.test" }],
  security: [{ key: [] }],
  paths: { "/numbers": { get: { operationId: "list", responses: ok("#/components/schemas/Page") } } },
  components: {
    schemas: {
      Page: {
        type: "object",
        properties: { items: { type: "array", items: { $ref: "#/components/schemas/Number" } } },
      },
      Number: {
        type: "object",
        description: "A phone number, reworded.",
        properties: { id: { type: "string" }, agent: { $ref: "#/components/schemas/Agent" } },
      },
      Agent: agent,
    },
    securitySchemes: { key: { type: "http", scheme: "bearer", description: "Reworded." } },
  },
});

const schemaOf = (spec: unknown, path: string, method: string): unknown =>
  // biome-ignore lint/suspicious/noExplicitAny: walking a test document
  (spec as any).paths[path][method].responses["200"].content["application/json"].schema;

describe("assembling a spec from several pages", () => {
  it("shares components that differ only in documentation keys, and reports no conflict", () => {
    const agent = { type: "string", pattern: "^[a-z]+$", description: "Reworded." };
    const { spec, conflicts } = assemble(
      "acme",
      [
        { file: "openapi.yaml", document: update() },
        { file: "list.yaml", document: list(agent) },
      ],
      null,
    );
    expect(conflicts).toEqual([]);
    // biome-ignore lint/suspicious/noExplicitAny: reading a test document
    const schemas = (spec as any).components.schemas;
    expect(Object.keys(schemas).sort()).toEqual(["Agent", "Number", "Page"]);
    expect(schemas.Number.description).toBe("A number."); // the first page's text is kept
    expect(schemaOf(spec, "/numbers", "get")).toEqual({ $ref: "#/components/schemas/Page" });
  });

  it("keeps both of a real conflict, the later page's renamed with every $ref that reaches it", () => {
    const agent = { type: "string", pattern: "^(latest|[a-z]+)$" };
    const { spec, conflicts } = assemble(
      "acme",
      [
        { file: "openapi.yaml", document: update() },
        { file: "list-numbers.yaml", document: list(agent) },
      ],
      null,
    );
    // biome-ignore lint/suspicious/noExplicitAny: reading a test document
    const schemas = (spec as any).components.schemas;
    expect(schemas.Agent).toEqual({ type: "string", pattern: "^[a-z]+$" });
    expect(schemas.ListNumbersAgent).toEqual(agent);
    // Number only refers to the conflicting Agent: it differs too, and is renamed with it.
    expect(schemas.ListNumbersNumber.properties.agent).toEqual({ $ref: "#/components/schemas/ListNumbersAgent" });
    expect(schemas.Number.properties.agent).toEqual({ $ref: "#/components/schemas/Agent" });
    expect(schemas.Page.properties.items.items).toEqual({ $ref: "#/components/schemas/ListNumbersNumber" });
    // The update operation reads exactly what its own page says.
    expect(schemaOf(spec, "/numbers/{id}", "patch")).toEqual({ $ref: "#/components/schemas/Number" });
    expect(conflicts).toEqual([
      {
        component: "schemas/Number",
        page: "list-numbers.yaml",
        renamed: "ListNumbersNumber",
        keeps: "openapi.yaml",
        through: ["schemas/Agent"],
      },
      {
        component: "schemas/Agent",
        page: "list-numbers.yaml",
        renamed: "ListNumbersAgent",
        keeps: "openapi.yaml",
        through: [],
      },
    ]);
  });

  it("resolves a later page's $ref to an earlier page's component, renamed or not", () => {
    const agent = { type: "string" };
    const get = {
      openapi: "3.0.3",
      info: { title: "Acme", version: "1" },
      paths: {
        "/numbers/{id}": {
          get: {
            parameters: [{ in: "path", name: "id", required: true, schema: { type: "string" } }],
            responses: ok("list.yaml#/components/schemas/Number"),
          },
        },
      },
    };
    const { spec } = assemble(
      "acme",
      [
        { file: "openapi.yaml", document: update() },
        { file: "list.yaml", document: list(agent) },
        { file: "get.yaml", document: get },
      ],
      null,
    );
    expect(schemaOf(spec, "/numbers/{id}", "get")).toEqual({ $ref: "#/components/schemas/ListNumber" });
    expect(() =>
      assemble(
        "acme",
        [
          { file: "openapi.yaml", document: update() },
          { file: "get.yaml", document: get },
        ],
        null,
      ),
    ).toThrow(
      /specs\/acme\/get\.yaml: \$ref list\.yaml#\/components\/schemas\/Number must name a component of an earlier page/,
    );
  });

  it("moves a shared path's parameters into the first page's operations, and gives a page's operations its own security", () => {
    const get = {
      openapi: "3.0.3",
      info: { title: "Acme", version: "1" },
      security: [],
      paths: {
        "/numbers/{id}": {
          get: {
            parameters: [{ in: "path", name: "id", required: true, schema: { type: "integer" } }],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const { spec } = assemble(
      "acme",
      [
        { file: "openapi.yaml", document: update() },
        { file: "get.yaml", document: get },
      ],
      null,
    );
    // biome-ignore lint/suspicious/noExplicitAny: reading a test document
    const item = (spec as any).paths["/numbers/{id}"];
    expect(item.parameters).toBeUndefined();
    expect(item.patch.parameters).toEqual([{ in: "path", name: "id", required: true, schema: { type: "string" } }]);
    expect(item.get.parameters).toEqual([{ in: "path", name: "id", required: true, schema: { type: "integer" } }]);
    expect(item.get.security).toEqual([]);
    expect(item.patch.security).toBeUndefined();
  });

  it("refuses an operation that two pages define, naming the page", () => {
    const again = { ...update(), components: undefined, paths: { "/numbers/{id}": { patch: { responses: {} } } } };
    expect(() =>
      assemble(
        "acme",
        [
          { file: "openapi.yaml", document: update() },
          { file: "again.yaml", document: again },
        ],
        null,
      ),
    ).toThrow(AssemblyError);
    expect(() =>
      assemble(
        "acme",
        [
          { file: "openapi.yaml", document: update() },
          { file: "again.yaml", document: again },
        ],
        null,
      ),
    ).toThrow(/specs\/acme\/again\.yaml: PATCH \/numbers\/\{id\} is defined by an earlier page too/);
  });

  it("applies an overlay fix to the page it names only", () => {
    const agent = { type: "string", pattern: "^[a-z]+$" };
    const overlay = {
      fixes: [{ name: "list-only", page: "list.yaml", reason: "r", target: "/info/version", expect: "2", set: "2b" }],
    };
    const { outcomes, spec } = assemble(
      "acme",
      [
        { file: "openapi.yaml", document: update() },
        { file: "list.yaml", document: list(agent) },
      ],
      overlay,
    );
    expect(outcomes.map((o) => o.status)).toEqual(["applied"]);
    // biome-ignore lint/suspicious/noExplicitAny: reading a test document
    expect((spec as any).info.version).toBe("1");
    const unknown = { fixes: [{ ...overlay.fixes[0], page: "nope.yaml" }] };
    expect(() => assemble("acme", [{ file: "openapi.yaml", document: update() }], unknown)).toThrow(
      /page must name an OpenAPI document of specs\/acme\/vendor\.yaml's pages \(openapi\.yaml\)/,
    );
  });

  it("names a page's renamed components by its file, deterministically", () => {
    expect(pagePrefix("list-phone-numbers.yaml")).toBe("ListPhoneNumbers");
    expect(pagePrefix("get_phone.number.v2.json")).toBe("GetPhoneNumberV2");
  });
});

describe("conflicts recorded in provenance.yaml", () => {
  const conflicts = [
    { component: "schemas/Agent", page: "list.yaml", renamed: "ListAgent", keeps: "openapi.yaml", through: [] },
  ];

  it("refuses a spec whose provenance does not record its conflicts, showing the list to write", () => {
    const problem = conflictProblems("acme", conflicts, "vendor: acme\n");
    expect(problem).toMatch(/specs\/acme\/provenance\.yaml does not record it/);
    expect(problem).toMatch(/component: schemas\/Agent\n\s+page: list\.yaml\n\s+renamed: ListAgent/);
    expect(conflictProblems("acme", conflicts, withConflicts("vendor: acme\n", conflicts))).toBeUndefined();
    expect(conflictProblems("acme", [], withConflicts("vendor: acme\n", conflicts))).toMatch(
      /Remove its conflicts list/,
    );
  });

  it("rewrites the conflicts block in place, keeping what follows it", () => {
    const text = `vendor: acme\nconflicts:\n  - component: old\n    page: x\nafter: 1\n`;
    expect(withConflicts(text, conflicts)).toBe(
      `vendor: acme\nconflicts:\n  - component: schemas/Agent\n    page: list.yaml\n    renamed: ListAgent\n    keeps: openapi.yaml\n    why: "the two differ beyond documentation keys"\nafter: 1\n`,
    );
    expect(withConflicts(text, [])).toBe("vendor: acme\nafter: 1\n");
  });
});

describe("Retell's spec from its update, list and get pages", () => {
  const { spec, assembly } = loadVendorSpec(REPO, "retell");

  it("keeps the update page's AgentVersionReference for update, and the list page's for list and get", () => {
    const update = schemaOf(spec, "/update-phone-number/{phone_number}", "patch");
    expect(update).toEqual({ $ref: "#/components/schemas/PhoneNumberResponse" });
    expect(schemaOf(spec, "/get-phone-number/{phone_number}", "get")).toEqual({
      $ref: "#/components/schemas/ListPhoneNumbersPhoneNumberResponse",
    });
    expect(assembly.conflicts.map((c) => c.renamed).sort()).toEqual([
      "ListPhoneNumbersAgentVersionReference",
      "ListPhoneNumbersAgentWeight",
      "ListPhoneNumbersPhoneNumberResponse",
    ]);
    expect(assembly.origin("/components/schemas/ListPhoneNumbersAgentVersionReference")).toEqual({
      file: "list-phone-numbers.yaml",
      pointer: "/components/schemas/AgentVersionReference",
    });
  });
});
