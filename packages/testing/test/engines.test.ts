// `engines` tells the truth: the Prism this package installs declares the Node this package
// declares. Prism 5.15 and later ask for Node 24, so `npm install --engine-strict` and Yarn 1
// refused the install on Node 20; the catalog pins the last Prism that runs on Node 20, and this
// package depends on each of its parts so that npm keeps them (pnpm-workspace.yaml).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const own = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};
const require = createRequire(import.meta.url);

/** The lowest version a `>=x.y.z` range allows (the only form these packages use). */
function floor(range: string): number[] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`unexpected engines range ${JSON.stringify(range)}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

const atMost = (a: number[], b: number[]) => {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return true;
};

describe("engines", () => {
  const ours = floor(own.engines.node);
  const prismParts = Object.keys(own.dependencies).filter((name) => name.startsWith("@stoplight/prism-"));

  it("names every part of Prism, so the pinned versions are the ones installed", () => {
    expect(prismParts.sort()).toEqual([
      "@stoplight/prism-cli",
      "@stoplight/prism-core",
      "@stoplight/prism-http",
      "@stoplight/prism-http-server",
    ]);
  });

  it.each(prismParts)("%s (as installed) runs on the oldest Node this package declares", (name) => {
    const pkg = require(`${name}/package.json`) as { version: string; engines?: { node?: string } };
    const theirs = floor(pkg.engines?.node ?? ">=0");
    expect(atMost(theirs, ours), `${name}@${pkg.version} asks for Node ${pkg.engines?.node}`).toBe(true);
  });
});
