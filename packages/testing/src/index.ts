import { isProvider, PROVIDERS, type Provider } from "@phonebridge/core";
import { MockServerError } from "./errors.js";
import { freePorts, type RunningPrism, startPrism } from "./prism.js";
import { resolveSpec, type SpecLocation } from "./specs.js";

export { isProvider, PROVIDERS, type Provider } from "@phonebridge/core";
export { MockServerError } from "./errors.js";
export { prismArgs } from "./prism.js";
export { type ResolveSpecOptions, resolveSpec, type SpecLocation, specSpecifier } from "./specs.js";

/** Default time one Prism mock gets to accept connections. Five at once take about 3.5 s on 2 cores. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface StartMockServersOptions {
  /**
   * Your own spec file per vendor (path or `file:` URL). A vendor without an entry uses the spec
   * its package exports as `@phonebridge/<vendor>/openapi.json`.
   */
  specs?: Partial<Record<Provider, SpecLocation>> | undefined;
  /**
   * Directory from which `@phonebridge/<vendor>/openapi.json` is resolved when
   * `@phonebridge/testing` cannot see the vendor package itself. Default: `process.cwd()`.
   */
  root?: string | undefined;
  /** How long each mock gets to accept connections, in milliseconds. Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number | undefined;
}

/** Running Prism mocks, one per vendor. */
export interface MockServers<V extends Provider = Provider> {
  /**
   * Base URL of each vendor's mock: a bare origin such as `http://127.0.0.1:40123`. Prism ignores
   * the base path of the spec's `servers[].url`, so use this URL as the client's `baseUrl` as is.
   */
  readonly urls: Readonly<Record<V, string>>;
  /** Process id of each mock (the node process that runs Prism). */
  readonly pids: Readonly<Record<V, number>>;
  /** Spec file each mock serves. */
  readonly specs: Readonly<Record<V, string>>;
  /**
   * Kills every mock (SIGTERM, then SIGKILL after 3 s, to the whole process group) and resolves
   * once all have exited and their ports are closed. Safe to call more than once.
   */
  stop(): Promise<void>;
}

function checkProviders<V extends Provider>(vendors: readonly V[]): V[] {
  if (!Array.isArray(vendors)) throw new TypeError("startMockServers: vendors must be an array of vendor names");
  for (const vendor of vendors) {
    if (!isProvider(vendor)) {
      throw new TypeError(
        `startMockServers: unknown vendor ${JSON.stringify(vendor)}; expected one of ${PROVIDERS.join(", ")}`,
      );
    }
  }
  return [...new Set(vendors)];
}

/**
 * Starts one Prism mock server per vendor (default: every vendor), concurrently, each on a free
 * port of 127.0.0.1, and resolves once every one accepts connections.
 *
 * Prism runs in static mode: responses are the spec's examples, requests are validated against
 * the spec (security, required headers, bodies). If any mock fails to start, the ones already
 * running are stopped and the promise rejects with a {@link MockServerError} that names the
 * vendor and shows the tail of Prism's output.
 *
 * @example
 * const mocks = await startMockServers(["acme"]);
 * try {
 *   const res = await fetch(`${mocks.urls.acme}/phone-numbers/pn_123`, { method: "PATCH", ... });
 * } finally {
 *   await mocks.stop();
 * }
 */
export async function startMockServers<V extends Provider = Provider>(
  vendors?: readonly V[],
  options: StartMockServersOptions = {},
): Promise<MockServers<V>> {
  const selected = checkProviders(vendors ?? (PROVIDERS as readonly Provider[] as readonly V[]));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new TypeError(`startMockServers: timeoutMs must be a positive number, got ${String(timeoutMs)}`);
  }
  if (selected.length === 0) {
    return {
      urls: {} as Record<V, string>,
      pids: {} as Record<V, number>,
      specs: {} as Record<V, string>,
      stop: async () => {},
    };
  }

  // Every spec is found before any process starts, so a wrong path leaves nothing to clean up.
  const specPaths = await Promise.all(
    selected.map((vendor) => resolveSpec(vendor, { specs: options.specs, root: options.root })),
  );
  const ports = await freePorts(selected.length);
  const nextPort = async () => (await freePorts(1))[0] as number;

  const results = await Promise.allSettled(
    selected.map((vendor, i) => startPrism(vendor, specPaths[i] as string, ports[i] as number, timeoutMs, nextPort)),
  );
  const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (failures.length > 0) {
    await Promise.all(started.map((server) => server.stop()));
    const [first, ...rest] = failures;
    if (rest.length > 0 && first instanceof MockServerError) {
      const others = rest.map((e) => (e instanceof MockServerError ? e.vendor : String(e))).join(", ");
      first.message += `\n(${rest.length} more mock(s) failed too: ${others})`;
    }
    throw first;
  }
  return servers(started);
}

function servers<V extends Provider>(started: RunningPrism[]): MockServers<V> {
  const urls = {} as Record<V, string>;
  const pids = {} as Record<V, number>;
  const specs = {} as Record<V, string>;
  for (const server of started) {
    const vendor = server.vendor as V;
    urls[vendor] = server.url;
    pids[vendor] = server.pid;
    specs[vendor] = server.spec;
  }
  let stopping: Promise<void> | undefined;
  return {
    urls: Object.freeze(urls),
    pids: Object.freeze(pids),
    specs: Object.freeze(specs),
    stop() {
      stopping ??= Promise.all(started.map((server) => server.stop())).then(() => undefined);
      return stopping;
    },
  };
}

export { type RecordedRequest, type RecordingProxy, startRecordingProxy } from "./recording-proxy.js";
