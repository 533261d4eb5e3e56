// End to end on a throwaway copy of the repository: a vendor changes its document →
// specs:pull (fixture server on 127.0.0.1) → overlay re-applied → package regenerated →
// changeset with the right bump and sentences → specs:check passes; then a release tag moves the
// base of specs:diff. Also specs:check failing without a changeset, or with too small a bump.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractOpenApi } from "../src/openapi/extract.js";
import { pullVendor } from "../src/pull/pull.js";
import { FIXTURES, fixtureServer, git, repoCopy, runBin } from "./helpers.js";

let server: Awaited<ReturnType<typeof fixtureServer>>;
let repo: ReturnType<typeof repoCopy>;
beforeAll(async () => {
  server = await fixtureServer();
  repo = repoCopy();
});
afterAll(async () => {
  await server?.close();
  repo?.cleanup();
});

const read = (path: string) => readFileSync(join(repo.root, path), "utf8");
const pull = (vendor: string, fixture: string) =>
  pullVendor({ root: repo.root, vendor, from: server.url(fixture), today: "2031-01-02" });
/** Runs one of the tools' bins on the copy. */
const run = (bin: string, ...args: string[]) => runBin(repo.root, bin, ...args);

describe("a vendor update, end to end", () => {
  it("Retell changes its docs page: pull writes the document, regenerates, writes a major changeset", async () => {
    const outcome = await pull("retell", "retell-page-changed.md");
    expect(outcome.status, outcome.lines.join("\n")).toBe("updated");
    expect(outcome.exitCode).toBe(0);

    // The document, exactly as published; the provenance date.
    const published = extractOpenApi(readFileSync(join(FIXTURES, "retell-page-changed.md"), "utf8"))?.text;
    expect(read("specs/retell/openapi.yaml")).toBe(published);
    expect(read("specs/retell/provenance.yaml")).toMatch(/retrieved: 2031-01-02/);
    expect(read("specs/retell/provenance.yaml")).toMatch(/retrievedFrom: "http:\/\/127\.0\.0\.1/);

    // The package, regenerated from it.
    const effective = JSON.parse(read("packages/retell/openapi.json"));
    const body =
      effective.paths["/update-phone-number/{phone_number}"].patch.requestBody.content["application/json"].schema;
    expect(body.properties.termination_uri).toBeUndefined();
    expect(read("packages/retell/src/generated/schema.ts")).toMatch(/retell-plivo/);
    expect(run("generate", "--check", "retell").code).toBe(0);

    // The changeset: the largest bump, one sentence per change.
    const changeset = read(".changeset/specs-retell.md");
    expect(changeset).toMatch(/^---\n"@phonebridge\/retell": major\n---\n/);
    expect(changeset).toMatch(
      /- Breaking: The request field `termination_uri` of PATCH \/update-phone-number\/\{phone_number\} was removed; code that sets it no longer compiles\./,
    );
    expect(changeset).toMatch(
      /- Breaking: The response \(200\) field `phone_number_type` of PATCH \/update-phone-number\/\{phone_number\} can now be `retell-plivo`; code that switches over its values must handle it\./,
    );
    expect(changeset).toMatch(
      /- Documentation: The description of operation PATCH \/update-phone-number\/\{phone_number\} changed/,
    );
    expect(changeset).toMatch(/`updatePhoneNumber\(\)` calls PATCH \/update-phone-number\/\{phone_number\}\./);
    // Neither field is one the facade maps: no facade changeset.
    expect(existsSync(join(repo.root, ".changeset/specs-retell-facade.md"))).toBe(false);

    // CI is satisfied, and a second pull of the same page finds nothing new.
    const check = run("specs-check", "--no-generate-check");
    expect(check.code, check.out).toBe(0);
    expect((await pull("retell", "retell-page-changed.md")).status).toBe("no-change");
  });

  it("Cartesia changes its page: the overlay's fix is re-applied, and the facade gets a changeset too", async () => {
    const outcome = await pull("cartesia", "cartesia-page-changed.md");
    expect(outcome.status, outcome.lines.join("\n")).toBe("updated");
    expect(outcome.lines.join("\n")).toMatch(/overlay: 1 fix\(es\) re-applied/);
    const effective = JSON.parse(read("packages/cartesia/openapi.json"));
    expect(effective.components.schemas.ProviderResponse.discriminator.mapping.twilio).toBe(
      "#/components/schemas/TwilioProviderResponse",
    );
    expect(effective.components.schemas.UpdatePhoneNumberBody.properties.label.nullable).toBe(true);
    const changeset = read(".changeset/specs-cartesia.md");
    expect(changeset).toMatch(/"@phonebridge\/cartesia": minor/);
    expect(changeset).toMatch(
      /- Compatible: The request field `label` of PATCH \/agents\/phone-numbers\/\{id\} now accepts `null`\./,
    );
    if (existsSync(join(repo.root, "packages/facade/package.json"))) {
      const facade = read(".changeset/specs-cartesia-facade.md");
      expect(facade).toMatch(/"@phonebridge\/facade": minor/);
      expect(facade).toMatch(/Cartesia: The request field `label`/);
    }
  });

  it("Verbex publishes raw JSON: kept as published, provenance records the form", async () => {
    const outcome = await pull("verbex", "verbex-changed.json");
    expect(outcome.status, outcome.lines.join("\n")).toBe("updated");
    expect(read("specs/verbex/openapi.yaml")).toBe(readFileSync(join(FIXTURES, "verbex-changed.json"), "utf8"));
    expect(read("specs/verbex/provenance.yaml")).toMatch(/form: raw JSON OpenAPI document/);
    expect(read(".changeset/specs-verbex.md")).toMatch(
      /"@phonebridge\/verbex": minor[\s\S]*server URL https:\/\/api\.verbex\.ai/,
    );
    expect(JSON.parse(read("packages/verbex/openapi.json")).servers).toEqual([{ url: "https://api.verbex.ai" }]);
  });

  it("Cald publishes raw YAML with a new optional field: minor, nothing for the facade", async () => {
    const outcome = await pull("cald", "cald-raw-changed.yaml");
    expect(outcome.status, outcome.lines.join("\n")).toBe("updated");
    expect(read(".changeset/specs-cald.md")).toMatch(
      /"@phonebridge\/cald": minor[\s\S]*- Compatible: The request field `label` of PATCH \/phonenumbers\/\{phoneNumberId\} was added \(optional\)\./,
    );
    expect(existsSync(join(repo.root, ".changeset/specs-cald-facade.md"))).toBe(false);
  });

  it("after the release is tagged, specs:diff compares with the tag and removes the spent changeset", () => {
    // `changeset version` consumes every pending changeset at release time; specs-retell.md is
    // left in place to check that specs:diff removes it once spent.
    for (const f of readdirSync(join(repo.root, ".changeset"))) {
      if (f.endsWith(".md") && f !== "README.md" && f !== "specs-retell.md") {
        rmSync(join(repo.root, ".changeset", f), { force: true });
      }
    }
    git(repo.root, "add", "-A", ".");
    git(repo.root, "commit", "-q", "-m", "vendor updates");
    for (const v of ["cald", "cartesia", "retell", "verbex", "vogent"])
      git(repo.root, "tag", `@phonebridge/${v}@1.0.0`);
    git(repo.root, "tag", "@phonebridge/retell@0.9.0", "HEAD~1"); // an older release: the highest version wins
    const diff = run("specs-diff", "retell");
    expect(diff.code, diff.out).toBe(0);
    expect(diff.out).toMatch(/retell: no change since the last release \(@phonebridge\/retell@1\.0\.0\)/);
    expect(diff.out).toMatch(/removed \.changeset\/specs-retell\.md/);
    expect(existsSync(join(repo.root, ".changeset/specs-retell.md"))).toBe(false);
  });
});

describe("specs:check", () => {
  it("fails when specs/ changed since the release without a changeset naming the package", () => {
    const path = join(repo.root, "specs/retell/openapi.yaml");
    const original = readFileSync(path, "utf8");
    writeFileSync(
      path,
      original.replace(
        "nickname:\n                  type: string",
        "nickname:\n                  type: string\n                  maxLength: 32",
      ),
    );
    try {
      const check = run("specs-check", "--no-generate-check");
      expect(check.code).toBe(1);
      expect(check.out).toMatch(
        /FAIL retell: specs\/retell\/ changed since the last release \(@phonebridge\/retell@1\.0\.0\), but no changeset names @phonebridge\/retell/,
      );

      // A changeset with too small a bump still fails; the one specs:diff writes passes.
      writeFileSync(
        join(repo.root, ".changeset/hand-written.md"),
        '---\n"@phonebridge/retell": patch\n---\n\nTweaks.\n',
      );
      const low = run("specs-check", "--no-generate-check");
      expect(low.code).toBe(1);
      expect(low.out).toMatch(/declare patch, but its spec changes since .* need major/);
      expect(run("specs-diff", "retell").code).toBe(0);
      expect(read(".changeset/specs-retell.md")).toMatch(
        /"@phonebridge\/retell": major[\s\S]*gained the limit maxLength 32/,
      );
      const ok = run("specs-check", "--no-generate-check");
      expect(ok.code, ok.out).toBe(0);

      // The generator's own check: the package was not regenerated for this edit.
      const stale = run("specs-check");
      expect(stale.code).toBe(1);
      expect(stale.out).toMatch(/stale: packages\/retell\//);
    } finally {
      writeFileSync(path, original);
      rmSync(join(repo.root, ".changeset/hand-written.md"), { force: true });
    }
  });
});
