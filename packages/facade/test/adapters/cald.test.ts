/** Cald's own rules: it removes the agent from any request without agentId, so it takes no passthrough. */
import { describe, expect, it } from "vitest";
import { createPhoneNumbers } from "../../src/index.js";
import { failure, stubFetch } from "../helpers.js";
import type { Loose } from "../refusals.js";
import { data } from "./cald.js";

describe("Cald", () => {
  it("takes no options.vendor field, not even its own agentId", async () => {
    const stub = stubFetch(data.okBody);
    const cald = createPhoneNumbers({
      provider: "cald",
      apiKey: "key_1234",
      baseUrl: "http://127.0.0.1:9",
      fetch: stub.fetch,
    });
    for (const vendor of [{ price: 1 }, { agentId: "B" }]) {
      const error = await failure((cald as Loose).update(data.id, { agentId: "A" }, { vendor }));
      expect(error).toMatchObject({ code: "invalid_input", field: `vendor.${Object.keys(vendor)[0]}` });
    }
    expect(stub.sent).toHaveLength(0);
  });

  it("sends the raw key in Authorization, and removes the agent with an empty body", async () => {
    const stub = stubFetch(data.okBody);
    const cald = createPhoneNumbers({
      provider: "cald",
      apiKey: "cald_key_1",
      baseUrl: "http://127.0.0.1:9",
      fetch: stub.fetch,
    });
    await cald.update(data.id, { agentId: null });
    expect(stub.sent[0]?.headers.Authorization).toBe("cald_key_1");
    expect(stub.sent[0]?.body).toBe("{}");
  });
});
