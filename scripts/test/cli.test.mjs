// The command lines: usage errors exit 2; specs:diff --json --no-write reads without writing.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, snapshot } from "./helpers.mjs";

function run(script, ...args) {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, [join(REPO, "scripts", script), ...args], {
        cwd: REPO,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }),
    };
  } catch (error) {
    return { code: error.status, out: `${error.stdout}${error.stderr}` };
  }
}

describe("command lines", () => {
  it("specs:pull: an unknown vendor, an unknown option, --from without one vendor: usage, exit 2", () => {
    expect(run("specs-pull.mjs", "acme")).toMatchObject({
      code: 2,
      out: expect.stringMatching(/unknown vendor "acme" \(vendors: cald, cartesia, retell, verbex, vogent\)/),
    });
    expect(run("specs-pull.mjs", "retell", "--force")).toMatchObject({
      code: 2,
      out: expect.stringMatching(/unknown option --force/),
    });
    expect(run("specs-pull.mjs", "--from", "x.md")).toMatchObject({
      code: 2,
      out: expect.stringMatching(/--from needs exactly one vendor/),
    });
    expect(run("specs-pull.mjs", "retell", "--from")).toMatchObject({
      code: 2,
      out: expect.stringMatching(/--from needs a value/),
    });
  });

  it("specs:diff and specs:check: usage errors exit 2", () => {
    expect(run("specs-diff.mjs", "acme").code).toBe(2);
    expect(run("specs-diff.mjs", "--bogus").code).toBe(2);
    expect(run("specs-check.mjs", "--bogus").code).toBe(2);
  });

  it("specs:diff --json --no-write reports every vendor and writes nothing", () => {
    const before = snapshot(REPO, [".changeset"]);
    const { code, out } = run("specs-diff.mjs", "--json", "--no-write");
    expect(code).toBe(0);
    const results = JSON.parse(out);
    expect(results.map((r) => r.vendor)).toEqual(["cald", "cartesia", "retell", "verbex", "vogent"]);
    for (const r of results) expect(r).toHaveProperty("changes");
    expect(snapshot(REPO, [".changeset"])).toEqual(before);
  });
});
