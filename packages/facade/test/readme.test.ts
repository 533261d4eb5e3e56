import { readFileSync } from "node:fs";
import { PROVIDER_TITLES } from "@phonebridge/core";
import { describe, expect, it } from "vitest";
import { renderSection, replaceSection } from "../scripts/readme-section.mjs";
import { capabilities } from "../src/index.js";
import { ADAPTERS, DATA, PROVIDERS } from "./vendors.js";

describe("README capability matrix", () => {
  it("is the one the adapters render (run `pnpm --filter @phonebridge/facade readme` when this fails)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(replaceSection(readme, renderSection(ADAPTERS, PROVIDER_TITLES))).toBe(readme);
  });

  it("has a column per vendor of the registry, in its order, rendered from the exported matrix", () => {
    for (const provider of PROVIDERS) expect(capabilities[provider]).toBe(ADAPTERS[provider].capabilities);
    const header = renderSection(ADAPTERS, PROVIDER_TITLES)
      .split("\n")
      .find((line) => line.startsWith("| change |"));
    expect(header).toBe(`| change | ${PROVIDERS.map((p) => PROVIDER_TITLES[p]).join(" | ")} |`);
  });

  it.each([
    ["`agentId: null` remove", "agentId", "remove"],
    ["`label: null` clear", "label", "clear label"],
  ] as const)(
    "%s: ✓ documented, ✓† inferred, — unsupported, each cell the contract's body",
    (label, change, scenario) => {
      const section = renderSection(ADAPTERS, PROVIDER_TITLES);
      const cells = PROVIDERS.map((provider) => {
        const wire = DATA[provider].wire[scenario];
        if (wire === "unsupported") return "—";
        return `${capabilities[provider][change].clear === "inferred" ? "✓†" : "✓"} \`${JSON.stringify(wire)}\``;
      });
      expect(section).toContain(`| ${label} | ${cells.join(" | ")} |`);
    },
  );
});
