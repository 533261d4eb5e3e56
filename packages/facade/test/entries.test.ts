/**
 * Package shape: the exports map points at files the build makes, and each per-vendor entry
 * reaches (at run time) only its own adapter and vendor package, so a bundle of it holds no other.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "./vendors.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const VENDORS: readonly string[] = PROVIDERS;
const entryOf = (vendor: string) => join(root, "src", "generated", "entries", `${vendor}.ts`);

/** Runtime module specifiers of a TS source: `import type` / `export type` are erased. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of source.matchAll(/^(import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+"([^"]+)";/gm)) {
    if (match[2]) continue;
    const names = match[3] ?? "";
    // `import { type A, type B }` with only type names is erased too (verbatimModuleSyntax keeps it, but empty).
    const inner = names.match(/^\{([\s\S]*)\}$/)?.[1];
    if (inner?.split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "))) continue;
    found.push(match[4] as string);
  }
  return found;
}

function reach(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".")) stack.push(join(dirname(file), spec.replace(/\.js$/, ".ts")));
      else seen.add(spec);
    }
  }
  return seen;
}

describe.each(VENDORS)("@phonebridge/facade/%s", (vendor) => {
  it("reaches only its own adapter and vendor package", () => {
    const reached = [...reach(entryOf(vendor))];
    for (const other of VENDORS.filter((v) => v !== vendor)) {
      expect(reached.filter((m) => m.includes(`adapters/${other}.ts`) || m === `@phonebridge/${other}`)).toEqual([]);
    }
    expect(reached).toContain(`@phonebridge/${vendor}`);
    expect(reached).toContain(join(root, "src", "adapters", `${vendor}.ts`));
  });

  it("takes its own provider or none, and refuses another", async () => {
    const entry = (await import(`../src/generated/entries/${vendor}.ts`)) as {
      createPhoneNumbers(options: Record<string, unknown>): { provider: string };
    };
    const options = { apiKey: "k", baseUrl: "http://127.0.0.1:9" };
    expect(entry.createPhoneNumbers(options).provider).toBe(vendor);
    expect(entry.createPhoneNumbers({ ...options, provider: vendor }).provider).toBe(vendor);
    const other = VENDORS.find((v) => v !== vendor);
    expect(() => entry.createPhoneNumbers({ ...options, provider: other })).toThrow(
      new TypeError(`@phonebridge/facade/${vendor}: provider must be "${vendor}", not "${other}"`),
    );
  });
});

describe("package.json", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  it("exports the root and every vendor with types, is ESM and side-effect free", () => {
    expect(pkg.type).toBe("module");
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe(">=20");
    expect(Object.keys(pkg.exports).sort()).toEqual([".", "./package.json", ...VENDORS.map((v) => `./${v}`)].sort());
    for (const vendor of VENDORS) {
      expect(pkg.exports[`./${vendor}`]).toEqual({
        types: `./dist/generated/entries/${vendor}.d.ts`,
        default: `./dist/generated/entries/${vendor}.js`,
      });
      expect(pkg.dependencies[`@phonebridge/${vendor}`]).toBe("workspace:^");
    }
  });
});
