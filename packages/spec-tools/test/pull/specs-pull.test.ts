// specs:pull against a local HTTP server (127.0.0.1) serving fixtures, on a throwaway copy of the
// repository: every refusal leaves specs/, packages/ and .changeset/ untouched (src/pull/).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractOpenApi } from "../../src/openapi/extract.js";
import { pullVendor } from "../../src/pull/pull.js";
import { FIXTURES, fixtureServer, repoCopy, snapshot } from "../helpers.js";

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

const pull = (vendor: string, fixture: string, extra = {}) =>
  pullVendor({ root: repo.root, vendor, from: server.url(fixture), today: "2031-01-02", ...extra });

async function expectRefusal(vendor: string, fixture: string, message: RegExp) {
  const before = snapshot(repo.root);
  const outcome = await pull(vendor, fixture);
  expect(outcome.status).toBe("refused");
  expect(outcome.exitCode).not.toBe(0);
  expect(outcome.lines.join("\n")).toMatch(message);
  expect(outcome.lines.join("\n")).toMatch(/untouched/);
  expect(snapshot(repo.root)).toEqual(before);
  return outcome;
}

describe("extracting the OpenAPI from what a vendor publishes", () => {
  it("reads the fenced block of each vendor's docs page byte for byte", () => {
    const page = readFileSync(join(FIXTURES, "retell-page.md"), "utf8");
    const found = extractOpenApi(page);
    expect(found?.form).toBe("docs-page-fence");
    expect(found?.text).toBe(readFileSync(join(repo.root, "specs/retell/openapi.yaml"), "utf8"));
  });

  it("reads raw YAML and raw JSON as they are", () => {
    const yaml = readFileSync(join(FIXTURES, "cald-raw-unchanged.yaml"), "utf8");
    expect(extractOpenApi(yaml)).toEqual({ text: yaml, form: "raw", format: "yaml" });
    const json = readFileSync(join(FIXTURES, "verbex-changed.json"), "utf8");
    expect(extractOpenApi(json)).toEqual({ text: json, form: "raw", format: "json" });
  });

  it("reads other fence forms, skipping blocks that are not OpenAPI", () => {
    const page = [
      "# Doc",
      "```yaml",
      "agent_id: a",
      "```",
      "",
      "~~~json",
      '{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{}}',
      "~~~",
      "",
    ].join("\n");
    expect(extractOpenApi(page)).toMatchObject({
      form: "docs-page-fence",
      format: "json",
      text: '{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{}}\n',
    });
    expect(extractOpenApi("```yml\nopenapi: 3.0.0\npaths: {}\n```")).toMatchObject({
      text: "openapi: 3.0.0\npaths: {}\n",
    });
  });

  it("finds nothing in a page without OpenAPI", () => {
    expect(extractOpenApi(readFileSync(join(FIXTURES, "no-openapi.html"), "utf8"))).toBeUndefined();
    expect(extractOpenApi(readFileSync(join(FIXTURES, "vogent-page.txt"), "utf8"))).toBeUndefined();
  });
});

