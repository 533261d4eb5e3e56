/**
 * The contract suite every `@phonebridge/<vendor>` package runs against its Prism mock, as one
 * function you can run on your own client too. Import this in test files (it imports `vitest`).
 *
 *   describeVendorContract({
 *     descriptor: acmeDescriptor,
 *     createClient: createAcmeClient,
 *     createTransport: createAcmeTransport,
 *     errorClass: PhoneBridgeError,
 *     id: "pn_123",
 *     body: { label: "Front desk" },
 *     wrongTypeBody, // declared with `// @ts-expect-error`: the compile error is part of the contract
 *   });
 */

import { type Provider, providerTitle } from "@phonebridge/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Pagination } from "./pagination.js";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.js";
import { mockUrl } from "./vitest.js";

/** The API key the suite gives the client. Prism checks that a key is sent, not its value. */
export const CONTRACT_API_KEY = "pb-contract-test-key";

/**
 * What the client must send, and where: the fields of a vendor package's `<vendor>Descriptor`
 * (`acmeDescriptor` for `@phonebridge/acme`) that the suite checks. Pass that descriptor, or spell the values out so
 * that the test does not take them from the code under test (the generated packages do).
 */
export interface ContractDescriptor {
  readonly provider: Provider;
  /** `ACME` for `ACME_API_KEY` and `ACME_BASE_URL`. */
  readonly envPrefix: string;
  /** The spec's server URL; undefined when the vendor publishes none, so a base URL is required. */
  readonly defaultBaseUrl: string | undefined;
  readonly auth: {
    readonly header: string;
    /** `bearer` sends `Bearer <key>`, `raw` the key alone. */
    readonly scheme: "bearer" | "raw";
    /** False when the spec declares no auth: the key is optional and Prism answers without one. */
    readonly declared: boolean;
  };
  /** Constant headers the spec requires, which the client sends without being asked. */
  readonly headers: Readonly<Record<string, string>>;
  readonly update: {
    readonly method: "PATCH" | "PUT";
    /** The spec's path, with `{param}` where the id goes. */
    readonly path: string;
    readonly param: string;
  };
}

/**
 * What the suite needs of a client: a phonebridge vendor client's `updatePhoneNumber`. `Body` and
 * `Data` are inferred from the client `createClient` returns.
 */
export interface ContractClient<Body, Data> {
  updatePhoneNumber(id: string, body: Body): Promise<Data>;
}

