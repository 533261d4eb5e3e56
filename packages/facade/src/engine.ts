/**
 * One vendor's `update` and `plan`, composed once per client from the parts that hold the
 * policy: the input rules (input.ts), the vendor's body building (its adapter), the request
 * pipeline of @phonebridge/core (retries, timeouts, errors, redaction, the log) and the
 * normalization of the result (result.ts).
 */
import {
  bodyText,
  createSecrets,
  createVendorTransport,
  describeRequest,
  inputError,
  isPhoneBridgeError,
  ownFields,
  PhoneBridgeError,
  type PlannedRequest,
  type PolicyHooks,
  type Provider,
  paginate,
  pollutedError,
  providerTitle,
  type RequestOptions,
  userAgent,
} from "@phonebridge/core";
import { type Adapter, isRecord } from "./adapter.js";
import { inputRules } from "./input.js";
import { readResult, withDrift } from "./result.js";
import type { PhoneNumberResult, PhoneNumbers, PhoneNumbersOptions } from "./types.js";
import { NAME, VERSION } from "./version.js";

/** An E.164 number: what `find` takes. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** Test hooks: deterministic jitter and waits. Not part of the public API. */
export type PolicyOverrides = PolicyHooks;

/**
 * Builds the `update` and `plan` of one vendor: everything that can be done once (key, base URL,
 * headers, policy and log, the rules) happens here, so a call only checks what it was given,
 * builds one body and sends it.
 */
