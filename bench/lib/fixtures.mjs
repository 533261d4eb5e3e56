// What every benchmark variant sends and what the loopback server answers, per vendor, for every
// vendor of the registry (specs/). Each variant of one vendor puts the same request on the wire
// (the facade's `agentId` change), so the ratios compare client work only. Nothing here is
// written per vendor: the request comes from the vendor package's descriptor, the body from the
// facade's adapter, the id from vendor.yaml's contract fixture, and the 200 body from the
// vendor's Prism mock (the example its spec gives), fetched once per run and handed to the
// child processes through the environment.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadPackage, ROOT } from "./load.mjs";

export const AGENT = "agent_4f1b2c3d";
export const API_KEY = "bench-key-not-a-secret";
const RESPONSES_ENV = "PHONEBRIDGE_BENCH_RESPONSES";

const dist = (path) => import(pathToFileURL(join(ROOT, path)).href);

/** Every vendor of the registry, in its order. */
export const { PROVIDERS } = await dist("packages/core/dist/index.js");

/** Each request's 200 body (by vendor, and `<vendor>/get`, `<vendor>/list`): from the environment (a parent already asked), else from its Prism mock. */
async function responses(requests) {
  if (process.env[RESPONSES_ENV]) return JSON.parse(process.env[RESPONSES_ENV]);
  const { startMockServers } = await dist("packages/testing/dist/index.js");
  const mocks = await startMockServers(PROVIDERS);
  const out = {};
  try {
    for (const [key, { method, path, headers, body }] of Object.entries(requests)) {
      const provider = key.split("/")[0];
      const res = await fetch(mocks.urls[provider] + path, {
        method,
        headers: { accept: "application/json", "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`the ${provider} mock answered ${res.status} to the bench's request (${key})`);
      out[key] = await res.json();
    }
  } finally {
    await mocks.stop();
  }
  process.env[RESPONSES_ENV] = JSON.stringify(out);
  return out;
}

/** Request, route and a 200 body that satisfies the vendor's response schema, by provider. */
export async function loadFixtures() {
  const { readVendorConfig } = await dist("packages/spec-tools/dist/src/spec/vendor-config.js");
  const { ADAPTERS } = await dist("packages/facade/dist/generated/adapters.js");
  const { createVendorTransport } = await dist("packages/core/dist/index.js");
  const requests = {};
  for (const provider of PROVIDERS) {
    const loaded = await loadPackage(provider);
    if (loaded.skipped) throw new Error(loaded.skipped);
    const descriptor = loaded.module[`${provider}Descriptor`];
    const { method, path: pathTemplate, param } = descriptor.update;
    const [head] = pathTemplate.split(`{${param}}`);
    const transport = createVendorTransport(descriptor, { apiKey: API_KEY, baseUrl: "http://127.0.0.1" });
    const headers = Object.fromEntries(Object.entries(transport.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const id = readVendorConfig(ROOT, provider).contract.id;
    const path = (value) => transport.updateUrl(value).slice("http://127.0.0.1".length);
    requests[provider] = {
      id,
      method,
      route: head,
      path,
      pathTemplate,
      pathParam: param,
      headers,
      body: ADAPTERS[provider].build({ agentId: AGENT }),
    };
    // The reads, where the vendor documents them: the same id, and the list's first page.
    const local = (url) => url.slice("http://127.0.0.1".length);
    if (descriptor.get) {
      const path = local(transport.operation("GET", descriptor.get.path).url([id]));
      requests[provider].get = { method: "GET", path, route: path, headers };
    }
    if (descriptor.list) {
      const path = local(transport.operation("GET", descriptor.list.path).url([]));
      requests[provider].list = { method: "GET", path, route: path, exact: true, headers };
    }
  }
  const asked = {};
  for (const p of PROVIDERS) {
    asked[p] = { ...requests[p], path: requests[p].path(requests[p].id) };
    if (requests[p].get) asked[`${p}/get`] = requests[p].get;
    if (requests[p].list) asked[`${p}/list`] = requests[p].list;
  }
  const bodies = await responses(asked);
  for (const provider of PROVIDERS) {
    if (requests[provider].get) requests[provider].get.response = bodies[`${provider}/get`];
    if (requests[provider].list) requests[provider].list.response = bodies[`${provider}/list`];
    requests[provider].response = bodies[provider];
    // What the facade reads from it: the facade variant's result must say the same.
    requests[provider].reading = ADAPTERS[provider].read(bodies[provider]);
  }
  return requests;
}