/** The options the suite creates clients and transports with (a subset of `create<Vendor>Client`'s). */
export interface ContractClientOptions {
  apiKey?: string;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

/** What the suite needs of a transport (`create<Vendor>Transport`). */
export interface ContractTransport {
  updateUrl(id: string): string | undefined;
}

/** A class of errors, for `toBeInstanceOf`. */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** What an openapi-fetch call (`client.PATCH(…)`) resolves with, as far as the suite reads it. */
export interface ContractFetchResult {
  readonly data?: unknown;
  readonly response: Response;
}

/** How a vendor's list pages follow one another: `list.pagination` of its `specs/<vendor>/vendor.yaml`. */
export type ContractPagination = Pagination;

/** A response validator: `[]` when the body conforms (`@phonebridge/<vendor>/validate`). */
export type ContractValidator = (body: unknown) => readonly { readonly path: string; readonly problem: string }[];

/** The read operations of a vendor client, as {@link VendorContractOptions.reads} takes them. */
export interface ContractReads<Client> {
  /**
   * Reads one number through the openapi-fetch client:
   * `(client, id) => client.GET("/get-phone-number/{phone_number}", { params: { path: { phone_number: id } } })`.
   */
  get?: {
    /** The spec's path, with `{param}` where the id goes. */
    readonly path: string;
    readonly param: string;
    call: (client: Client, id: string) => Promise<ContractFetchResult>;
  };
  /**
   * Reads one list page through the openapi-fetch client, after `cursor` when given:
   * `(client, cursor) => client.GET("/v2/list-phone-numbers", { params: { query: { pagination_key: cursor } } })`.
   */
  list?: {
    readonly path: string;
    readonly pagination: ContractPagination;
    page: (client: Client, cursor: string | undefined) => Promise<ContractFetchResult>;
  };
  /**
   * The vendor's `responseValidators`: what the mock answers (the spec's own examples) must show
   * no drift.
   */
  validators?: {
    readonly update: ContractValidator;
    readonly get?: ContractValidator;
    readonly listPage?: ContractValidator;
    readonly listItem?: ContractValidator;
  };
}

/** The next cursor a page gives, by the pagination's rules; undefined when the vendor says there is no more. */
function nextCursor(page: unknown, pagination: ContractPagination): string | undefined {
  const fields = (page ?? {}) as Record<string, unknown>;
  const items = fields[pagination.response.items];
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const { hasMore, next } = pagination.response;
  if (hasMore !== undefined && fields[hasMore] !== true) return undefined;
  const cursor = pagination.next
    ? (items.at(-1) as Record<string, unknown> | undefined)?.[pagination.next.lastItem]
    : next === undefined
      ? undefined
      : fields[next];
  return typeof cursor === "string" && cursor !== "" ? cursor : undefined;
}

/**
 * Options of {@link describeVendorContract}. `Client` is the type `createClient` returns; `Body`
 * and `Data` are what its `updatePhoneNumber` takes and resolves with, so the fixtures and callbacks
 * are checked against the vendor's own types.
 */
export interface VendorContractOptions<Client, Body, Data, OpenApiClient = unknown> {
  /** The vendor's API as the client must use it: see {@link ContractDescriptor}. */
  descriptor: ContractDescriptor;
  /**
   * Creates the client under test. The suite passes `apiKey`, `baseUrl` (a recording proxy in front
   * of the mock) and sometimes `fetch`, and leaves the key or base URL out to test their absence;
   * a wrapper of your own must pass them on.
   */
  createClient: (options: ContractClientOptions) => Client & ContractClient<Body, Data>;
  /** The vendor's `create<Vendor>Transport`: checks the default base URL. Without it, that test is left out. */
  createTransport?: (options: ContractClientOptions) => ContractTransport;
  /** The error class the client rejects with: `PhoneBridgeError` from the vendor package. */
  errorClass: ErrorClass;
  /** A phone number id the mock accepts. One holding `+` adds a test that it is sent as a literal `+`. */
  id: string;
  /** A valid update body. */
  body: NoInfer<Body>;
  /**
   * A body with a field of the wrong type, which the spec's schema (and so Prism) refuses. Declare it
   * with `// @ts-expect-error` above it, so that its compile error is checked too.
   */
  wrongTypeBody: NoInfer<Body>;
  /** Status of a successful update in the spec. Default 200. */
  status?: number;
  /**
   * More checks of what a valid update resolves with, such as
   * `(data) => expectTypeOf(data).toEqualTypeOf<UpdatePhoneNumberResponse>()`.
   */
  checkData?: (data: NoInfer<Data>) => void;
  /**
   * The same update through the package's openapi-fetch client (the `/openapi-fetch` subpath),
   * typed by the vendor's paths: `createClient` is its `create<Vendor>OpenApiClient`, `update`
   * `(client, id, body) => client.PATCH("/update-phone-number/{phone_number}", { params: { path: { phone_number: id } }, body })`.
   * Without it, that test is left out.
   */
  openapiFetch?: {
    createClient: (options: ContractClientOptions) => OpenApiClient;
    update: (client: NoInfer<OpenApiClient>, id: string, body: NoInfer<Body>) => Promise<ContractFetchResult>;
  };
  /**
   * The vendor's read operations through its openapi-fetch client (`openapiFetch.createClient`),
   * and its response validators: see {@link ContractReads}. Without it, those tests are left out;
   * the reads need `openapiFetch`.
   */
  reads?: ContractReads<NoInfer<OpenApiClient>>;
  /** Title of the `describe` block. Default: `"<provider> contract against its Prism mock"`. */
  name?: string;
  /** The vendor's name in test titles. Default: the provider capitalized (`Acme`). */
  title?: string;
  /**
   * Base URL of the mock to test against, read in `beforeAll`. Default: `mockUrl(provider)`, the
   * mock started by the `@phonebridge/testing/vitest-setup` global setup.
   */
  mockUrl?: () => string;
}

/** A path segment as the vendors' SDKs encode it: RFC 3986 `pchar`s as they are, the rest percent-encoded. */
const PCHAR = /^[\w\-.~!$&'()*+,;=:@]$/u;

function encodedSegment(value: string): string {
  return Array.from(value, (char) => (PCHAR.test(char) ? char : encodeURIComponent(char))).join("");
}

/** A header dropped from every request, as a `fetch` to give the client. */
function fetchWithout(header: string): typeof globalThis.fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.delete(header);
    return fetch(input, { ...init, headers });
  };
}

