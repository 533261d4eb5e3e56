// FACADE_FIELDS must stay in step with the facade's adapters: every vendor field an adapter
// writes into a request body, or reads from a response, is listed, so a spec change to it
// produces a changeset for @phonebridge/facade.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FACADE_FIELDS } from "../lib/facade-fields.mjs";
import { REPO } from "./helpers.mjs";

const ADAPTERS = join(REPO, "packages", "facade", "src", "adapters");

describe.skipIf(!existsSync(ADAPTERS))("facade fields", () => {
  for (const vendor of Object.keys(FACADE_FIELDS)) {
    it(`${vendor}: the fields its adapter writes and reads are listed`, () => {
      const source = readFileSync(join(ADAPTERS, `${vendor}.ts`), "utf8");
      const written = [...source.matchAll(/\bbody\.([A-Za-z_]\w*)\s*=/g)].map((m) => m[1]);
      const read = [...source.matchAll(/\bdata\.([A-Za-z_]\w*)/g)].map((m) => m[1]);
      const fields = [...source.matchAll(/\bfield: "([A-Za-z_]\w*)"/g)].map((m) => m[1]);
      for (const f of new Set([...written, ...fields]))
        expect(FACADE_FIELDS[vendor].request, `request field ${f}`).toContain(f);
      for (const f of new Set(read)) expect(FACADE_FIELDS[vendor].response, `response field ${f}`).toContain(f);
    });
  }
});
