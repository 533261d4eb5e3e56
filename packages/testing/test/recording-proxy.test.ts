import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordingProxy, startRecordingProxy } from "../src/index.js";
import { mockUrl } from "../src/vitest.js";

describe("startRecordingProxy", () => {
  let proxy: RecordingProxy;
  beforeAll(async () => {
    proxy = await startRecordingProxy(mockUrl("retell"));
  });
  afterAll(() => proxy.stop());

  it("records the raw request-target, headers and body, and forwards to the mock", async () => {
    const response = await fetch(`${proxy.url}/update-phone-number/+14157774444`, {
      method: "PATCH",
      headers: { authorization: "Bearer test-key", "content-type": "application/json" },
      body: JSON.stringify({ nickname: "Front desk" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("phone_number");
    const seen = proxy.last();
    expect(seen).toMatchObject({
      method: "PATCH",
      target: "/update-phone-number/+14157774444",
      body: '{"nickname":"Front desk"}',
      status: 200,
    });
    expect(seen.headers.authorization).toBe("Bearer test-key");
  });

  it("passes the mock's refusal through", async () => {
    proxy.clear();
    const response = await fetch(`${proxy.url}/update-phone-number/+14157774444`, { method: "PATCH" });
    expect(response.status).toBe(401);
    expect(proxy.requests).toHaveLength(1);
  });
});