/**
 * Declares the contract tests of a phonebridge vendor client (a vitest `describe` block) against
 * the vendor's Prism mock, through a recording proxy that shows exactly what went on the wire:
 *
 * - a valid update resolves with data, sent with the spec's method, encoded path, JSON body and
 *   auth header (`Bearer <key>` or the raw key); the openapi-fetch call reaches the same operation;
 * - with declared auth: a request that lost its credentials gets Prism's 401 as `errorClass`
 *   (`code: "unauthorized"`), and a missing key is a local `invalid_input` naming
 *   `<PREFIX>_API_KEY`, nothing sent; without: no key means no auth header, and the update passes;
 * - no default base URL: a missing one is a local `invalid_input` naming `<PREFIX>_BASE_URL`;
 *   otherwise the transport defaults to it;
 * - a body of the wrong type is refused by Prism (400 or 422) as `errorClass`;
 * - every required header is sent without being asked, and Prism refuses a request without it;
 * - an id with `+` is sent with a literal `+`; `/`, space, `?`, `#` and `%` are percent-encoded;
 *   `""`, `.` and `..` are refused before anything is sent;
 * - with `reads`: one number is read and a list is paged through the openapi-fetch client (the
 *   mock's example page ends the list), the cursor goes in the pagination's query parameter, and
 *   the vendor's validators find no drift in what the mock answers.
 *
 * Call it at the top level of a test file, with the vitest global setup of
 * `@phonebridge/testing/vitest-setup` wired (or `mockUrl` given).
 */
