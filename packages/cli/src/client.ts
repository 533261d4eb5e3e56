import type { Capabilities } from "./help.js";
import type { Provider } from "./providers.js";
import type { Secrets } from "./secrets.js";

/** What the CLI uses of `@phonebridge/facade` (CONTRACT.md "Facade"). */
export interface Changes {
  agentId?: string | null;
  label?: string | null;
  outboundAgentId?: string | null;
}

export interface UpdateOptions {
  signal?: AbortSignal;
  vendor?: Record<string, unknown>;
}

/** Where a vendor's response deviates from its spec (CONTRACT.md "Facade result"). */
export interface Drift {
  path: string;
  problem: string;
}

export interface UpdateResult {
  provider: string;
  id: string;
  number: string | null;
  label: string | null;
  agentId: string | null;
  outboundAgentId: string | null;
  raw: unknown;
  /** Present only when the vendor's response drifts from its spec; the update was done all the same. */
  drift?: readonly Drift[];
}

/** One page of a list: its numbers and the drift of its own fields (CONTRACT.md "Facade: get, list and find"). */
export interface ListPage {
  page: number;
  results: readonly UpdateResult[];
  drift?: readonly Drift[];
}

export interface PhoneNumbers {
  update(id: string, changes: Changes, options?: UpdateOptions): Promise<UpdateResult>;
  plan(id: string, changes: Changes, options?: Pick<UpdateOptions, "vendor">): PlannedRequest;
  /** Reads the number `id`; rejects with `unsupported_change` for a vendor without a get. */
  get(id: string, options?: { signal?: AbortSignal }): Promise<UpdateResult>;
  /** Every number of the account, page after page; rejects with `unsupported_change` without a list. */
  list(
    filter?: undefined,
    options?: { signal?: AbortSignal },
  ): AsyncIterable<UpdateResult> & { pages(): AsyncIterable<ListPage> };
  /** The number whose E.164 `number` is exactly this, or null; two are an `invalid_input` on `number`. */
  find(number: string, options?: { signal?: AbortSignal }): Promise<UpdateResult | null>;
}

export interface ClientOptions {
  provider: Provider;
  apiKey?: string;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  defaultHeaders?: Record<string, string>;
  timeoutMs?: number;
  maxRetries?: number;
  logLevel?: "debug" | "info" | "warn" | "off";
  logger?: { debug(line: string): void; info(line: string): void; warn(line: string): void };
  /** Awaited before every request, retries included (`--rate`). */
  beforeAttempt?: (signal: AbortSignal | undefined) => Promise<void>;
}

export type CreatePhoneNumbers = (options: ClientOptions) => PhoneNumbers;

interface Facade {
  createPhoneNumbers: CreatePhoneNumbers;
  capabilities: Capabilities;
}

let facade: Facade | undefined;

/** Loads the facade once, on first use, so the main help and usage errors never pay for it. */
async function facadeModule(): Promise<Facade> {
  facade ??= (await import("@phonebridge/facade")) as unknown as Facade;
  return facade;
}

export async function loadFacade(): Promise<CreatePhoneNumbers> {
  return (await facadeModule()).createPhoneNumbers;
}

/** What each vendor supports, from the facade's capability matrix (for the help of the commands). */
export async function loadCapabilities(): Promise<Capabilities> {
  return (await facadeModule()).capabilities;
}

/** The request a row would send, as `--dry-run` shows it: credentials and secret fields redacted. */
export interface PlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Shown instead of the base URL of a provider that has none yet (`--dry-run`). */
export const NO_BASE_URL = "<base URL>";

/**
 * Plans the request each row would send with the facade's `plan`: the same input checks as a
 * real update, no fetch, no timers. The CLI's own redaction (keys given on its command line)
 * runs over the facade's. `placeholderBase`: the client was made with this base URL for want of
 * one, and the URLs show {@link NO_BASE_URL} instead.
 */
export function createPlanner(client: PhoneNumbers, secrets: Secrets, placeholderBase?: string) {
  return {
    /** Resolves with the request, or rejects with the facade's input error. */
    async plan(id: string, changes: Changes, updateOptions?: UpdateOptions): Promise<PlannedRequest> {
      const planned = client.plan(id, changes, { vendor: updateOptions?.vendor });
      const url =
        placeholderBase !== undefined && planned.url.startsWith(placeholderBase)
          ? NO_BASE_URL + planned.url.slice(placeholderBase.length)
          : planned.url;
      return {
        method: planned.method,
        url: secrets.text(url),
        headers: secrets.headers({ ...planned.headers }),
        body: secrets.value(planned.body),
      };
    },
  };
}

export type Planner = ReturnType<typeof createPlanner>;
