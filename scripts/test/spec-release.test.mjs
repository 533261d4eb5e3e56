// releaseBase: the release tag with the highest version, or the spec's first commit before any
// release, and which of the two it is (`released`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseBase } from "../lib/spec-release.mjs";
import { git } from "./helpers.mjs";

let root;
let first;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "phonebridge-release-"));
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "test@phonebridge.invalid");
  git(root, "config", "user.name", "test");
  git(root, "config", "commit.gpgsign", "false");
  mkdirSync(join(root, "specs", "acme"), { recursive: true });
  writeFileSync(join(root, "README.md"), "before the spec\n");
  git(root, "add", "README.md");
  git(root, "commit", "-q", "-m", "before the spec");
  writeFileSync(join(root, "specs/acme/openapi.yaml"), "openapi: 3.0.3\n");
  git(root, "add", "specs");
  git(root, "commit", "-q", "-m", "the spec");
  first = git(root, "rev-parse", "HEAD").trim();
  writeFileSync(join(root, "specs/acme/openapi.yaml"), "openapi: 3.0.3\ninfo: {}\n");
  git(root, "commit", "-q", "-am", "a spec change");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("releaseBase", () => {
  it("before any release: the first commit of the spec, not released", () => {
    expect(releaseBase(root, "acme")).toEqual({
      ref: first,
      label: `the first commit of specs/acme/openapi.yaml (${first.slice(0, 7)}; no release tag yet)`,
      released: false,
    });
  });

  it("after a release: the tag with the highest version (not the last in text order), released", () => {
    git(root, "tag", "@phonebridge/acme@1.9.0", first);
    git(root, "tag", "@phonebridge/acme@1.10.0", first);
    git(root, "tag", "@phonebridge/other@9.0.0"); // another package's tag is not acme's release
    expect(releaseBase(root, "acme")).toEqual({
      ref: "refs/tags/@phonebridge/acme@1.10.0",
      label: "the last release (@phonebridge/acme@1.10.0)",
      released: true,
    });
  });

  it("a spec never committed, or no git repository: no base", () => {
    expect(releaseBase(root, "nobody")).toBeUndefined();
    const plain = mkdtempSync(join(tmpdir(), "phonebridge-nogit-"));
    try {
      expect(releaseBase(plain, "acme")).toBeUndefined();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
