import { PhoneBridgeError, type Provider } from "@phonebridge/core";
import { expect } from "vitest";
import { ADAPTERS, DATA, PROVIDERS } from "./vendors.js";

export { ADAPTERS, PROVIDERS };

/** A `fetch` that records each request exactly as it leaves the facade, then passes it on. */
export interface SentRequest {
  method: string;
  /** The URL as given to fetch (no normalization). */
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export function recordingFetch(next: typeof fetch = globalThis.fetch): { sent: SentRequest[]; fetch: typeof fetch } {
  const sent: SentRequest[] = [];
  const recorder = ((input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      method: String(init?.method),
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    return next(input, init);
  }) as typeof fetch;
  return { sent, fetch: recorder };
}

/** A valid 200 body per vendor, as its spec requires (test/adapters/<vendor>.ts). */
export const OK_BODY: Readonly<Record<Provider, Record<string, unknown>>> = Object.fromEntries(
  PROVIDERS.map((provider) => [provider, DATA[provider].okBody]),
) as Record<Provider, Record<string, unknown>>;

/** A fetch that never reaches a network: records and answers 200 with `body`. */
export function stubFetch(body: unknown): { sent: SentRequest[]; fetch: typeof fetch } {
  return recordingFetch(
    (async () =>
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { "content-type": "application/json" },
      })) as typeof fetch,
  );
}

/** A valid id per vendor (test/adapters/<vendor>.ts). */
export const IDS: Readonly<Record<Provider, string>> = Object.fromEntries(
  PROVIDERS.map((provider) => [provider, DATA[provider].id]),
) as Record<Provider, string>;

/** The first vendor whose capability row passes `test` (a vendor to exercise a rule that not every vendor has). */
export function vendorWith(test: (provider: Provider) => boolean): Provider | undefined {
  return PROVIDERS.find(test);
}

/** The PhoneBridgeError `promise` rejects with; fails the test when it resolves or rejects otherwise. */
export async function failure(promise: Promise<unknown>): Promise<PhoneBridgeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhoneBridgeError);
  return error as PhoneBridgeError;
}
