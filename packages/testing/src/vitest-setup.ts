/**
 * Vitest `globalSetup` entry: starts the Prism mocks once per test run, hands their base URLs to
 * the tests (`inject("phonebridgeMocks")`, or `mockUrl(vendor)` from `@phonebridge/testing/vitest`)
 * and stops them when the run ends.
 *
 *   // vitest.config.ts
 *   test: { globalSetup: ["@phonebridge/testing/vitest-setup"] }          // all five vendors
 *   test: { globalSetup: ["@phonebridge/testing/vitest-setup/retell"] }   // one vendor
 *
 * For another selection or your own spec files, write a one-file setup:
 *
 *   export default mockServersSetup(["retell", "cald"], { specs: { retell: "./my-retell.json" } });
 */
import { type MockServers, type StartMockServersOptions, startMockServers } from "./index.js";
import type { MockUrls } from "./provided.js";
import type { Vendor } from "./vendors.js";

export type { MockUrls } from "./provided.js";

/** The part of vitest's `TestProject` a global setup needs (kept structural, so no type import from vitest). */
export interface ProvideTarget {
  provide(key: "phonebridgeMocks", value: MockUrls): void;
}

/** A vitest global setup function: starts the mocks, provides their URLs, returns the teardown. */
export type MockServersSetup = (project: ProvideTarget) => Promise<() => Promise<void>>;

/** Builds a vitest global setup for the given vendors (default: all five) and options. */
export function mockServersSetup(vendors?: readonly Vendor[], options?: StartMockServersOptions): MockServersSetup {
  return async (project) => {
    const mocks: MockServers = await startMockServers(vendors, options);
    project.provide("phonebridgeMocks", { ...mocks.urls });
    return () => mocks.stop();
  };
}

/** Default global setup: all five vendors, specs from the installed `@phonebridge/<vendor>` packages. */
export default mockServersSetup();
