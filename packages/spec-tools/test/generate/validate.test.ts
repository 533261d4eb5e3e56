// The generated response validators agree with the spec: on every vendor's phone-number
// responses (update, get, list page, list item), valid bodies give no drift and every mutation of
// them (a field removed; a value replaced by null, a number, a string, a boolean, an array or an
// object; an unknown enum value) gives drift exactly when ajv, a full JSON Schema validator, finds
// the body invalid against the same schema, with drift paths at the mutation. ajv is given the
// schema without what drift leaves out on purpose (formats, patterns, bounds, closed objects:
// packages/core/src/drift.ts), and `oneOf` read as `anyOf` (drift asks for a matching branch,
// not exactly one). Prism's own examples are checked by each vendor's contract test.
import { checkDrift, type DriftTable } from "@phonebridge/core";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { typeList, view } from "../../src/diff/schema-object/view.js";
import { driftTable } from "../../src/generate/validate.js";
import { isObject, type JsonObject } from "../../src/json.js";
import { listVendors } from "../../src/repo.js";
import { phoneNumberOperations } from "../../src/spec/operations.js";
import { loadVendorSpec } from "../../src/spec/vendor-spec.js";
import { REPO } from "../helpers.js";

/** What drift does not check, and so is left out of the schema ajv gets. */
const LEFT_OUT = new Set([
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "discriminator",
  "example",
  "examples",
  "readOnly",
  "writeOnly",
  "deprecated",
]);

function forAjv(node: unknown, names = false): unknown {
  if (Array.isArray(node)) return node.map((item) => forAjv(item));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (!names && (LEFT_OUT.has(key) || key.startsWith("x-"))) continue;
    if (!names && key === "additionalProperties" && value === false) continue;
    if (!names && (key === "enum" || key === "const" || key === "default")) {
      out[key] = value;
      continue;
    }
    if (!names && key === "$ref" && typeof value === "string") {
      out[key] = `spec${value}`;
      continue;
    }
    out[!names && key === "oneOf" ? "anyOf" : key] = forAjv(value, !names && key === "properties");
  }
  return out;
}

type Segment = string | number;
const text = (path: readonly Segment[]) =>
  path
    .map((s, i) =>
      typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? (i ? `.${s}` : s) : `[${JSON.stringify(s)}]`,
    )
    .join("");

/** A valid body of `raw`, every listed property present; `pick` chooses each union's branch. */
function sample(spec: unknown, raw: unknown, pick: (count: number) => number, depth = 0): unknown {
  const { schema } = view(spec, raw);
  if (depth > 8) return null;
  const union = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (union?.length) {
    const branch = sample(spec, union[pick(union.length)], pick, depth + 1);
    if (!isObject(branch) || !isObject(schema.properties)) return branch;
  }
  if (Array.isArray(schema.enum)) return schema.enum[pick(schema.enum.length)];
  const type = (typeList(schema) ?? []).find((t) => t !== "null");
  if (type === "string") return "x";
  if (type === "integer") return 7;
  if (type === "number") return 0.5;
  if (type === "boolean") return true;
  if (type === "array") return schema.items === undefined ? [] : [sample(spec, schema.items, pick, depth + 1)];
  if (type === "object" || isObject(schema.properties)) {
    const out: JsonObject = {};
    for (const [name, property] of Object.entries((schema.properties as JsonObject | undefined) ?? {})) {
      out[name] = sample(spec, property, pick, depth + 1);
    }
    if (union?.length) Object.assign(out, sample(spec, union[pick(union.length)], pick, depth + 1));
    return out;
  }
  return "anything";
}

