/**
 * Every options type of every package accepts `undefined` where it accepts a value, so code
 * compiled with `exactOptionalPropertyTypes` can pass what it has (an environment variable, an
 * optional field of its own) without spelling the absent case out (docs/CONTRACT.md#vendor-packages-phonebridgevendor).
 * tsconfig.exact.json compiles this file with that flag on (`pnpm typecheck`); without the
 * `| undefined` in a type, the assignment to it below is a compile error.
 */
import type { UpdatePhoneNumberBody as CaldBody } from "@phonebridge/cald";
import { createCaldClient, createCaldTransport } from "@phonebridge/cald";
import { createCartesiaClient, createCartesiaTransport } from "@phonebridge/cartesia";
import type {
  BeforeAttempt,
  ClientOptions,
  Logger,
  LogLevel,
  PhoneBridgeErrorInit,
  PolicyHooks,
  RequestOptions,
  VendorClientOptions,
} from "@phonebridge/core";
import { createRetellClient, createRetellTransport, type RetellClientOptions } from "@phonebridge/retell";
import type { ResolveSpecOptions, StartMockServersOptions } from "@phonebridge/testing";
import { createVerbexClient, createVerbexTransport } from "@phonebridge/verbex";
import { createVogentClient, createVogentTransport } from "@phonebridge/vogent";
import { createPhoneNumbers as createCaldNumbers } from "../src/cald.js";
import { createPhoneNumbers as createCartesiaNumbers } from "../src/cartesia.js";
import { createPhoneNumbers, type PhoneNumbersOptions, type UpdateOptions } from "../src/index.js";
import { createPhoneNumbers as createRetellNumbers, type RetellPhoneNumbersOptions } from "../src/retell.js";
import { createPhoneNumbers as createVerbexNumbers } from "../src/verbex.js";
import { createPhoneNumbers as createVogentNumbers } from "../src/vogent.js";

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

// The example users write.
createRetellClient({ apiKey: process.env.RETELL_API_KEY });

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
  provider: "retell" as const,
  detail: "x",
  status: maybe.number,
  field: maybe.string,
  vendorMessage: maybe.string,
  attempts: maybe.number,
  retryAfterMs: maybe.number,
  headers: maybe.headers,
  requestId: maybe.string,
}) satisfies PhoneBridgeErrorInit;

// Every vendor package: its client and transport options, and the options of its update.
const retellOptions: RetellClientOptions = vendorClient;
createRetellTransport(retellOptions);
for (const create of [createRetellClient, createCartesiaClient, createVerbexClient, createVogentClient]) {
  create(vendorClient);
}
for (const create of [createCartesiaTransport, createVerbexTransport, createVogentTransport, createCaldTransport]) {
  create(vendorClient);
}
declare const caldBody: CaldBody;
const cald = createCaldClient(vendorClient);
void cald.updatePhoneNumber("pn_1", caldBody, call);
void cald.updatePhoneNumber("pn_1", caldBody, { ...call, withResponse: undefined });
void cald
  .updatePhoneNumber("pn_1", caldBody, { ...call, withResponse: true })
  .then(({ response }) => response.requestId);

// The facade: its options, each entry's, and the options of update and plan.
const facade: PhoneNumbersOptions<"verbex"> = { provider: "verbex", ...client };
createPhoneNumbers(facade);
const retellFacade: RetellPhoneNumbersOptions = { ...client, provider: undefined };
const phones = createRetellNumbers(retellFacade);
for (const create of [createCartesiaNumbers, createVerbexNumbers, createVogentNumbers, createCaldNumbers]) {
  create({ ...client, provider: undefined });
}
const update: UpdateOptions<"retell"> = { ...call, vendor: undefined };
void phones.update("+14157774444", { agentId: maybe.string, label: maybe.string }, update);
void phones.update("+14157774444", { agentId: null }, { ...update, withResponse: undefined });
void phones.update("+14157774444", { agentId: null }, { ...update, withResponse: true }).then(({ data }) => data.raw);
phones.plan("+14157774444", { agentId: maybe.string }, { vendor: undefined, headers: maybe.headers });

// The testing package's options too.
const mocks = every<StartMockServersOptions>()({
  specs: undefined,
  root: maybe.string,
  timeoutMs: maybe.number,
}) satisfies StartMockServersOptions;
const specs = every<ResolveSpecOptions>()({ specs: undefined, root: maybe.string }) satisfies ResolveSpecOptions;

export { hooks, init, mocks, specs };
