import { PhoneBridgeError, type Provider } from "@phonebridge/core";
import { expect } from "vitest";
import type { Adapter } from "../src/adapter.js";
import { caldAdapter } from "../src/adapters/cald.js";
import { cartesiaAdapter } from "../src/adapters/cartesia.js";
import { retellAdapter } from "../src/adapters/retell.js";
import { verbexAdapter } from "../src/adapters/verbex.js";
import { vogentAdapter } from "../src/adapters/vogent.js";

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

/** A valid 200 body per vendor, as its spec requires. */
export const OK_BODY = {
  retell: { phone_number: "+14157774444", phone_number_type: "custom", last_modification_timestamp: 1 },
  cartesia: {
    id: "pn_1",
    number: "+14155551234",
    label: null,
    agent: null,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    provider: { type: "cartesia" },
  },
  verbex: { phone_number: "+14155551234" },
  vogent: { id: "pn_1", number: "+14155551234", type: "PSTN", agentId: null },
  cald: { phoneNumberId: "pn_1", phoneNumber: "+14155551234" },
} as const;

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

/** A valid id per vendor (Retell's is an E.164 number). */
export const IDS: Readonly<Record<Provider, string>> = {
  retell: "+14157774444",
  cartesia: "pn_1",
  verbex: "pn_1",
  vogent: "pn_1",
  cald: "pn_1",
};

/** Every vendor's adapter, for tests that drive the engine directly. */
export const ADAPTERS: Readonly<Record<Provider, Adapter>> = {
  retell: retellAdapter as Adapter,
  cartesia: cartesiaAdapter as Adapter,
  verbex: verbexAdapter as Adapter,
  vogent: vogentAdapter as Adapter,
  cald: caldAdapter as Adapter,
};

/** The five vendors, in the order the tests list them. */
export const PROVIDERS = Object.keys(IDS) as Provider[];

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
