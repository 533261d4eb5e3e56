/**
 * Every options type of every package accepts `undefined` where it accepts a value, so code
 * compiled with `exactOptionalPropertyTypes` can pass what it has (an environment variable, an
 * optional field of its own) without spelling the absent case out (docs/CONTRACT.md#vendor-packages-phonebridgevendor).
 * tsconfig.exact.json compiles this file with that flag on (`pnpm typecheck`); without the
 * `| undefined` in a type, the assignment to it below is a compile error.
 */
import { createCaldClient, createCaldTransport } from "@phonebridge/cald";
import { createCartesiaClient, createCartesiaTransport } from "@phonebridge/cartesia";
import {
  type BeforeAttempt,
  type ClientOptions,
  type Logger,
  type LogLevel,
  type PhoneBridgeErrorInit,
  type PolicyHooks,
  PROVIDERS,
  type Provider,
  type RequestOptions,
  type UpdateFunction,
  type VendorClientOptions,
} from "@phonebridge/core";
import { createRetellClient, createRetellTransport } from "@phonebridge/retell";
import type { ResolveSpecOptions, StartMockServersOptions } from "@phonebridge/testing";
import { createVerbexClient, createVerbexTransport } from "@phonebridge/verbex";
import { createVogentClient, createVogentTransport } from "@phonebridge/vogent";
import { createPhoneNumbers as createCaldNumbers } from "../src/generated/entries/cald.js";
import { createPhoneNumbers as createCartesiaNumbers } from "../src/generated/entries/cartesia.js";
import { createPhoneNumbers as createRetellNumbers } from "../src/generated/entries/retell.js";
import { createPhoneNumbers as createVerbexNumbers } from "../src/generated/entries/verbex.js";
import { createPhoneNumbers as createVogentNumbers } from "../src/generated/entries/vogent.js";
import { createPhoneNumbers, type PhoneNumbersOptions, type UpdateOptions } from "../src/index.js";

/** What a caller holds: values that may or may not be there. */
declare const maybe: {
  string: string | undefined;
  number: number | undefined;
  headers: Record<string, string> | undefined;
  fetch: typeof fetch | undefined;
  signal: AbortSignal | undefined;
  logLevel: LogLevel | undefined;
  logger: Logger | undefined;
  beforeAttempt: BeforeAttempt | undefined;
  random: (() => number) | undefined;
};

/** Checks that `value` names every option of `T` (so an option added later is covered too). */
const every =
  <T>() =>
  <U extends Record<keyof T, unknown>>(value: U): U =>
    value;

const client = every<ClientOptions>()({
  apiKey: maybe.string,
  baseUrl: maybe.string,
  fetch: maybe.fetch,
  defaultHeaders: maybe.headers,
  timeoutMs: maybe.number,
  maxRetries: maybe.number,
  logLevel: maybe.logLevel,
  logger: maybe.logger,
  beforeAttempt: maybe.beforeAttempt,
}) satisfies ClientOptions;
const vendorClient: VendorClientOptions = { ...client, headers: maybe.headers };
const call = every<RequestOptions>()({
  signal: maybe.signal,
  timeoutMs: maybe.number,
  maxRetries: maybe.number,
  headers: maybe.headers,
}) satisfies RequestOptions;
const hooks = every<PolicyHooks>()({ random: maybe.random, sleep: undefined }) satisfies PolicyHooks;
const init = every<Omit<PhoneBridgeErrorInit, "body">>()({
  code: "server" as const,
  provider: PROVIDERS[0],
  detail: "x",
  status: maybe.number,
  field: maybe.string,
  vendorMessage: maybe.string,
  attempts: maybe.number,
  retryAfterMs: maybe.number,
  headers: maybe.headers,
  requestId: maybe.string,
}) satisfies PhoneBridgeErrorInit;

/** A vendor's three entry points that take options: its package's client and transport, its facade entry. */
interface EntryPoints {
  // Function-typed properties, not methods, so that each row's parameters are checked strictly.
  client: (options?: VendorClientOptions) => { updatePhoneNumber: UpdateFunction<never, unknown> };
  transport: (options?: VendorClientOptions) => unknown;
  facade: (options?: Omit<PhoneNumbersOptions<Provider>, "provider"> & { provider?: undefined }) => unknown;
}

/**
 * Every vendor of the registry (exhaustive: a vendor added to specs/ without its row here is a
 * compile error naming it). The entry points are generated from one template each; this checks
 * that every generated one accepts what a caller holds.
 */
const ENTRY_POINTS = {
  cald: { client: createCaldClient, transport: createCaldTransport, facade: createCaldNumbers },
  cartesia: { client: createCartesiaClient, transport: createCartesiaTransport, facade: createCartesiaNumbers },
  retell: { client: createRetellClient, transport: createRetellTransport, facade: createRetellNumbers },
  verbex: { client: createVerbexClient, transport: createVerbexTransport, facade: createVerbexNumbers },
  vogent: { client: createVogentClient, transport: createVogentTransport, facade: createVogentNumbers },
} satisfies Record<Provider, EntryPoints>;

/** A vendor's update body, as each vendor's type is its own. */
declare const body: never;

for (const provider of PROVIDERS) {
  const { client: createClient, transport, facade } = ENTRY_POINTS[provider] as EntryPoints;
  // The example users write: the key from the environment, which may be unset.
  createClient({ apiKey: process.env[`${provider.toUpperCase()}_API_KEY`] });
  const vendor = createClient(vendorClient);
  void vendor.updatePhoneNumber("id", body, call);
  void vendor.updatePhoneNumber("id", body, { ...call, withResponse: undefined });
  void vendor.updatePhoneNumber("id", body, { ...call, withResponse: true });
  transport(vendorClient);
  facade({ ...client, provider: undefined });
}

// The facade's root entry, and the options of update and plan, for any vendor.
declare const anyProvider: Provider;
const facadeOptions: PhoneNumbersOptions<Provider> = { provider: anyProvider, ...client };
const phones = createPhoneNumbers(facadeOptions);
const update: UpdateOptions<Provider> = { ...call, vendor: undefined };
void phones.update("id", { agentId: maybe.string, label: maybe.string }, update);
void phones.update("id", { agentId: null }, { ...update, withResponse: undefined });
void phones.update("id", { agentId: null }, { ...update, withResponse: true }).then(({ data }) => data.raw);
phones.plan("id", { agentId: maybe.string }, { vendor: undefined, headers: maybe.headers });

// The testing package's options too.
const mocks = every<StartMockServersOptions>()({
  specs: undefined,
  root: maybe.string,
  timeoutMs: maybe.number,
}) satisfies StartMockServersOptions;
const specs = every<ResolveSpecOptions>()({ specs: undefined, root: maybe.string }) satisfies ResolveSpecOptions;

export { hooks, init, mocks, specs };
