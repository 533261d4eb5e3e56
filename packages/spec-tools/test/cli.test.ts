// The command lines: usage errors exit 2; specs:diff --json --no-write reads without writing.
import { describe, expect, it } from "vitest";
import { REPO, runBin, snapshot } from "./helpers.js";

const run = (bin: string, ...args: string[]) => runBin(REPO, bin, ...args);

describe("command lines", () => {
  it("specs:pull: an unknown vendor, an unknown option, --from without one vendor: usage, exit 2", () => {
    expect(run("specs-pull", "acme")).toMatchObject({
      code: 2,
      out: expect.stringMatching(/unknown vendor "acme" \(vendors: cald, cartesia, retell, verbex, vogent\)/),
    });
    expect(run("specs-pull", "retell", "--force")).toMatchObject({
      code: 2,
      out: expect.stringMatching(/unknown option --force/),
    });
    expect(run("specs-pull", "--from", "x.md")).toMatchObject({
      code: 2,
      out: expect.stringMatching(/--from needs exactly one vendor/),
    });
    expect(run("specs-pull", "retell", "--from")).toMatchObject({
      code: 2,
      out: expect.stringMatching(/--from needs a value/),
    });
  });

  it("specs:diff and specs:check: usage errors exit 2", () => {
    expect(run("specs-diff", "acme").code).toBe(2);
    expect(run("specs-diff", "--bogus").code).toBe(2);
    expect(run("specs-check", "--bogus").code).toBe(2);
  });

  it("specs:diff --json --no-write reports every vendor and writes nothing", () => {
    const before = snapshot(REPO, [".changeset"]);
    const { code, out } = run("specs-diff", "--json", "--no-write");
    expect(code).toBe(0);
    const results = JSON.parse(out) as { vendor: string }[];
    expect(results.map((r) => r.vendor)).toEqual(["cald", "cartesia", "retell", "verbex", "vogent"]);
    for (const r of results) expect(r).toHaveProperty("changes");
    expect(snapshot(REPO, [".changeset"])).toEqual(before);
  });
});
