// The list iteration's own checks (docs/CONTRACT.md#reading-phone-numbers); every pagination
// scenario runs against each vendor client in its contract test (@phonebridge/testing/contract).
import { describe, expect, it, vi } from "vitest";
import { PhoneBridgeError } from "../src/errors.js";
import { paginate } from "../src/pagination.js";
import { createSecrets } from "../src/secrets.js";
import { createVendorTransport, getOperation, listOperation, type VendorDescriptor } from "../src/vendor.js";

const descriptor: VendorDescriptor = {
  provider: "retell",
  envPrefix: "PBTEST",
  defaultBaseUrl: "https://api.example.test/v1",
  auth: { header: "Authorization", scheme: "bearer", declared: true },
  headers: {},
  update: { method: "PATCH", path: "/numbers/{id}", param: "id" },
  get: { path: "/numbers/{id}" },
  list: { path: "/numbers", pagination: { request: "after", response: { items: "data", next: "next" } } },
  secrets: { request: [], response: [] },
};

function serving(...bodies: unknown[]) {
  const urls: string[] = [];
  const fetch = vi.fn(async (url: string | URL | Request) => {
    urls.push(String(url));
    return new Response(JSON.stringify(bodies.shift()), { status: 200 });
  });
  const transport = createVendorTransport(descriptor, {
    apiKey: "pb-test-key-123",
    fetch: fetch as unknown as typeof globalThis.fetch,
  });
  return { urls, transport };
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[] | unknown> {
  const out: unknown[] = [];
  try {
    for await (const item of iterable) out.push(item);
  } catch (caught) {
    return caught;
  }
  return out;
}

describe("listOperation", () => {
  it("sends nothing until iterated, the query (undefined left out) on every page, the cursor after the first", async () => {
    const { urls, transport } = serving({ data: [1], next: "c1" }, { data: [2], next: null });
    const list = listOperation(transport)({ limit: 50, q: undefined, flag: true }, { maxRetries: 0 });
    expect(urls).toEqual([]);
    expect(await collect(list)).toEqual([1, 2]);
    expect(urls).toEqual([
      "https://api.example.test/v1/numbers?limit=50&flag=true",
      "https://api.example.test/v1/numbers?limit=50&flag=true&after=c1",
    ]);
  });

  it("refuses a query value that is not a string, a number or a boolean, naming it, nothing sent", () => {
    const { urls, transport } = serving();
    expect(() => listOperation(transport)({ limit: { n: 1 } as unknown as string })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "query.limit", provider: "retell" }),
    );
    expect(urls).toEqual([]);
  });

  it("starts from the query's cursor, and a page repeating it stops with invalid_response", async () => {
    const { urls, transport } = serving({ data: [1], next: "c0" });
    const error = await collect(listOperation(transport)({ after: "c0" }));
    expect(error).toBeInstanceOf(PhoneBridgeError);
    expect(error).toMatchObject({ code: "invalid_response", provider: "retell" });
    expect((error as Error).message).toBe(
      'Retell: the page\'s next "c0" is a cursor already sent in after: stopped rather than loop',
    );
    expect(urls).toHaveLength(1);
  });

  it("a cursor that is not a string, or a page without its items array, is invalid_response", async () => {
    const wrongCursor = serving({ data: [1], next: 7 });
    expect(await collect(listOperation(wrongCursor.transport)())).toMatchObject({
      code: "invalid_response",
      message: expect.stringMatching(/^Retell: the page's next .* is not a string$/),
    });
    const notAPage = serving({ items: [1] });
    expect(await collect(listOperation(notAPage.transport)())).toMatchObject({
      code: "invalid_response",
      status: 200,
      message: "Retell: the HTTP 200 response is not a page of the list (no data array)",
    });
  });

  it("ignores withResponse: a list gives items, never { data, response }", async () => {
    const { transport } = serving({ data: [1], next: null });
    const options = { withResponse: true } as never;
    expect(await collect(listOperation(transport)(undefined, options))).toEqual([1]);
  });

  it("without a query, the first page is the bare path: no trailing ?", async () => {
    const { urls, transport } = serving({ data: [1], next: "c1" }, { data: [], next: null });
    await collect(listOperation(transport)());
    expect(urls).toEqual(["https://api.example.test/v1/numbers", "https://api.example.test/v1/numbers?after=c1"]);
  });
});

describe("getOperation", () => {
  it("reads one number with GET on the encoded path, withResponse as update has it", async () => {
    const { urls, transport } = serving({ id: "a/b" }, { id: "x" });
    expect(await getOperation(transport)("a/b")).toEqual({ id: "a/b" });
    expect(urls).toEqual(["https://api.example.test/v1/numbers/a%2Fb"]);
    const got = await getOperation(transport)("x", { withResponse: true });
    expect(got).toMatchObject({ data: { id: "x" }, response: { status: 200 } });
  });
});

describe("paginate's readPage", () => {
  it("makes what pages() gives of each page and its text as received; items are iterated as ever", async () => {
    const texts = ['{"data":[1],"next":"c1"}', '{ "data": [2], "next": null }'];
    const bodies = [...texts, ...texts];
    const fetch = vi.fn(async () => new Response(bodies.shift(), { status: 200 }));
    const transport = createVendorTransport(descriptor, {
      apiKey: "pb-test-key-123",
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    const operation = transport.operation("GET", "/numbers");
    const list = paginate<[unknown, string], unknown>(
      operation,
      "retell",
      (descriptor.list as NonNullable<VendorDescriptor["list"]>).pagination,
      undefined,
      undefined,
      createSecrets(),
      (page, text) => [page.data, text],
    );
    expect(await collect(list.pages())).toEqual([
      [[1], texts[0]],
      [[2], texts[1]],
    ]);
    expect(await collect(list)).toEqual([1, 2]);
  });
});
