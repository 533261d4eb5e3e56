// End to end on a throwaway copy of the repository, released first (every package tagged 1.0.0,
// as `changeset tag` would): a vendor changes its document → specs:pull (fixture server on
// 127.0.0.1) → overlay re-applied → package regenerated → changeset with the right bump and
// sentences → specs:check passes; then a later release tag moves the base of specs:diff. Also
// specs:check failing without a changeset, or with too small a bump. And, on a copy never
// released, the first-release rule: changes are reported but no changeset is written, and
// specs:check asks only for a changeset naming the package.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractOpenApi } from "../lib/extract-openapi.mjs";
import { pullVendor } from "../lib/specs-pull.mjs";
import { FIXTURES, fixtureServer, git, repoCopy, snapshot } from "./helpers.mjs";

const VENDORS = ["cald", "cartesia", "retell", "verbex", "vogent"];

/**
 * A release, as `changeset version` + publish + `changeset tag` leave it: every pending changeset
 * consumed (but those in `keep`), the result committed, `@phonebridge/<vendor>@<version>` tagged.
 */
function release(root, versions, keep = []) {
  for (const f of readdirSync(join(root, ".changeset"))) {
    if (f.endsWith(".md") && f !== "README.md" && !keep.includes(f)) rmSync(join(root, ".changeset", f));
  }
  git(root, "add", "-A", ".");
  git(root, "commit", "-q", "--allow-empty", "-m", "release");
  for (const [vendor, version] of Object.entries(versions)) git(root, "tag", `@phonebridge/${vendor}@${version}`);
}

let server;
let repo;
beforeAll(async () => {
  server = await fixtureServer();
  repo = repoCopy();
  // The first release: the vendor changes below are made to released packages.
  release(repo.root, Object.fromEntries(VENDORS.map((v) => [v, "1.0.0"])));
});
afterAll(async () => {
  await server?.close();
  repo?.cleanup();
});

const read = (path, root = repo.root) => readFileSync(join(root, path), "utf8");
const pull = (vendor, fixture, root = repo.root) =>
  pullVendor({ root, vendor, from: server.url(fixture), today: "2031-01-02" });

/** Runs one of the repository's scripts (in the copy, or in `root`) and returns { code, out }. */
function run(script, ...args) {
  return runIn(repo.root, script, ...args);
}
function runIn(root, script, ...args) {
  try {
    const out = execFileSync(process.execPath, [join(root, "scripts", script), ...args], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, out };
  } catch (error) {
    return { code: error.status, out: `${error.stdout}${error.stderr}` };
  }
}

