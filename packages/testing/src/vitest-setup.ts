/**
 * Vitest `globalSetup` entry: starts the Prism mocks once per test run, hands their base URLs to
 * the tests (`inject("phonebridgeMocks")`, or `mockUrl(vendor)` from `@phonebridge/testing/vitest`)
 * and stops them when the run ends.
 *
 *   // vitest.config.ts
 *   test: { globalSetup: ["@phonebridge/testing/vitest-setup"] }          // every vendor
 *   test: { globalSetup: ["@phonebridge/testing/vitest-setup/acme"] }     // one vendor
 *
 * For another selection or your own spec files, write a one-file setup:
 *
 *   export default mockServersSetup(["acme", "globex"], { specs: { acme: "./my-acme.json" } });
 *
 * When the environment variable PHONEBRIDGE_MOCK_URLS holds a JSON object of vendor → base URL
 * (mocks someone already started, e.g. once for a whole monorepo run), the setup uses those URLs
 * and starts only the vendors that are missing from it.
 */

import { isProvider, PROVIDERS, type Provider } from "@phonebridge/core";
import { type MockServers, type StartMockServersOptions, startMockServers } from "./index.js";
import type { MockUrls } from "./provided.js";

/** Environment variable with already-running mocks: a JSON object of vendor → base URL. */
export const MOCK_URLS_ENV = "PHONEBRIDGE_MOCK_URLS";

/** Parses {@link MOCK_URLS_ENV}; undefined when unset or empty, a clear error when malformed. */
export function mockUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): MockUrls | undefined {
  const raw = env[MOCK_URLS_ENV];
  if (raw === undefined || raw.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(
      `${MOCK_URLS_ENV} must be a JSON object of vendor → base URL, got ${JSON.stringify(raw.slice(0, 200))}`,
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`${MOCK_URLS_ENV} must be a JSON object of vendor → base URL`);
  }
  const urls: MockUrls = {};
  for (const [vendor, url] of Object.entries(parsed)) {
    if (!isProvider(vendor))
      throw new Error(
        `${MOCK_URLS_ENV}: unknown vendor ${JSON.stringify(vendor)}; expected one of ${PROVIDERS.join(", ")}`,
      );
    if (typeof url !== "string" || !URL.canParse(url))
      throw new Error(`${MOCK_URLS_ENV}: ${vendor} must be a URL, got ${JSON.stringify(url)}`);
    urls[vendor] = url.replace(/\/+$/, "");
  }
  return urls;
}

export type { MockUrls } from "./provided.js";

/** The part of vitest's `TestProject` a global setup needs (kept structural, so no type import from vitest). */
export interface ProvideTarget {
  provide(key: "phonebridgeMocks", value: MockUrls): void;
}

/** A vitest global setup function: starts the mocks, provides their URLs, returns the teardown. */
export type MockServersSetup = (project: ProvideTarget) => Promise<() => Promise<void>>;

/** Builds a vitest global setup for the given vendors (default: every vendor) and options. */
export function mockServersSetup(vendors?: readonly Provider[], options?: StartMockServersOptions): MockServersSetup {
  return async (project) => {
    const wanted = vendors ?? PROVIDERS;
    const shared = mockUrlsFromEnv() ?? {};
    const provided: MockUrls = {};
    const missing: Provider[] = [];
    for (const vendor of wanted) {
      const url = shared[vendor];
      if (url === undefined) missing.push(vendor);
      else provided[vendor] = url;
    }
    const mocks: MockServers | undefined = missing.length > 0 ? await startMockServers(missing, options) : undefined;
    project.provide("phonebridgeMocks", { ...provided, ...mocks?.urls });
    return async () => {
      await mocks?.stop();
    };
  };
}

/** Default global setup: every vendor, specs from the installed `@phonebridge/<vendor>` packages. */
export default mockServersSetup();