export function createWithAdapter<P extends Provider, Body>(
  adapter: Adapter<P, Body>,
  options: Omit<PhoneNumbersOptions<P>, "provider">,
  hooks?: PolicyOverrides,
): PhoneNumbers<P> {
  const { provider } = adapter;
  // Only the caller's own options count, each read once (docs/CONTRACT.md, facade rules).
  const given = ownFields(options);
  // A per-vendor entry (`@phonebridge/facade/<vendor>`) lets `provider` be left out, never differ.
  if (given.provider !== undefined && given.provider !== provider) {
    const quoted = createSecrets([], [given.apiKey as string]).quote(given.provider);
    throw new TypeError(`@phonebridge/facade/${provider}: provider must be ${JSON.stringify(provider)}, not ${quoted}`);
  }
  // `headers` is the vendor clients' first name of defaultHeaders; here it is a call's option only.
  if (given.headers !== undefined) {
    throw inputError(provider, "headers", "headers is an option of a call: pass defaultHeaders to createPhoneNumbers");
  }
  const transport = createVendorTransport<Body, unknown>(adapter.descriptor, given, userAgent(NAME, VERSION), hooks);
  const { check, checkRead } = inputRules(adapter, transport.secrets);
  const { secrets: clientSecrets } = transport;
  const { reads } = adapter.capabilities;
  const { get: getRef, list: listRef } = adapter.descriptor;
  const getOp = getRef && transport.operation("GET", getRef.path);
  const listOp = listRef && transport.operation("GET", listRef.path);
  const title = providerTitle(provider);
  /** A read the vendor does not document: refused before anything is sent. */
  const unsupported = (name: string) =>
    new PhoneBridgeError({
      code: "unsupported_change",
      provider,
      field: name,
      detail: `${title} documents no ${name === "find" ? "list" : name} operation: ${name} is not supported`,
    });

  const update = (id: string, changes: unknown, updateOptions?: unknown) => {
    try {
      const { body, secrets, options: call } = check(id, changes, updateOptions);
      const read = (data: unknown, text: string) => readResult(adapter, id, data, text, secrets);
      return transport.send(id, body as Body, call, read, secrets);
    } catch (error) {
      // Bad input rejects like every other failure: the caller awaits one promise.
      return Promise.reject(error);
    }
  };

  /** The request `update` would send, redacted, sent nowhere: the same checks, no fetch, no timers. */
  const plan = (id: string, changes: unknown, planOptions?: unknown): PlannedRequest => {
    const { body, secrets } = check(id, changes, planOptions);
    // As plain JSON data (the snapshot's objects have no prototype), exactly what would be sent.
    const text = bodyText(body);
    if (text === undefined) throw pollutedError(provider);
    return describeRequest(transport, id, JSON.parse(text) as Body, secrets);
  };

  /** `get(id)`: the normalized result of the vendor's read of one number, with its drift. */
  const get = (id: string, getOptions?: unknown) => {
    try {
      if (!getOp) throw unsupported("get");
      const call = checkRead(id, getOptions);
      const read = (data: unknown, text: string) =>
        withDrift(readResult(adapter, id, data, text, clientSecrets), data, adapter.validators?.get);
      return getOp([id], undefined, call, read, clientSecrets);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  /**
   * `list(filter?)`: every number of every page, normalized, each item checked on its own; the
   * agent filter sent as the vendor's query parameter, or applied here (capabilities.reads).
   */
  const list = (filter?: unknown, listOptions?: unknown): AsyncIterable<PhoneNumberResult<P>> => {
    if (!listOp || !listRef) throw unsupported("list");
    const call = checkRead(undefined, listOptions);
    if (filter !== undefined && !isRecord(filter)) {
      throw inputError(provider, "filter", `filter must be an object, not ${clientSecrets.quote(filter)}`);
    }
    const { agentId, ...rest } = ownFields(filter ?? {}) as { agentId?: unknown };
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) {
      throw inputError(
        provider,
        "filter",
        `unknown filter ${clientSecrets.quote(unknown)}: list filters by agentId only`,
      );
    }
    if (agentId !== undefined && (typeof agentId !== "string" || agentId === "")) {
      throw inputError(
        provider,
        "agentId",
        `filter.agentId must be a non-empty string, not ${clientSecrets.quote(agentId)}`,
      );
    }
    const byVendor = agentId !== undefined && reads.agentFilter !== "client";
    return scan(byVendor ? { [reads.agentFilter as string]: agentId } : undefined, call, agentId);
  };

  /** The list's pages read into results; `agentId` kept only (checked on every item: a vendor filter may be loose). */
  const scan = (
    query: Record<string, string> | undefined,
    call: RequestOptions | undefined,
    agentId: string | undefined,
  ): AsyncIterable<PhoneNumberResult<P>> => {
    const { pagination } = listRef as NonNullable<typeof listRef>;
    const pages = paginate<Record<string, unknown[]>, unknown>(
      listOp as NonNullable<typeof listOp>,
      provider,
      pagination,
      query,
      call,
      clientSecrets,
    );
    const idField = adapter.idField as string;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const page of pages.pages()) {
          for (const item of page[pagination.response.items] as unknown[]) {
            const id = isRecord(item) && typeof item[idField] === "string" ? (item[idField] as string) : "";
            const result = withDrift(
              readResult(adapter, id, item, JSON.stringify(item), clientSecrets),
              item,
              adapter.validators?.listItem,
            );
            if (typeof result === "string") {
              throw new PhoneBridgeError({ code: "invalid_response", provider, detail: `a listed number ${result}` });
            }
            if (agentId === undefined || result.agentId === agentId) yield result as PhoneNumberResult<P>;
          }
        }
      },
    };
  };

  /**
   * `find(number)`: the result whose number is exactly `number` (E.164), or null; two are an
   * error, never a guess. Its cost per vendor is capabilities.reads.find.
   */
  const find = async (number: string, findOptions?: unknown): Promise<PhoneNumberResult<P> | null> => {
    if (!reads.find) throw unsupported("find");
    if (typeof number !== "string" || !E164.test(number)) {
      throw inputError(
        provider,
        "number",
        `the number ${clientSecrets.quote(number)} is not an E.164 number (like +14157774444)`,
      );
    }
    if (reads.find === "get") {
      try {
        const found = (await get(number, findOptions)) as PhoneNumberResult<P>;
        return found.number === number ? found : null;
      } catch (error) {
        if (isPhoneBridgeError(error) && error.code === "not_found") return null;
        throw error;
      }
    }
    const call = checkRead(undefined, findOptions);
    let found: PhoneNumberResult<P> | null = null;
    for await (const result of scan(reads.find === "scan" ? undefined : { [reads.find]: number }, call, undefined)) {
      if (result.number !== number) continue;
      if (found) {
        throw inputError(
          provider,
          "number",
          `two numbers match ${number} (ids ${clientSecrets.quote(found.id)} and ${clientSecrets.quote(result.id)}): find does not guess`,
        );
      }
      found = result;
    }
    return found;
  };

  return { provider, update, plan, get, list, find } as unknown as PhoneNumbers<P>;
}
