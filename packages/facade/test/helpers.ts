import { PhoneBridgeError, type Provider } from "@phonebridge/core";
import { expect } from "vitest";
import { ADAPTERS, DATA, PROVIDERS, SCENARIOS, type Scenario } from "./vendors.js";

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

/**
 * A change the vendor supports (its label where it takes one, else its agent) and the body that
 * change sends, from its wire table (test/adapters/<vendor>.ts).
 */
export function oneChange(provider: Provider): [changes: Record<string, string>, body: Record<string, unknown>] {
  const scenario: Scenario = ADAPTERS[provider].capabilities.label.set !== "unsupported" ? "set label" : "assign";
  const body = DATA[provider].wire[scenario];
  if (body === "unsupported") throw new Error(`${provider} supports neither a label nor an agent`);
  return [SCENARIOS[scenario], body];
}

/** The first vendor whose capability row passes `test` (a vendor to exercise a rule that not every vendor has). */
export function vendorWith(test: (provider: Provider) => boolean): Provider | undefined {
  return PROVIDERS.find(test);
}

/**
 * Runs `body` with `Object.prototype` (and `Array.prototype`) polluted by `names`, removed again
 * before anything is checked, so a failure message never meets the polluted prototype.
 */
export async function polluted<T>(names: Record<string, unknown>, body: () => Promise<T> | T): Promise<T> {
  const targets = [Object.prototype, Array.prototype] as Record<string, unknown>[];
  for (const [name, value] of Object.entries(names)) {
    const target = name.startsWith("Array.") ? (targets[1] as object) : (targets[0] as object);
    Object.defineProperty(target, name.replace(/^Array\./, ""), { value, configurable: true, writable: true });
  }
  try {
    return await body();
  } finally {
    for (const name of Object.keys(names)) {
      const target = name.startsWith("Array.") ? Array.prototype : Object.prototype;
      delete (target as unknown as Record<string, unknown>)[name.replace(/^Array\./, "")];
    }
  }
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

/**
 * `text` with every escape a reader could undo undone, again and again until nothing changes:
 * JSON and JavaScript (`\u0050`, `\x50`, `\/`), URL (`%50`), HTML (`&#80;`, `&#x50;`, `&amp;`).
 * A secret that shows in the result of this was shown, in a disguise.
 */
export function revealed(text: string): string {
  const char = (code: number): string => (code <= 0x10ffff ? String.fromCodePoint(code) : "");
  let out = text;
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => char(Number.parseInt(hex, 16)))
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => char(Number.parseInt(hex, 16)))
      .replace(/\\(["\\/])/g, "$1")
      .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
        try {
          return decodeURIComponent(run);
        } catch {
          return run;
        }
      })
      .replace(/&#([0-9]+);?/g, (_, dec: string) => char(Number.parseInt(dec, 10)))
      .replace(/&#[xX]([0-9a-fA-F]+);?/g, (_, hex: string) => char(Number.parseInt(hex, 16)))
      .replace(
        /&(amp|lt|gt|quot|apos);/g,
        (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name] ?? "",
      );
  }
  return out;
}