export function describeVendorContract<Client, Body, Data, OpenApiClient = unknown>(
  options: VendorContractOptions<Client, Body, Data, OpenApiClient>,
): void {
  const { descriptor, createClient, createTransport, errorClass, id, body, wrongTypeBody, openapiFetch } = options;
  const { provider, envPrefix, defaultBaseUrl, auth, update } = descriptor;
  const status = options.status ?? 200;
  const title = options.title ?? providerTitle(provider);
  const apiKey = CONTRACT_API_KEY;
  const apiKeyVariable = `${envPrefix}_API_KEY`;
  const baseUrlVariable = `${envPrefix}_BASE_URL`;
  const authHeader = auth.header.toLowerCase();
  const requiredHeaders = Object.entries(descriptor.headers);
  const target = (segment: string) => update.path.replace(`{${update.param}}`, segment);
  let proxy: RecordingProxy;

  describe(options.name ?? `${provider} contract against its Prism mock`, () => {
    beforeAll(async () => {
      proxy = await startRecordingProxy(options.mockUrl ? options.mockUrl() : mockUrl(provider));
    });
    afterAll(() => proxy?.stop());
    beforeEach(() => proxy.clear());

    it(`a valid update returns ${status} and typed data`, async () => {
      const client = createClient({ apiKey, baseUrl: proxy.url });
      const data = await client.updatePhoneNumber(id, body);
      options.checkData?.(data);
      expect(data).toEqual(expect.any(Object));
      const sent = proxy.last();
      expect(sent).toMatchObject({ method: update.method, target: target(encodedSegment(id)), status });
      expect(JSON.parse(sent.body)).toEqual(body);
      expect(sent.headers["content-type"]).toBe("application/json");
      expect(sent.headers[authHeader]).toBe((auth.scheme === "bearer" ? "Bearer " : "") + apiKey);
    });

    if (openapiFetch) {
      it("the openapi-fetch client reaches the same operation with the same encoding", async () => {
        const client = openapiFetch.createClient({ apiKey, baseUrl: proxy.url });
        const { data, response } = await openapiFetch.update(client, id, body);
        expect(response.status).toBe(status);
        expect(data).toBeDefined();
        expect(proxy.last().target).toBe(target(encodedSegment(id)));
        for (const [name, value] of requiredHeaders) {
          // Not asked of the caller (the types make it optional), sent all the same.
          expect(proxy.last().headers[name.toLowerCase()]).toBe(value);
        }
      });
    }

    const { reads } = options;
    const validators = reads?.validators;
    if (validators) {
      it("the mock's update response shows no drift from the spec", async () => {
        const client = createClient({ apiKey, baseUrl: proxy.url });
        expect(validators.update(await client.updatePhoneNumber(id, body))).toEqual([]);
      });
    }

    const get = openapiFetch ? reads?.get : undefined;
    if (openapiFetch && get) {
      it("reads one number through the openapi-fetch client: typed, encoded, authenticated", async () => {
        const client = openapiFetch.createClient({ apiKey, baseUrl: proxy.url });
        const { data, response } = await get.call(client, id);
        expect(response.status).toBe(200);
        expect(data).toEqual(expect.any(Object));
        const sent = proxy.last();
        expect(sent).toMatchObject({ method: "GET", target: get.path.replace(`{${get.param}}`, encodedSegment(id)) });
        expect(sent.headers[authHeader]).toBe((auth.scheme === "bearer" ? "Bearer " : "") + apiKey);
        for (const [name, value] of requiredHeaders) expect(sent.headers[name.toLowerCase()]).toBe(value);
        if (validators?.get) expect(validators.get(data)).toEqual([]);
      });
    }

    const list = openapiFetch ? reads?.list : undefined;
    if (openapiFetch && list) {
      it("lists numbers page by page through the openapi-fetch client until the mock says there is no more", async () => {
        const client = openapiFetch.createClient({ apiKey, baseUrl: proxy.url });
        const sent: (string | undefined)[] = [];
        let cursor: string | undefined;
        // The mock answers the spec's example page, which has no next cursor: one page, then stop.
        // A bound, so that a mock answering "more" forever fails instead of hanging.
        for (let pages = 0; pages < 5; pages += 1) {
          sent.push(cursor);
          const { data, response } = await list.page(client, cursor);
          expect(response.status).toBe(200);
          const items = (data as Record<string, unknown>)[list.pagination.response.items];
          expect(Array.isArray(items)).toBe(true);
          if (validators?.listPage) expect(validators.listPage(data)).toEqual([]);
          for (const item of items as unknown[])
            if (validators?.listItem) expect(validators.listItem(item)).toEqual([]);
          const request = proxy.last();
          expect(request.method).toBe("GET");
          expect(request.target.split("?")[0]).toBe(list.path);
          for (const [name, value] of requiredHeaders) expect(request.headers[name.toLowerCase()]).toBe(value);
          cursor = nextCursor(data, list.pagination);
          if (cursor === undefined || sent.includes(cursor)) break;
        }
        expect(cursor, "the mock's example page should end the list").toBeUndefined();
        expect(sent).toEqual([undefined]);
      });

      it(`sends the cursor in ${list.pagination.request}`, async () => {
        const client = openapiFetch.createClient({ apiKey, baseUrl: proxy.url });
        const { response } = await list.page(client, "pb-cursor-1");
        expect(response.status).toBe(200);
        const query = new URLSearchParams(proxy.last().target.split("?")[1] ?? "");
        expect(query.get(list.pagination.request)).toBe("pb-cursor-1");
      });
    }

    if (auth.declared) {
      it("a request that reaches the server without credentials gets Prism's 401, as a typed error", async () => {
        const client = createClient({ apiKey, baseUrl: proxy.url, fetch: fetchWithout(auth.header) });
        const error = await client.updatePhoneNumber(id, body).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(errorClass);
        expect(error).toMatchObject({ code: "unauthorized", status: 401, provider });
        expect(proxy.last().headers[authHeader]).toBeUndefined();
      });

      it(`a missing key is a local error naming the option and ${apiKeyVariable}, and nothing is sent`, () => {
        vi.stubEnv(apiKeyVariable, "");
        try {
          expect(() => createClient({ baseUrl: proxy.url })).toThrow(
            expect.objectContaining({
              code: "invalid_input",
              field: "apiKey",
              message: expect.stringContaining(apiKeyVariable),
            }),
          );
          expect(proxy.requests).toHaveLength(0);
        } finally {
          vi.unstubAllEnvs();
        }
      });
    } else {
      it(`without a key no ${auth.header} header is sent and the update is accepted (auth is optional †)`, async () => {
        vi.stubEnv(apiKeyVariable, "");
        try {
          const client = createClient({ baseUrl: proxy.url });
          await expect(client.updatePhoneNumber(id, body)).resolves.toEqual(expect.any(Object));
          expect(proxy.last().headers[authHeader]).toBeUndefined();
        } finally {
          vi.unstubAllEnvs();
        }
      });
    }

    if (defaultBaseUrl === undefined) {
      it(`a missing base URL is a local error naming the option and ${baseUrlVariable}`, () => {
        vi.stubEnv(baseUrlVariable, "");
        try {
          expect(() => createClient({ apiKey })).toThrow(
            expect.objectContaining({
              code: "invalid_input",
              field: "baseUrl",
              message: expect.stringContaining(baseUrlVariable),
            }),
          );
        } finally {
          vi.unstubAllEnvs();
        }
      });
    } else if (createTransport) {
      it("defaults to the spec's server URL", () => {
        vi.stubEnv(baseUrlVariable, "");
        try {
          expect(createTransport({ apiKey }).updateUrl("x")).toBe(defaultBaseUrl.replace(/\/+$/, "") + target("x"));
        } finally {
          vi.unstubAllEnvs();
        }
      });
    }

    it("a body of the wrong type is a compile error, and Prism rejects it when sent from untyped code", async () => {
      const client = createClient({ apiKey, baseUrl: proxy.url });
      const error = await client.updatePhoneNumber(id, wrongTypeBody).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(errorClass);
      const rejected = (error as { status?: unknown }).status;
      expect([400, 422]).toContain(rejected);
      expect(proxy.last().status).toBe(rejected);
    });

    for (const [name, value] of requiredHeaders) {
      it(`sends ${name}: ${value} without the caller asking, and Prism requires it`, async () => {
        const client = createClient({ apiKey, baseUrl: proxy.url });
        await client.updatePhoneNumber(id, body);
        expect(proxy.last().headers[name.toLowerCase()]).toBe(value);
        const bare = createClient({ apiKey, baseUrl: proxy.url, fetch: fetchWithout(name) });
        await expect(bare.updatePhoneNumber(id, body)).rejects.toMatchObject({ status: 400 });
      });
    }

    if (id.includes("+")) {
      it(`sends ${id} with a literal + (as ${title}'s own SDKs do), never %2B`, async () => {
        const client = createClient({ apiKey, baseUrl: proxy.url });
        await client.updatePhoneNumber(id, body);
        expect(proxy.last().target).toBe(target(id));
        expect(proxy.last().target).not.toContain("%2B");
      });
    }

    it("percent-encodes what must be encoded in the id, and refuses an id that cannot be a path segment", async () => {
      const client = createClient({ apiKey, baseUrl: proxy.url });
      await client.updatePhoneNumber("a/b c?d#e%", body).catch(() => undefined);
      expect(proxy.last().target).toBe(target("a%2Fb%20c%3Fd%23e%25"));
      proxy.clear();
      for (const bad of ["", ".", ".."]) {
        await expect(client.updatePhoneNumber(bad, body)).rejects.toMatchObject({ code: "invalid_input", field: "id" });
      }
      expect(proxy.requests).toHaveLength(0);
    });
  });
}
