import type { Provider } from "./providers.js";
import type { Secrets } from "./secrets.js";

/** What the CLI uses of `@phonebridge/facade` (issue 10, CONTRACT.md "Facade"). */
export interface Changes {
  agentId?: string | null;
  label?: string | null;
  outboundAgentId?: string | null;
}

export interface UpdateOptions {
  signal?: AbortSignal;
  vendor?: Record<string, unknown>;
}

export interface UpdateResult {
  provider: string;
  id: string;
  number: string | null;
  label: string | null;
  agentId: string | null;
  outboundAgentId: string | null;
  raw: unknown;
}

export interface PhoneNumbers {
  update(id: string, changes: Changes, options?: UpdateOptions): Promise<UpdateResult>;
}

export interface ClientOptions {
  provider: Provider;
  apiKey?: string;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  maxRetries?: number;
}

type CreatePhoneNumbers = (options: ClientOptions) => PhoneNumbers;

let factory: CreatePhoneNumbers | undefined;

/** Loads the facade once, on first use, so `--help` and usage errors never pay for it. */
export async function loadFacade(): Promise<CreatePhoneNumbers> {
  if (factory === undefined) {
    const facade = (await import("@phonebridge/facade")) as unknown as { createPhoneNumbers: CreatePhoneNumbers };
    factory = facade.createPhoneNumbers;
  }
  return factory;
}

/** The request a row would send, as `--dry-run` shows it: credentials and secret fields redacted. */
export interface PlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Thrown by the recording `fetch` of a dry run, so that nothing leaves the process. */
class DryRunStop extends Error {}

/**
 * A client whose `fetch` records the request and never sends it. The facade runs every input
 * rule before it calls `fetch`, so a call either rejects with the input error (a bad row) or
 * reaches `fetch`, where the request is captured. Calls must not overlap: `plan` awaits each.
 */
export function createPlanner(create: CreatePhoneNumbers, options: ClientOptions, secrets: Secrets) {
  let captured: PlannedRequest | undefined;
  const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const headers: Record<string, string> = {};
    new Headers(init?.headers ?? request?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const text = typeof init?.body === "string" ? init.body : request ? await request.clone().text() : "";
    let body: unknown = text === "" ? undefined : text;
    try {
      if (text !== "") body = JSON.parse(text);
    } catch {
      // not JSON: shown as text
    }
    captured = {
      method: init?.method ?? request?.method ?? "GET",
      url: secrets.text(request ? request.url : String(input)),
      headers: secrets.headers(headers),
      body: secrets.value(body),
    };
    throw new DryRunStop("dry run: not sent");
  };
  const client = create({ ...options, fetch: recordingFetch as typeof globalThis.fetch, maxRetries: 0 });
  return {
    /** Resolves with the request, or rejects with the facade's input error. */
    async plan(id: string, changes: Changes, updateOptions?: UpdateOptions): Promise<PlannedRequest> {
      captured = undefined;
      try {
        await client.update(id, changes, updateOptions);
      } catch (error) {
        if (captured !== undefined) return captured;
        throw error;
      }
      if (captured !== undefined) return captured;
      throw new Error("the facade returned without sending a request");
    },
  };
}
