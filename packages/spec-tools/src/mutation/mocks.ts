// The Prism mocks of a mutation target whose tests use @phonebridge/testing's vitest setup,
// started once for its whole Stryker run (docs/ARCHITECTURE.md#mutation-testing). Stryker
// restarts a test runner after every mutant that timed out, and a runner that starts the mocks
// itself (its globalSetup) starts five Prism processes again each time, seconds of work each
// time, which also count in the overhead Stryker adds to every mutant's timeout. The setup uses
// the mocks named in PHONEBRIDGE_MOCK_URLS instead of starting its own.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** What this module uses of @phonebridge/testing (resolved from the target, which depends on it). */
interface Testing {
  startMockServers(): Promise<{ readonly urls: Readonly<Record<string, string>>; stop(): Promise<void> }>;
}
interface VitestSetup {
  MOCK_URLS_ENV: string;
}

/** Running mocks: the environment that hands them to the target's tests, and how to stop them. */
export interface TargetMocks {
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts every vendor's mock with the @phonebridge/testing that `packageDir` (the target's
 * package, from which its tests import it) resolves, built (`dist/`).
 */
export async function startTargetMocks(packageDir: string): Promise<TargetMocks> {
  const require = createRequire(join(packageDir, "package.json"));
  const load = async <T>(specifier: string): Promise<T> =>
    (await import(pathToFileURL(require.resolve(specifier)).href)) as T;
  const testing = await load<Testing>("@phonebridge/testing");
  const { MOCK_URLS_ENV } = await load<VitestSetup>("@phonebridge/testing/vitest-setup");
  const mocks = await testing.startMockServers();
  return { env: { [MOCK_URLS_ENV]: JSON.stringify(mocks.urls) }, stop: () => mocks.stop() };
}
