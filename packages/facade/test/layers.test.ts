/**
 * The same vendor answer gives the same error in both layers (docs/CONTRACT.md#errors): a vendor
 * client's `updatePhoneNumber` and the facade's `update` run one request pipeline, with the
 * vendor's refinements of codes from specs/<vendor>/vendor.yaml, so the code, status, message,
 * vendor message and attempts agree, answer for answer.
 */
import { createRetellClient } from "@phonebridge/retell";
import { createVerbexClient } from "@phonebridge/verbex";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPhoneNumbers } from "../src/index.js";
import { type FaultServer, faults, type Reply, startFaultServer } from "./fault-server.js";
import { failure } from "./helpers.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.script());

const ANSWERS: [name: string, reply: Reply][] = [
  [
    "Retell's 422 for a number it does not have (not_found †)",
    faults.status(422, { status: "error", message: "Cannot find requested asset under given api key." }),
  ],
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

/** A vendor client's update, as both vendors' share it here (an empty body). */
type Update = (id: string, body: Record<string, never>) => Promise<unknown>;

describe.each([
  [
    "retell",
    "+14157774444",
    (url: string): Update => createRetellClient({ apiKey: "k_1234", baseUrl: url, maxRetries: 1 }).updatePhoneNumber,
  ],
  [
    "verbex",
    "pn_1",
    (url: string): Update => createVerbexClient({ apiKey: "k_1234", baseUrl: url, maxRetries: 1 }).updatePhoneNumber,
  ],
] as const)("%s: the vendor client and the facade", (provider, id, vendorUpdate) => {
  it.each(ANSWERS)("%s: the same error", async (_name, reply) => {
    server.script(reply);
    // Jitter and waits are the real ones: one retry of 375 to 500 ms at most.
    const fromVendor = await failure(vendorUpdate(server.url)(id, {}));
    const phones = createPhoneNumbers({ provider, apiKey: "k_1234", baseUrl: server.url, maxRetries: 1 });
    const fromFacade = await failure(phones.update(id, { agentId: "agent_1" }));
    expect(shape(fromFacade)).toEqual(shape(fromVendor));
    // Retell's refinement is its own (specs/retell/vendor.yaml): Verbex's 422 stays `validation`.
    if (reply === ANSWERS[0]?.[1]) {
      expect(fromVendor).toMatchObject({ code: provider === "retell" ? "not_found" : "validation", status: 422 });
    }
  });
});
