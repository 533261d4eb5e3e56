// FACADE_FIELDS (src/release/facade-fields.ts) must stay in step with the facade's adapters:
// every vendor field an adapter writes into a request body, or reads from a response, is listed,
// so a spec change to it produces a changeset for @phonebridge/facade.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FACADE_FIELDS } from "../../src/release/facade-fields.js";
import { REPO } from "../helpers.js";

const ADAPTERS = join(REPO, "packages", "facade", "src", "adapters");

describe.skipIf(!existsSync(ADAPTERS))("facade fields", () => {
  for (const [vendor, fields] of Object.entries(FACADE_FIELDS)) {
    it(`${vendor}: the fields its adapter writes and reads are listed`, () => {
      const source = readFileSync(join(ADAPTERS, `${vendor}.ts`), "utf8");
      const written = [...source.matchAll(/\bbody\.([A-Za-z_]\w*)\s*=/g)].map((m) => m[1]);
      const read = [...source.matchAll(/\bdata\.([A-Za-z_]\w*)/g)].map((m) => m[1]);
      const named = [...source.matchAll(/\bfield: "([A-Za-z_]\w*)"/g)].map((m) => m[1]);
      for (const f of new Set([...written, ...named])) expect(fields.request, `request field ${f}`).toContain(f);
      for (const f of new Set(read)) expect(fields.response, `response field ${f}`).toContain(f);
    });
  }
});
