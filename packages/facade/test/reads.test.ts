/**
 * The facade's reads (docs/CONTRACT.md#facade-get-list-and-find): every vendor on its Prism mock
 * (refused before any request where the vendor documents no read), and the listing vendors on
 * the fake paginated server of @phonebridge/testing, serving pages of valid vendor items.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type RecordingProxy, startRecordingProxy } from "@phonebridge/testing";
import { type ScriptedPage, startPaginatedServer } from "@phonebridge/testing/pagination";
import { mockUrl } from "@phonebridge/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capabilities, createPhoneNumbers, type Provider } from "../src/index.js";
import { failure, OK_BODY } from "./helpers.js";
import { ADAPTERS, DATA, PROVIDERS } from "./vendors.js";

const KEY = "key_reads_1234";
const LISTING = PROVIDERS.filter((provider) => capabilities[provider].reads.list !== "unsupported");

const proxies = {} as Record<Provider, RecordingProxy>;
beforeAll(async () => {
  for (const provider of PROVIDERS) proxies[provider] = await startRecordingProxy(mockUrl(provider));
});
afterAll(async () => {
  await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe.each(PROVIDERS)("%s reads on Prism", (provider) => {
  const { reads } = capabilities[provider];
  const { descriptor } = ADAPTERS[provider];
  const phones = () => {
    proxies[provider].clear();
    return createPhoneNumbers({ provider, apiKey: KEY, baseUrl: proxies[provider].url, maxRetries: 0 });
  };
  const { id } = DATA[provider].prism;

  if (reads.get === "unsupported") {
    it("get, list and find are unsupported_change before any request", async () => {
      const client = phones();
      await expect(client.get(id)).rejects.toMatchObject({ code: "unsupported_change", provider, field: "get" });
      expect(() => client.list()).toThrow(expect.objectContaining({ code: "unsupported_change", field: "list" }));
      await expect(client.find("+14155551234")).rejects.toMatchObject({ code: "unsupported_change", field: "find" });
      expect(proxies[provider].requests).toHaveLength(0);
    });
    return;
  }

  it("get resolves with the normalized result of the vendor's read, without drift on the spec's example", async () => {
    const client = phones();
    const result = await client.get(id);
    expect(result).toMatchObject({ provider, id });
    expect(result.drift).toBeUndefined();
    const [request] = proxies[provider].requests;
    expect(request?.method).toBe("GET");
    expect(request?.target.split("?")[0]).toBe(
      descriptor.get?.path.replace(/\{[^}]+\}/, encodeURIComponent(id)).replace("%2B", "+"),
    );
  });

  it("get with withResponse gives { data, response }", async () => {
    const got = await phones().get(id, { withResponse: true });
    expect(got.response.status).toBe(200);
    expect(got.data.provider).toBe(provider);
  });

  it("list gives the mock's page as normalized results, each with the item's own id", async () => {
    const results = await collect(phones().list());
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(typeof result.id).toBe("string");
    expect(proxies[provider].requests.map((request) => request.target.split("?")[0])).toEqual([descriptor.list?.path]);
  });

  it(`find costs ${reads.find}`, async () => {
    const client = phones();
    const found = await client.find("+14155550000");
    expect(found === null || found.number === "+14155550000").toBe(true);
    const [request] = proxies[provider].requests;
    if (reads.find === "get") expect(request?.target).toBe(descriptor.get?.path.replace(/\{[^}]+\}/, "+14155550000"));
    else if (reads.find === "scan") expect(request?.target).toBe(descriptor.list?.path);
    else expect(new URLSearchParams(request?.target.split("?")[1]).get(reads.find as string)).toBe("+14155550000");
  });
});

/** A valid item of `provider`'s list with the id `n`, the number `number` and the agent `agent`. */
function item(provider: Provider, n: string, number: string, agent: string | null): Record<string, unknown> {
  const base = { ...DATA[provider].okBody, [ADAPTERS[provider].idField as string]: n };
  switch (provider) {
    case "retell":
      return { ...base, phone_number: number, inbound_agents: agent ? [{ agent_id: agent, weight: 1 }] : null };
    case "cartesia":
      return { ...base, number, agent: agent ? { id: agent, name: "n" } : null };
    default:
      return { ...base, number, agentId: agent };
  }
}

