// A document the generator cannot read: the error names the JSON Pointer as it stands in the
// vendor's published document and the overlay fix, never a stack trace
// (docs/adding-a-vendor.md#when-the-generator-cannot-read-the-document). The case is Cartesia's
// document as published, whose discriminator mapping holds `{$ref}` objects, without its fix.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoCopy, runBin, snapshot } from "../helpers.js";

describe("generate on a document it cannot read", () => {
  let repo: ReturnType<typeof repoCopy>;
  beforeAll(() => {
    repo = repoCopy();
    rmSync(join(repo.root, "specs/cartesia/overlay.yaml"));
  });
  afterAll(() => repo.cleanup());

  it("names the pointer in the published document and the overlay fix, writes nothing, no stack trace", () => {
    const before = snapshot(repo.root, ["packages"]);
    const { code, out } = runBin(repo.root, "generate", "cartesia");
    expect(code).toBe(1);
    expect(out).toContain(
      "/components/schemas/ProviderResponse/discriminator/mapping (in specs/cartesia/openapi.yaml as published)",
    );
    expect(out).toContain("specs/cartesia/overlay.yaml");
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(out).not.toContain("startsWith is not a function");
    // The suggested fix is the overlay that makes the document readable: the one in force today.
    const suggested = parse(out.slice(out.indexOf("  fixes:")).replace(/^ {2}/gm, "")) as { fixes: unknown[] };
    expect(suggested.fixes[0]).toMatchObject({
      name: "discriminator-mapping-as-strings",
      target: "/components/schemas/ProviderResponse/discriminator/mapping",
      set: {
        twilio: "#/components/schemas/TwilioProviderResponse",
        cartesia: "#/components/schemas/CartesiaProviderResponse",
      },
    });
    expect(snapshot(repo.root, ["packages"])).toEqual(before);
  });
});
