/**
 * The fields an adapter uses are exactly the ones its vendor.yaml lists under `facade`: the
 * tools read that list to tell which spec changes concern the facade (`pnpm specs:diff` writes a
 * changeset for @phonebridge/facade then, docs/spec-changes.md#specsdiff). Found by running the
 * adapter: the request fields its `build` writes and its `checkVendor` reads, the response fields
 * its `read` reads.
 */
import { readFileSync } from "node:fs";
import type { Provider } from "@phonebridge/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ChangeName } from "../src/capabilities.js";
import { ADAPTERS, DATA, PROVIDERS } from "./vendors.js";

const CHANGES: readonly ChangeName[] = ["agentId", "label", "outboundAgentId"];

function listed(provider: Provider): { request: string[]; response: string[] } {
  const config = parse(readFileSync(new URL(`../../../specs/${provider}/vendor.yaml`, import.meta.url), "utf8"));
  return { request: config?.facade?.request ?? [], response: config?.facade?.response ?? [] };
}

/** `target` behind a proxy that records the top-level keys read from it. */
function recording<T extends object>(target: T, seen: Set<string>): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === "string") seen.add(key);
      return Reflect.get(object, key, receiver);
    },
  });
}

describe.each(PROVIDERS)("%s: the fields its adapter uses", (provider) => {
  const adapter = ADAPTERS[provider];
  const expected = listed(provider);

  it("request: what build writes, the change fields and what checkVendor reads, as vendor.yaml lists", () => {
    const used = new Set<string>();
    for (const change of CHANGES) {
      const { set, clear, field } = adapter.capabilities[change];
      if (field !== undefined) used.add(field);
      if (set !== "unsupported") for (const key of Object.keys(adapter.build({ [change]: "A" }))) used.add(key);
      if (clear !== "unsupported") for (const key of Object.keys(adapter.build({ [change]: null }))) used.add(key);
    }
    adapter.checkVendor?.(recording({}, used));
    expect([...used].sort()).toEqual([...expected.request].sort());
  });

  it("response: what read reads from a valid body, as vendor.yaml lists", () => {
    const used = new Set<string>();
    const reading = adapter.read(recording({ ...DATA[provider].okBody }, used));
    expect(typeof reading).toBe("object");
    expect([...used].sort()).toEqual([...expected.response].sort());
  });
});