describe.each(LISTING)("%s list and find on a paginated server", (provider) => {
  const { descriptor } = ADAPTERS[provider];
  const { reads } = capabilities[provider];
  const pagination = descriptor.list?.pagination as NonNullable<typeof descriptor.list>["pagination"];
  const path = descriptor.list?.path as string;
  // Pages chained by the vendor's style: each says more follow, the last that none do.
  const pagesOf = (...pages: Record<string, unknown>[][]): ScriptedPage[] =>
    pages.map((items, index) => {
      const last = index === pages.length - 1;
      return {
        items,
        ...(pagination.response.hasMore ? { hasMore: !last } : {}),
        ...(pagination.response.next && !pagination.next ? { next: last ? null : `c${index + 1}` } : {}),
      };
    });
  const withServer = async <T>(pages: ScriptedPage[], run: (client: ReturnType<typeof create>) => Promise<T>) => {
    const server = await startPaginatedServer({ pagination, pages, path });
    try {
      return { value: await run(create(server.url)), server };
    } finally {
      await server.stop();
    }
  };
  const create = (baseUrl: string) => createPhoneNumbers({ provider, apiKey: KEY, baseUrl, maxRetries: 0 });
  const n1 = provider === "retell" ? "+14155550001" : "pn_1";
  const n2 = provider === "retell" ? "+14155550002" : "pn_2";
  const n3 = provider === "retell" ? "+14155550003" : "pn_3";

  it("list walks every page into results, and filters by agent where the vendor cannot", async () => {
    const pages = pagesOf(
      [item(provider, n1, "+14155550001", "ag_1"), item(provider, n2, "+14155550002", "ag_2")],
      [item(provider, n3, "+14155550003", "ag_1")],
    );
    const all = await withServer(pages, (client) => collect(client.list()));
    expect(all.value.map((result) => [result.id, result.agentId])).toEqual([
      [n1, "ag_1"],
      [n2, "ag_2"],
      [n3, "ag_1"],
    ]);
    const { value, server } = await withServer(pages, (client) => collect(client.list({ agentId: "ag_1" })));
    expect(value.map((result) => result.id)).toEqual([n1, n3]);
    const sent = new URLSearchParams(server.requests[0]?.target.split("?")[1]);
    expect(sent.get(reads.agentFilter as string)).toBe(reads.agentFilter === "client" ? null : "ag_1");
  });

  it("a listed item that deviates from the spec carries drift; one that is not an object is invalid_response", async () => {
    const drifting = {
      ...item(provider, n1, "+14155550001", null),
      [provider === "retell" ? "phone_number" : "number"]: 5,
    };
    const { value } = await withServer(pagesOf([drifting]), (client) => collect(client.list()));
    expect(value[0]?.drift?.length).toBeGreaterThan(0);
    // A field the result needs of another type is drift too (docs/CONTRACT.md#facade-result): null.
    expect(value[0]?.number).toBeNull();
    const failed = await withServer(pagesOf(["not an object" as never]), (client) =>
      collect(client.list()).catch((error) => error),
    );
    expect(failed.value).toMatchObject({ code: "invalid_response", provider });
  });

  it("list().pages() gives each page's results, and the drift of its own fields (its items apart)", async () => {
    const { items, hasMore, next } = pagination.response;
    // The last page says there is no more in a form the spec does not allow: its has-more flag
    // as a string, or (Vogent) its required cursor left out. Items conform on every page.
    const last = hasMore ? { [hasMore]: "no" } : {};
    const bodies = [
      {
        [items]: [item(provider, n1, "+14155550001", "ag_1"), item(provider, n2, "+14155550002", "ag_2")],
        ...(hasMore ? { [hasMore]: true } : {}),
        ...(next && !pagination.next ? { [next]: "c1" } : {}),
      },
      { [items]: [item(provider, n3, "+14155550003", "ag_1")], ...last },
    ];
    const served: string[] = [];
    const server = createServer((request, response) => {
      served.push(request.url ?? "");
      // The first page without a cursor, the last with one.
      const cursor = new URL(request.url ?? "", "http://x").searchParams.has(pagination.request);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(bodies[cursor ? 1 : 0]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const client = create(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const pages = await collect(client.list().pages());
      expect(served).toHaveLength(2);
      expect(pages.map(({ page, results }) => [page, results.map((result) => result.id)])).toEqual([
        [1, [n1, n2]],
        [2, [n3]],
      ]);
      expect(pages[0]).not.toHaveProperty("drift");
      expect(pages.flatMap(({ results }) => results).every((result) => result.drift === undefined)).toBe(true);
      expect(pages[1]?.drift).toEqual([
        hasMore
          ? { path: hasMore, problem: "expected boolean, got string" }
          : { path: next, problem: "required field missing" },
      ]);
      // The agent filter holds page by page; iterating the list itself gives the same numbers.
      const filtered = await collect(client.list({ agentId: "ag_1" }).pages());
      expect(filtered.map(({ results }) => results.map((result) => result.id))).toEqual([[n1], [n3]]);
      expect((await collect(client.list())).map((result) => result.id)).toEqual([n1, n2, n3]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("list refuses a filter it does not know, and options.vendor, before any request", () => {
    const client = create("http://127.0.0.1:9");
    expect(() => client.list({ label: "x" } as never)).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "filter" }),
    );
    expect(() => client.list({ agentId: "" })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "agentId" }),
    );
    expect(() => client.list({}, { vendor: {} } as never)).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "vendor" }),
    );
  });

  it("find refuses a number that is not E.164, before any request", async () => {
    await expect(create("http://127.0.0.1:9").find("4155550001")).rejects.toMatchObject({
      code: "invalid_input",
      field: "number",
    });
  });

  if (reads.find !== "get") {
    it("find returns the one exact match, null for none, and refuses two", async () => {
      // A fuzzy search answers near matches too: only the exact number counts.
      const pages = pagesOf(
        [item(provider, n1, "+14155550001", null), item(provider, n2, "+141555500012", null)],
        [item(provider, n3, "+14155550003", null)],
      );
      const found = await withServer(pages, (client) => client.find("+14155550003"));
      expect(found.value?.id).toBe(n3);
      expect((await withServer(pages, (client) => client.find("+14155559999"))).value).toBeNull();
      const twice = pagesOf([item(provider, n1, "+14155550001", null)], [item(provider, n2, "+14155550001", null)]);
      const ambiguous = await withServer(twice, (client) => client.find("+14155550001").catch((error) => error));
      expect(ambiguous.value).toMatchObject({ code: "invalid_input", field: "number", provider });
      expect((ambiguous.value as Error).message).toContain("does not guess");
    });
  }
});