/** Every mutation of `body`: where, and the mutated body. */
function* mutations(body: unknown, skip: (path: Segment[]) => boolean): Generator<[Segment[], unknown]> {
  const replacements: unknown[] = [null, 7, 0.5, "zz-unknown-value", true, [], {}];
  function* walk(node: unknown, path: Segment[]): Generator<[Segment[], (value: unknown) => unknown, boolean]> {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) {
        yield [[...path, i], (v) => node.map((x, j) => (j === i ? v : x)), false];
        for (const [p, set] of walkInner(item, [...path, i]))
          yield [p, (v) => node.map((x, j) => (j === i ? set(v) : x)), p.length > path.length + 1];
      }
    } else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        yield [[...path, key], (v) => (v === REMOVE ? omit(node, key) : { ...node, [key]: v }), true];
        for (const [p, set] of walkInner(value, [...path, key])) yield [p, (v) => ({ ...node, [key]: set(v) }), true];
      }
    }
  }
  function* walkInner(node: unknown, path: Segment[]): Generator<[Segment[], (value: unknown) => unknown]> {
    for (const [p, set] of walk(node, path)) yield [p, set];
  }
  for (const [path, set, removable] of walk(body, [])) {
    if (skip(path)) continue;
    for (const value of removable && typeof path.at(-1) === "string" ? [REMOVE, ...replacements] : replacements) {
      yield [path, set(value)];
    }
  }
}
const REMOVE = Symbol("remove");
const omit = (node: JsonObject, key: string) => Object.fromEntries(Object.entries(node).filter(([k]) => k !== key));

/** Whether a drift path is at the mutation, inside it, or at a union around it. */
const related = (drift: string, mutated: string) =>
  drift === mutated ||
  drift === "" ||
  mutated.startsWith(`${drift}.`) ||
  mutated.startsWith(`${drift}[`) ||
  drift.startsWith(`${mutated}.`) ||
  drift.startsWith(`${mutated}[`);

for (const vendor of listVendors(REPO)) {
  const loaded = loadVendorSpec(REPO, vendor);
  const operations = phoneNumberOperations(loaded);
  const { builder, roots } = driftTable(loaded);
  const { nodes, roots: compacted } = builder.compacted(roots);
  const table = nodes as unknown as DriftTable;
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema(forAjv(loaded.spec) as JsonObject, "spec");
  const schemaOf = (raw: unknown) => ajv.compile(forAjv(raw) as JsonObject);

  const cases: { name: string; root: number; schema: unknown; skip?: (path: Segment[]) => boolean }[] = [
    {
      name: `update (${operations.update.method} ${operations.update.path})`,
      root: compacted.update,
      schema: operations.update.schema,
    },
  ];
  if (operations.get && compacted.get !== undefined) {
    cases.push({ name: `get (${operations.get.path})`, root: compacted.get, schema: operations.get.schema });
  }
  if (operations.list && compacted.listPage !== undefined && compacted.listItem !== undefined) {
    const items = operations.list.pagination.response.items;
    cases.push(
      {
        name: `list page (${operations.list.path}), its items apart`,
        root: compacted.listPage,
        schema: operations.list.schema,
        // The page's items are listItem's: a page is checked with valid items only.
        skip: (path) => path[0] === items && path.length > 1,
      },
      { name: `list item (${operations.list.path})`, root: compacted.listItem, schema: operations.list.item },
    );
  }

  describe(`${vendor}: the generated response validators agree with the spec`, () => {
    for (const { name, root, schema, skip } of cases) {
      if (schema === undefined) continue;
      const validate = schemaOf(schema);
      const branches = (() => {
        const { schema: top } = view(loaded.spec, schema);
        const union = (top.oneOf ?? top.anyOf) as unknown[] | undefined;
        return union?.length ?? 1;
      })();
      const bodies = [
        ...Array.from({ length: branches }, (_, i) => sample(loaded.spec, schema, (n) => (n === branches ? i : 0))),
        sample(loaded.spec, schema, (n) => n - 1),
      ];

      it(`${name}: valid bodies (${bodies.length}) give no drift`, () => {
        for (const body of bodies) {
          expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
          expect(checkDrift(table, root, body)).toEqual([]);
        }
      });

      it(`${name}: every mutation gives drift exactly when ajv finds it invalid, at the mutation`, () => {
        let invalid = 0;
        let total = 0;
        for (const body of bodies) {
          for (const [path, mutated] of mutations(body, skip ?? (() => false))) {
            total += 1;
            const drift = checkDrift(table, root, mutated);
            const valid = validate(mutated);
            expect(
              drift.length === 0,
              `${text(path)} → ${JSON.stringify(mutated).slice(0, 300)}: ${JSON.stringify(drift)} vs ajv ${JSON.stringify(validate.errors)}`,
            ).toBe(valid);
            if (!valid) invalid += 1;
            for (const found of drift)
              expect(related(found.path, text(path)), `${found.path} for ${text(path)}`).toBe(true);
          }
        }
        // The mutations really reach the schema: most of them are drift.
        expect(invalid).toBeGreaterThan(total / 3);
      });
    }
  });
}