describe("specs:pull refuses and touches nothing", () => {
  it("on a page with no OpenAPI", async () => {
    await expectRefusal(
      "retell",
      "no-openapi.html",
      /no OpenAPI document in http:\/\/127\.0\.0\.1:\d+\/no-openapi\.html/,
    );
  });

  it("on invalid OpenAPI", async () => {
    await expectRefusal("retell", "retell-page-invalid.md", /invalid OpenAPI[\s\S]*type/);
  });

  it("on a Swagger 2.0 document, by the validator's own rule", async () => {
    await expectRefusal(
      "retell",
      "swagger-2.yaml",
      /invalid OpenAPI in .*: "openapi" must be a 3\.0\.x or 3\.1\.x version string \(found "2\.0"\)/,
    );
  });

  it("on another vendor's document (Cartesia's page pulled as Retell's)", async () => {
    await expectRefusal("retell", "cartesia-page.md", /looks like cartesia's API, not retell's/);
  });

  it("on another vendor's raw document (Cald's YAML pulled as Vogent-less Verbex)", async () => {
    await expectRefusal("verbex", "cald-raw-changed.yaml", /looks like cald's API, not verbex's/);
  });

  it("on a page that cannot be fetched", async () => {
    await expectRefusal("retell", "missing.md", /HTTP 404/);
  });

  it("when an overlay fix no longer applies, naming the fix (Cartesia fixed its discriminator)", async () => {
    const outcome = await expectRefusal(
      "cartesia",
      "cartesia-page-fixed.md",
      /discriminator-mapping-as-strings: the document now already has what this fix sets/,
    );
    expect(outcome.lines.join("\n")).toMatch(/Edit the fix/);
  });

  it("when the generator cannot build the package (Retell moved its update operation), with what to do", async () => {
    const outcome = await expectRefusal("retell", "retell-page-moved.md", /the generator failed on the new document/);
    const text = outcome.lines.join("\n");
    expect(text).toMatch(/point `update` in specs\/retell\/vendor\.yaml at the new one/);
    expect(text).toMatch(
      /The path of operation `updatePhoneNumber` changed from PATCH \/update-phone-number\/\{phone_number\} to PATCH \/v2\/phone-numbers\/\{phone_number\}/,
    );
  });

  it("when the vendor now declares what an overlay fix only added (Verbex publishes its auth)", async () => {
    const outcome = await expectRefusal(
      "verbex",
      "verbex-with-auth.json",
      /optional-bearer-auth: the vendor changed \/security; review the fix/,
    );
    const text = outcome.lines.join("\n");
    expect(text).toMatch(/bearer-security-scheme: the vendor changed \/components\/securitySchemes; review the fix/);
    // What the new document would change is shown, to help rewrite the fixes.
    expect(text).toMatch(/now requires authentication \(http bearer\)/);
  });
});

describe("specs:pull with nothing new", () => {
  it("reports no change for the same docs page", async () => {
    const before = snapshot(repo.root);
    const outcome = await pull("retell", "retell-page.md");
    expect(outcome).toMatchObject({ status: "no-change", exitCode: 0 });
    expect(outcome.lines.join("\n")).toMatch(/no change/);
    expect(snapshot(repo.root)).toEqual(before);
  });

  it("reads a Mintlify HTML page's Markdown (page URL + .md) when the HTML has no OpenAPI", async () => {
    const outcome = await pull("retell", "mintlify-page");
    expect(outcome).toMatchObject({ status: "no-change", exitCode: 0 });
    expect(outcome.lines.join("\n")).toMatch(/its Markdown at http:\/\/127\.0\.0\.1:\d+\/mintlify-page\.md/);
  });

  it("reports no change for the same document published raw", async () => {
    const outcome = await pull("cald", "cald-raw-unchanged.yaml");
    expect(outcome).toMatchObject({ status: "no-change", exitCode: 0 });
  });
});

describe("specs:pull vogent compares the page", () => {
  it("reports no change for the same page, even with other line endings and blank lines", async () => {
    const before = snapshot(repo.root);
    for (const fixture of ["vogent-page.txt", "vogent-page-reformatted.txt"]) {
      const outcome = await pull("vogent", fixture);
      expect(outcome).toMatchObject({ status: "no-change", exitCode: 0 });
    }
    expect(snapshot(repo.root)).toEqual(before);
  });

  it("reports a changed page for review by hand, shows what changed, and leaves the spec alone", async () => {
    const spec = readFileSync(join(repo.root, "specs/vogent/openapi.yaml"), "utf8");
    const pkg = snapshot(repo.root, ["packages", ".changeset"]);
    const outcome = await pull("vogent", "vogent-page-changed.txt");
    expect(outcome).toMatchObject({ status: "page-changed", exitCode: 0 });
    const text = outcome.lines.join("\n");
    expect(text).toMatch(/changed, review by hand/);
    expect(text).toMatch(/\+ `WEBRTC`/);
    expect(readFileSync(join(repo.root, "specs/vogent/openapi.yaml"), "utf8")).toBe(spec);
    expect(readFileSync(join(repo.root, "specs/vogent/page.txt"), "utf8")).toMatch(/WEBRTC/);
    expect(readFileSync(join(repo.root, "specs/vogent/provenance.yaml"), "utf8")).toMatch(/retrieved: 2031-01-02/);
    expect(snapshot(repo.root, ["packages", ".changeset"])).toEqual(pkg);
    // Pulled again: the recorded page is now the current one.
    expect((await pull("vogent", "vogent-page-changed.txt")).status).toBe("no-change");
  });
});
