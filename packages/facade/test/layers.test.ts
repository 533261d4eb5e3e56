/**
 * The same vendor answer gives the same error in both layers (docs/CONTRACT.md#errors), for every
 * vendor of the registry: a vendor client's `updatePhoneNumber` and the facade's `update` run one
 * request pipeline, with the vendor's refinements of codes from specs/<vendor>/vendor.yaml, so the
 * code, status, message, vendor message and attempts agree, answer for answer.
 */
import type { Provider } from "@phonebridge/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPhoneNumbers } from "../src/index.js";
import { type FaultServer, faults, type Reply, startFaultServer } from "./fault-server.js";
import { ADAPTERS, failure, IDS, oneChange, PROVIDERS } from "./helpers.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.script());

/** A 422 whose message one vendor refines (to not_found, in its vendor.yaml); the others keep `validation`. */
const REFINED = { status: "error", message: "Cannot find requested asset under given api key." };

const ANSWERS: [name: string, reply: Reply][] = [
  ["a 422 that a vendor's vendor.yaml may refine", faults.status(422, REFINED)],
  ["another 422", faults.status(422, { status: "error", message: "nickname is too long" })],
  ["a 404", faults.status(404, { message: "no such number" })],
  ["a 401", faults.status(401, { message: "bad key" })],
  ["a 429 asking for 61 s", { status: 429, headers: { "retry-after": "61" }, body: "{}" }],
  ["a 503, every attempt", faults.status(503, { message: "busy" })],
  ["a redirect", faults.redirect("http://127.0.0.1:9/steal")],
  ["a 200 that is not JSON", { status: 200, body: "<html>" }],
];

/** What the two layers must agree on. */
const shape = (error: unknown) => {
  const { code, status, message, vendorMessage, attempts, retryAfterMs, body } = error as Record<string, unknown>;
  return { code, status, message, vendorMessage, attempts, retryAfterMs, body };
};

/** A vendor client's update (an empty body is enough: the answer is scripted). */
type Update = (id: string, body: Record<string, never>) => Promise<unknown>;

/** The vendor package's `create<Vendor>Client`, found by its name's shape. */
async function vendorClient(
  provider: Provider,
): Promise<(options: Record<string, unknown>) => { updatePhoneNumber: Update }> {
  const module = (await import(`@phonebridge/${provider}`)) as Record<string, unknown>;
  const name = Object.keys(module).find((key) => /^create[A-Z]\w*Client$/.test(key));
  if (name === undefined) throw new Error(`@phonebridge/${provider} exports no create<Vendor>Client`);
  return module[name] as (options: Record<string, unknown>) => { updatePhoneNumber: Update };
}

describe.each(PROVIDERS)("%s: the vendor client and the facade", (provider) => {
  const id = IDS[provider];
  const [changes] = oneChange(provider);
  /** The code the refinable 422 ends with: the vendor's own refinement where vendor.yaml has one. */
  const refined =
    ADAPTERS[provider].descriptor.errors?.find(
      (rule) => rule.status === 422 && new RegExp(rule.message, "i").test(REFINED.message),
    )?.code ?? "validation";

  it.each(ANSWERS)("%s: the same error", async (_name, reply) => {
    server.script(reply);
    const create = await vendorClient(provider);
    // Jitter and waits are the real ones: one retry of 375 to 500 ms at most.
    const fromVendor = await failure(
      create({ apiKey: "k_1234", baseUrl: server.url, maxRetries: 1 }).updatePhoneNumber(id, {}),
    );
    const phones = createPhoneNumbers({ provider, apiKey: "k_1234", baseUrl: server.url, maxRetries: 1 });
    const fromFacade = await failure(phones.update(id, changes));
    expect(shape(fromFacade)).toEqual(shape(fromVendor));
    if (reply === ANSWERS[0]?.[1]) expect(fromVendor).toMatchObject({ code: refined, status: 422 });
  });
});
