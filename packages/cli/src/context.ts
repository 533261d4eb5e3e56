import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { userAgent } from "@phonebridge/core";
import type { ClientOptions } from "./client.js";
import { type PerProvider, valueFor } from "./config.js";
import { printable } from "./output.js";
import type { Provider } from "./providers.js";
import type { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";
import { NAME, VERSION } from "./version.js";

/**
 * What to run to install an optional peer dependency, in the version range this CLI declares
 * (`npm install -D @phonebridge/testing@^1.2.0`, and the same for pnpm and Yarn).
 */
function installCommand(name: string): string {
  let range: string | undefined;
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      peerDependencies?: Record<string, string>;
    };
    range = pkg.peerDependencies?.[name];
  } catch {}
  // In the repository the range is pnpm's `workspace:^`, which only pnpm reads: leave it out.
  const spec = range === undefined || range.startsWith("workspace:") ? name : `${name}@${range}`;
  return `npm install -D ${spec} (or pnpm add -D ${spec}, yarn add -D ${spec})`;
}

/** The placeholder key sent to the embedded mocks, which check that a key is there, not which. */
export const MOCK_API_KEY = "phonebridge-mock-key";

export interface Connection {
  apiKeys: PerProvider;
  baseUrls: PerProvider;
  timeoutMs: number | undefined;
  maxRetries: number | undefined;
  mock: boolean;
  /** `--verbose`: the request pipeline's debug log (every attempt) on stderr. */
  verbose: boolean;
}

interface MockServers {
  urls: Partial<Record<string, string>>;
  stop(): Promise<void> | void;
}

/** Resolved options of each provider's client, and the mocks when `--mock` started them. */
export class Connections {
  #mocks: MockServers | undefined;
  /**
   * The library's log goes to stderr, whatever asks for it (`--verbose` or PHONEBRIDGE_LOG):
   * never to stdout, which holds results (JSON only with --json). The known keys are redacted
   * once more, as in every other line the CLI prints.
   */
  readonly #logger = {
    debug: (line: string) => this.#log(line),
    info: (line: string) => this.#log(line),
    warn: (line: string) => this.#log(line),
  };

  constructor(
    readonly connection: Connection,
    readonly secrets: Secrets,
  ) {
    for (const value of [connection.apiKeys.all, ...Object.values(connection.apiKeys.byProvider)]) {
      secrets.add(value);
    }
  }

  /** With `--mock`, starts the embedded Prism mocks of these providers (lazily loaded). */
  async start(providers: readonly Provider[]): Promise<void> {
    if (!this.connection.mock || providers.length === 0) return;
    const specifier = "@phonebridge/testing";
    let testing: {
      startMockServers(vendors?: readonly string[], options?: { root?: string }): Promise<MockServers>;
    };
    try {
      testing = (await import(specifier)) as typeof testing;
    } catch (error) {
      // An optional peer dependency: the Prism mocks are a test tool, not part of every install.
      const notInstalled =
        (error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND" && String(error).includes(specifier);
      throw new UsageError(
        notInstalled
          ? `--mock needs ${specifier} (the Prism mocks), which is not installed: ${installCommand(specifier)}`
          : `--mock needs ${specifier}, which could not be loaded (${(error as Error).message})`,
      );
    }
    // The vendor specs come from the vendor packages, which the facade depends on.
    let root: string | undefined;
    try {
      root = fileURLToPath(new URL("..", import.meta.resolve("@phonebridge/facade")));
    } catch {
      root = undefined;
    }
    try {
      this.#mocks = await testing.startMockServers([...providers], root === undefined ? {} : { root });
    } catch (error) {
      throw new Error(`--mock: the embedded mocks did not start: ${(error as Error).message}`);
    }
  }

  async stop(): Promise<void> {
    const mocks = this.#mocks;
    this.#mocks = undefined;
    await mocks?.stop();
  }

  #log(line: string): void {
    process.stderr.write(`${printable(this.secrets.text(line))}\n`);
  }

  options(provider: Provider): ClientOptions {
    const { apiKeys, baseUrls, timeoutMs, maxRetries, verbose } = this.connection;
    const options: ClientOptions = {
      provider,
      // Every request names the CLI and its version (docs/CONTRACT.md#what-every-request-carries).
      defaultHeaders: { "user-agent": userAgent(NAME, VERSION) },
      logger: this.#logger,
    };
    if (verbose) options.logLevel = "debug";
    let apiKey = valueFor(apiKeys, provider);
    let baseUrl = valueFor(baseUrls, provider);
    if (this.#mocks) {
      const url = this.#mocks.urls[provider];
      if (url === undefined) throw new Error(`the mock of ${provider} did not start`);
      baseUrl = url;
      apiKey ??= MOCK_API_KEY;
    }
    if (apiKey !== undefined) options.apiKey = apiKey;
    if (baseUrl !== undefined) options.baseUrl = baseUrl;
    if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
    if (maxRetries !== undefined) options.maxRetries = maxRetries;
    return options;
  }
}
