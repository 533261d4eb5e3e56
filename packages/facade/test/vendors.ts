/**
 * The vendors the suites run over: every vendor of the registry (the folders of specs/), each
 * with its adapter and the facts its tests need, from test/adapters/<vendor>.ts. A vendor added
 * to specs/ is run by every suite; one without its test data fails them all, naming the file to
 * write (docs/adding-a-vendor.md#the-adapters-tests).
 */
import { PROVIDERS, type Provider } from "@phonebridge/core";
import type fc from "fast-check";
import type { Adapter, Reading } from "../src/adapter.js";
import { ADAPTERS } from "../src/generated/adapters.js";

export { ADAPTERS, PROVIDERS };

/** The changes of the contract's wire table (docs/CONTRACT.md#facade-updateid-changes-options). */
export const SCENARIOS = {
  assign: { agentId: "A" },
  remove: { agentId: null },
  "set label": { label: "X" },
  "clear label": { label: null },
  "outbound assign": { outboundAgentId: "B" },
  "outbound remove": { outboundAgentId: null },
  "several changes merge into one body": { agentId: "A", label: "X", outboundAgentId: null },
} as const satisfies Record<string, Record<string, string | null>>;

export type Scenario = keyof typeof SCENARIOS;

/** The body sent for a scenario, or "unsupported" (refused before any request). */
export type Wire = Record<string, unknown> | "unsupported";

/** What the tests need to know of one vendor, written out from its spec and docs, apart from its adapter. */
export interface AdapterTestData {
  /** A valid id of a number. */
  id: string;
  /** A 200 body the vendor's spec accepts. */
  okBody: Record<string, unknown>;
  /**
   * 200 bodies that deviate from the vendor's spec (a required field missing, a field of the wrong
   * type, an unknown enum value): each is still a result (docs/CONTRACT.md#facade-result), with
   * what could be read and the paths of its drift.
   */
  drifted: Array<[name: string, body: Record<string, unknown>, reading: Reading, driftPaths: string[]]>;
  /** A 200 body that echoes `text` in the fields the adapter reads. */
  echoing(text: string): Record<string, unknown>;
  /** What goes on the wire for each scenario: the contract's table. */
  wire: Record<Scenario, Wire>;
  /** Changes the plan test sends (several at once where the vendor takes them). */
  planChanges: Record<string, string | null>;
  /** The vendor's Prism mock: what reaches it for `id`, and what it answers. */
  prism: {
    id: string;
    method: "PATCH" | "PUT";
    target: string;
    /** The headers besides accept and content-type, for the API key `key`. */
    headers(key: string): Record<string, string>;
    result: Reading;
    /** An update with a passthrough field of the wrong type, and the error it ends with. */
    refused: { changes: Record<string, unknown>; vendor: Record<string, unknown>; error: Record<string, unknown> };
  };
  /** Property tests: ids the vendor accepts, and passthrough fields its spec allows (default: none). */
  arbitraries?: {
    id?: fc.Arbitrary<string>;
    vendor?: fc.Arbitrary<Record<string, unknown> | undefined>;
  };
}

async function load(provider: Provider): Promise<AdapterTestData> {
  let module: { data?: AdapterTestData };
  try {
    module = (await import(`./adapters/${provider}.ts`)) as { data?: AdapterTestData };
  } catch (error) {
    throw new Error(
      `no test data for ${provider}: write test/adapters/${provider}.ts (docs/adding-a-vendor.md#the-adapters-tests): ${String(error)}`,
    );
  }
  if (module.data === undefined) throw new Error(`test/adapters/${provider}.ts exports no \`data\``);
  return module.data;
}

/** Every vendor's test data, by provider. */
export const DATA: Readonly<Record<Provider, AdapterTestData>> = Object.fromEntries(
  await Promise.all(PROVIDERS.map(async (provider) => [provider, await load(provider)] as const)),
) as Record<Provider, AdapterTestData>;

/** Every vendor's adapter, typed loosely, for tests that drive the engine directly. */
export const adapterOf = (provider: Provider): Adapter => ADAPTERS[provider];
