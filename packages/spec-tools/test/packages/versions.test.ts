// src/version.ts of the packages that name themselves in their User-Agent: written from
// package.json, checked by `pnpm test` (docs/ARCHITECTURE.md#tooling-packagesspec-tools).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderVersionFile, syncVersions, versionedPackages } from "../../src/packages/versions.js";
import { REPO, repoCopy } from "../helpers.js";

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe("version files", () => {
  it("are fresh in the repository, for every vendor, the facade and the CLI", () => {
    expect(versionedPackages(REPO)).toEqual(["cald", "cartesia", "retell", "verbex", "vogent", "facade", "cli"]);
    expect(syncVersions(REPO, true)).toEqual([]);
  });

  it("follow the version `changeset version` writes: stale until rewritten, then fresh", () => {
    const copy = repoCopy();
    cleanup = copy.cleanup;
    const manifest = join(copy.root, "packages/facade/package.json");
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
    writeFileSync(manifest, JSON.stringify({ ...pkg, version: "9.8.7" }));
    expect(syncVersions(copy.root, true)).toEqual(["packages/facade/src/version.ts"]);
    expect(syncVersions(copy.root, false)).toEqual(["packages/facade/src/version.ts"]);
    expect(readFileSync(join(copy.root, "packages/facade/src/version.ts"), "utf8")).toBe(
      renderVersionFile("@phonebridge/facade", "9.8.7"),
    );
    expect(syncVersions(copy.root, true)).toEqual([]);
  });
});
