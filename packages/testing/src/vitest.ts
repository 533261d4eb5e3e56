/**
 * Test-side helpers for the mocks started by `@phonebridge/testing/vitest-setup`. Import this in
 * test files (it imports `vitest`); it also types `inject("phonebridgeMocks")`.
 */

import type { Provider } from "@phonebridge/core";
import { inject } from "vitest";
import type { MockUrls } from "./provided.js";

export type { MockUrls } from "./provided.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of each Prism mock started by `@phonebridge/testing/vitest-setup`. */
    phonebridgeMocks: MockUrls;
  }
}

/** Base URLs of every mock the global setup started. Throws when the setup is not wired. */
export function mockUrls(): MockUrls {
  const urls = inject("phonebridgeMocks") as MockUrls | undefined;
  if (urls === undefined) {
    throw new Error(
      'No phonebridge mocks: add globalSetup: ["@phonebridge/testing/vitest-setup"] to the test options of vitest.config.ts',
    );
  }
  return urls;
}

/** Base URL (a bare origin) of one vendor's mock. Throws when the global setup did not start it. */
export function mockUrl(vendor: Provider): string {
  const url = mockUrls()[vendor];
  if (url === undefined) {
    throw new Error(
      `No ${vendor} mock: the vitest globalSetup did not start it. Use "@phonebridge/testing/vitest-setup" ` +
        `(all vendors) or "@phonebridge/testing/vitest-setup/${vendor}".`,
    );
  }
  return url;
}