describe.each(PROVIDERS)("%s: a refused read says what is wrong", (provider) => {
  const { reads } = capabilities[provider];
  const title = `${provider[0]?.toUpperCase()}${provider.slice(1)}`;
  const create = () => createPhoneNumbers({ provider, apiKey: KEY, baseUrl: "http://127.0.0.1:9", maxRetries: 0 });
  const { id } = DATA[provider].prism;

  if (reads.get === "unsupported") {
    it("names the operation the vendor does not document", async () => {
      const client = create();
      expect((await failure(client.get(id))).message).toContain(
        `${title} documents no get operation: get is not supported`,
      );
      expect((await failure(client.find("+14155551234"))).message).toContain(
        `${title} documents no list operation: find is not supported`,
      );
    });
    return;
  }

  it("an id, options.vendor, a number", async () => {
    const client = create();
    expect((await failure(client.get(""))).message).toBe(`${title}: the id is empty`);
    expect((await failure(client.get(id, { vendor: {} } as never))).message).toBe(
      `${title}: options.vendor applies to update only`,
    );
    expect((await failure(client.find("4155550001"))).message).toBe(
      `${title}: the number "4155550001" is not an E.164 number (like +14157774444)`,
    );
  });

  it.runIf(reads.list !== "unsupported")("a filter", () => {
    const client = create();
    expect(() => client.list(42 as never)).toThrow(`${title}: filter must be an object, not a number`);
    expect(() => client.list({ label: "x" } as never)).toThrow(
      `${title}: unknown filter "label": list filters by agentId only`,
    );
    expect(() => client.list({ agentId: "" })).toThrow(`${title}: filter.agentId must be a non-empty string, not ""`);
  });
});

describe.each(PROVIDERS.filter((provider) => capabilities[provider].reads.find === "get"))(
  "%s: find by get",
  (provider) => {
    const client = (status: number, body: unknown) =>
      createPhoneNumbers({
        provider,
        apiKey: KEY,
        baseUrl: "http://127.0.0.1:9",
        maxRetries: 0,
        fetch: (async () =>
          new Response(JSON.stringify(body), {
            status,
            headers: { "content-type": "application/json" },
          })) as typeof fetch,
      });

    it("the number read back, null for another number or a 404, the error of any other failure", async () => {
      const read = await client(200, OK_BODY[provider]).get(DATA[provider].id);
      const number = read.number as string;
      expect(await client(200, OK_BODY[provider]).find(number)).toEqual(read);
      const other = number === "+14155550199" ? "+14155550198" : "+14155550199";
      expect(await client(200, OK_BODY[provider]).find(other)).toBeNull();
      expect(await client(404, { error: "not found" }).find(number)).toBeNull();
      await expect(client(401, { error: "unauthorized" }).find(number)).rejects.toMatchObject({
        code: "unauthorized",
        provider,
      });
    });
  },
);