describe("a vendor update, end to end", () => {
  it("Retell changes its docs page: pull writes the document, regenerates, writes a major changeset", async () => {
    const outcome = await pull("retell", "retell-page-changed.md");
    expect(outcome.status, outcome.lines.join("\n")).toBe("updated");
    expect(outcome.exitCode).toBe(0);

    // The document, exactly as published; the provenance date.
    const published = extractOpenApi(readFileSync(join(FIXTURES, "retell-page-changed.md"), "utf8")).text;
    expect(read("specs/retell/openapi.yaml")).toBe(published);
    expect(read("specs/retell/provenance.yaml")).toMatch(/retrieved: 2031-01-02/);
    expect(read("specs/retell/provenance.yaml")).toMatch(/retrievedFrom: "http:\/\/127\.0\.0\.1/);

    // The package, regenerated from it.
    const effective = JSON.parse(read("packages/retell/openapi.json"));
    const body =
      effective.paths["/update-phone-number/{phone_number}"].patch.requestBody.content["application/json"].schema;
    expect(body.properties.termination_uri).toBeUndefined();
    expect(read("packages/retell/src/generated/schema.ts")).toMatch(/retell-plivo/);
    expect(run("generate.mjs", "--check", "retell").code).toBe(0);

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
    const check = run("specs-check.mjs", "--no-generate-check");
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

  it("after the next release is tagged, specs:diff compares with the new tag and removes the spent changeset", () => {
    // `changeset version` consumes every pending changeset at release time; specs-retell.md is
    // left in place to check that specs:diff removes it once spent. The 1.0.0 tags stay, on the
    // commit before: the highest version wins.
    const before = JSON.parse(run("specs-diff.mjs", "--json", "--no-write", "retell").out)[0];
    expect(before).toMatchObject({
      base: "the last release (@phonebridge/retell@1.0.0)",
      released: true,
      bump: "major",
    });
    release(repo.root, { cald: "1.1.0", cartesia: "1.1.0", retell: "2.0.0", verbex: "1.1.0" }, ["specs-retell.md"]);
    const diff = run("specs-diff.mjs", "retell");
    expect(diff.code, diff.out).toBe(0);
    expect(diff.out).toMatch(/retell: no change since the last release \(@phonebridge\/retell@2\.0\.0\)/);
    expect(diff.out).toMatch(/removed \.changeset\/specs-retell\.md/);
    expect(existsSync(join(repo.root, ".changeset/specs-retell.md"))).toBe(false);
    const after = JSON.parse(run("specs-diff.mjs", "--json", "--no-write", "retell").out)[0];
    expect(after).toMatchObject({ base: "the last release (@phonebridge/retell@2.0.0)", released: true, bump: null });
  });
});

/** Retell's `nickname` request field gains maxLength 32: a narrowed request field, major. */
function narrowNickname(text) {
  const narrowed = text.replace(
    "nickname:\n                  type: string",
    "nickname:\n                  type: string\n                  maxLength: 32",
  );
  if (narrowed === text) throw new Error("Retell's spec no longer has the `nickname` field this test narrows");
  return narrowed;
}

describe("specs:check", () => {
  it("fails when specs/ changed since the release without a changeset naming the package", () => {
    const path = join(repo.root, "specs/retell/openapi.yaml");
    const original = readFileSync(path, "utf8");
    writeFileSync(path, narrowNickname(original));
    try {
      const check = run("specs-check.mjs", "--no-generate-check");
      expect(check.code).toBe(1);
      expect(check.out).toMatch(
        /FAIL retell: specs\/retell\/ changed since the last release \(@phonebridge\/retell@2\.0\.0\), but no changeset names @phonebridge\/retell/,
      );

      // A changeset with too small a bump still fails; the one specs:diff writes passes.
      writeFileSync(
        join(repo.root, ".changeset/hand-written.md"),
        '---\n"@phonebridge/retell": patch\n---\n\nTweaks.\n',
      );
      const low = run("specs-check.mjs", "--no-generate-check");
      expect(low.code).toBe(1);
      expect(low.out).toMatch(/declare patch, but its spec changes since .* need major/);
      expect(run("specs-diff.mjs", "retell").code).toBe(0);
      expect(read(".changeset/specs-retell.md")).toMatch(
        /"@phonebridge\/retell": major[\s\S]*gained the limit maxLength 32/,
      );
      const ok = run("specs-check.mjs", "--no-generate-check");
      expect(ok.code, ok.out).toBe(0);

      // The generator's own check: the package was not regenerated for this edit.
      const stale = run("specs-check.mjs");
      expect(stale.code).toBe(1);
      expect(stale.out).toMatch(/stale: packages\/retell\//);
    } finally {
      writeFileSync(path, original);
      rmSync(join(repo.root, ".changeset/hand-written.md"), { force: true });
    }
  });
});

describe("before a vendor's first release (no release tag: the base is the spec's first commit)", () => {
  let fresh;
  const NOT_RELEASED = "not released yet: these changes ship in the first release; no changeset written";
  beforeAll(() => {
    fresh = repoCopy(); // never released: no tags
    const path = join(fresh.root, "specs/retell/openapi.yaml");
    writeFileSync(path, narrowNickname(readFileSync(path, "utf8")));
    // What an earlier specs:diff might have left: not specs:diff's to remove before the release.
    writeFileSync(join(fresh.root, ".changeset/specs-cald.md"), '---\n"@phonebridge/cald": patch\n---\n\nLeft over.\n');
  });
  afterAll(() => fresh?.cleanup());

  it("specs:diff prints the classified changes, says why it writes no changeset, and writes or removes none", () => {
    const before = snapshot(fresh.root, [".changeset"]);
    const diff = runIn(fresh.root, "specs-diff.mjs", "retell", "cald");
    expect(diff.code, diff.out).toBe(0);
    expect(diff.out).toMatch(
      /retell:\n {2}since the first commit of specs\/retell\/openapi\.yaml \([0-9a-f]{7}; no release tag yet\): major for @phonebridge\/retell\n/,
    );
    expect(diff.out).toMatch(/major +The request field `nickname` of PATCH .* gained the limit maxLength 32/);
    expect(diff.out).toContain(`32.\n  ${NOT_RELEASED}\n`);
    expect(diff.out).toMatch(/left \.changeset\/specs-cald\.md as it is \(not released yet/);
    expect(diff.out).not.toMatch(/^ {2}(wrote|removed) /m);
    expect(snapshot(fresh.root, [".changeset"])).toEqual(before);
    expect(existsSync(join(fresh.root, ".changeset/specs-retell.md"))).toBe(false);
  });

  it("specs:diff --json says the base is the first commit, not a release", () => {
    const [retell] = JSON.parse(runIn(fresh.root, "specs-diff.mjs", "--json", "retell").out);
    expect(retell).toMatchObject({ vendor: "retell", released: false, bump: "major" });
    expect(retell.base).toMatch(/^the first commit of specs\/retell\/openapi\.yaml /);
    expect(existsSync(join(fresh.root, ".changeset/specs-retell.md"))).toBe(false);
  });

  it("specs:check: a change that needs major passes with the initial changeset naming the package (minor)", () => {
    expect(read(".changeset/initial-vendor-packages.md", fresh.root)).toMatch(/"@phonebridge\/retell": minor/);
    const check = runIn(fresh.root, "specs-check.mjs", "--no-generate-check");
    expect(check.code, check.out).toBe(0);
    expect(check.out).toMatch(
      /ok {3}retell: specs\/retell\/ changed since the first commit of specs\/retell\/openapi\.yaml .*; first-release rule \(@phonebridge\/retell is not released yet\): a changeset names @phonebridge\/retell \(minor\), any bump will do \(after a release these changes would need major\)/,
    );
  });

  it("specs:check fails when no changeset names the package", () => {
    // Take @phonebridge/retell out of every pending changeset (the initial one and the others).
    const originals = new Map();
    for (const f of readdirSync(join(fresh.root, ".changeset")).filter((x) => x.endsWith(".md"))) {
      const path = join(fresh.root, ".changeset", f);
      const text = readFileSync(path, "utf8");
      const without = text.replace(/^"@phonebridge\/retell": \w+\n/m, "");
      if (without !== text) {
        originals.set(path, text);
        writeFileSync(path, without);
      }
    }
    expect([...originals.keys()].map((p) => p.split("/").at(-1))).toContain("initial-vendor-packages.md");
    try {
      const check = runIn(fresh.root, "specs-check.mjs", "--no-generate-check");
      expect(check.code).toBe(1);
      expect(check.out).toMatch(
        /FAIL retell: specs\/retell\/ changed since the first commit of specs\/retell\/openapi\.yaml .*; first-release rule \(@phonebridge\/retell is not released yet\): a changeset must name @phonebridge\/retell \(any bump\)/,
      );
      expect(check.out).toMatch(/specs:check: 1 problem\(s\)/);
    } finally {
      for (const [path, text] of originals) writeFileSync(path, text);
    }
  });

  it("specs:pull updates the spec and the package but writes no changeset, and says why", async () => {
    const before = snapshot(fresh.root, [".changeset"]);
    const outcome = await pull("retell", "retell-page-changed.md", fresh.root);
    expect(outcome.status, outcome.lines.join("\n")).toBe("updated");
    const text = outcome.lines.join("\n");
    expect(text).toMatch(/major +The request field `termination_uri` of PATCH .* was removed/);
    expect(text).toContain(`  ${NOT_RELEASED}`);
    expect(text).not.toMatch(/wrote \.changeset/);
    expect(read("specs/retell/provenance.yaml", fresh.root)).toMatch(/retrieved: 2031-01-02/);
    expect(snapshot(fresh.root, [".changeset"])).toEqual(before);
    const check = runIn(fresh.root, "specs-check.mjs");
    expect(check.code, check.out).toBe(0);
  });
});