describe("named cases", () => {
  const validators = (vendor: string) => {
    const loaded = loadVendorSpec(REPO, vendor);
    const { builder, roots } = driftTable(loaded);
    const { nodes, roots: r } = builder.compacted(roots);
    return { table: nodes as unknown as DriftTable, roots: r };
  };

  it.each(listVendors(REPO))("%s: the table holds only what its validators reach, each shape once", (vendor) => {
    const { table, roots } = validators(vendor);
    const reached = new Set<number>();
    const visit = (index: number) => {
      if (reached.has(index)) return;
      reached.add(index);
      const { properties, additional, items, oneOf, anyOf, discriminator } = table[index] ?? {};
      for (const next of [
        ...Object.values(properties ?? {}),
        ...(additional === undefined ? [] : [additional]),
        ...(items === undefined ? [] : [items]),
        ...(oneOf ?? []),
        ...(anyOf ?? []),
        ...Object.values(discriminator?.mapping ?? {}),
      ]) {
        visit(next);
      }
    };
    for (const root of Object.values(roots)) if (root !== undefined) visit(root);
    // A list's whole page (its items included) is no validator's: listPage checks it without them.
    expect([...reached].sort((a, b) => a - b)).toEqual(table.map((_, index) => index));
    expect(new Set(table.map((node) => JSON.stringify(node))).size).toBe(table.length);
  });

  it("Verbex's update response, an anyOf of three: a body of any branch passes, a wrong field is named", () => {
    const { table, roots } = validators("verbex");
    for (const provider of ["sip", "pia", "twilio"]) {
      expect(checkDrift(table, roots.update, { phone_number: "+14155552671", provider })).toEqual([]);
    }
    expect(checkDrift(table, roots.update, { phone_number: "+14155552671", provider: "plivo" })).toEqual([
      { path: "provider", problem: "unknown enum value" },
    ]);
    expect(checkDrift(table, roots.update, { provider: "sip" })).toEqual([
      { path: "phone_number", problem: "required field missing" },
    ]);
  });

  it("Cartesia's update response, a discriminated union: the provider's type picks the branch", () => {
    const { table, roots } = validators("cartesia");
    const number = {
      id: "pn_1",
      number: "+14155550100",
      label: null,
      agent: null,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      provider: { type: "cartesia" },
    };
    expect(checkDrift(table, roots.update, number)).toEqual([]);
    expect(checkDrift(table, roots.update, { ...number, provider: { type: "twilio", id: "p" } })).toEqual([
      { path: "provider.account_sid", problem: "required field missing" },
      { path: "provider.api_key_sid", problem: "required field missing" },
      { path: "provider.region", problem: "required field missing" },
    ]);
    expect(checkDrift(table, roots.update, { ...number, agent: { id: "a", name: 3 } })).toEqual([
      { path: "agent.name", problem: "expected string, got number" },
    ]);
  });

  it("Retell's list item reads the list page's own AgentVersionReference, its update the update page's", () => {
    const { table, roots } = validators("retell");
    expect(roots.listItem).toBe(roots.get);
    const number = {
      phone_number: "+14157774444",
      phone_number_type: "retell-twilio",
      last_modification_timestamp: 1703413636133,
      inbound_agents: [{ agent_id: "a", agent_version: "latest", weight: 1 }],
    };
    expect(checkDrift(table, roots.update, number)).toEqual([]);
    expect(checkDrift(table, roots.listItem as number, number)).toEqual([]);
    expect(checkDrift(table, roots.listItem as number, { ...number, phone_number_type: "retell-plivo" })).toEqual([
      { path: "phone_number_type", problem: "unknown enum value" },
    ]);
  });
});
