import { describe, expect, inject, it } from "vitest";
import { PROVIDERS } from "../src/index.js";
import { mockUrl, mockUrls } from "../src/vitest.js";

// These mocks come from vitest.config.ts: globalSetup ["./src/vitest-setup.ts"], every vendor.

const bearer = { authorization: "Bearer test-key", "content-type": "application/json" };

describe("vitest globalSetup", () => {
  it("provides a bare-origin URL for every vendor", () => {
    const urls = inject("phonebridgeMocks");
    expect(Object.keys(urls).sort()).toEqual([...PROVIDERS]);
    expect(mockUrls()).toEqual(urls);
    for (const vendor of PROVIDERS) expect(mockUrl(vendor)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers a valid Retell update with the spec's example", async () => {
    const res = await fetch(`${mockUrl("retell")}/update-phone-number/+14157774444`, {
      method: "PATCH",
      headers: bearer,
      body: JSON.stringify({ nickname: "Front desk" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ phone_number: "+14157774444" });
  });

  it("enforces the spec's security: 401 without credentials", async () => {
    const res = await fetch(`${mockUrl("retell")}/update-phone-number/+14157774444`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ nickname: "Front desk" }),
    });
    expect(res.status).toBe(401);
    await res.arrayBuffer();
  });

  it("rejects a body of the wrong type with a 4xx", async () => {
    const res = await fetch(`${mockUrl("retell")}/update-phone-number/+14157774444`, {
      method: "PATCH",
      headers: bearer,
      body: JSON.stringify({ nickname: 42 }),
    });
    expect([400, 422]).toContain(res.status);
    await res.arrayBuffer();
  });

  it("answers with a declared status on Prefer: code=404", async () => {
    const res = await fetch(`${mockUrl("cald")}/phonenumbers/pn_1`, {
      method: "PATCH",
      headers: { authorization: "cald-test-key", "content-type": "application/json", prefer: "code=404" },
      body: JSON.stringify({ agentId: "agent_1" }),
    });
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });

  it("serves every vendor's spec: an unknown path is Prism's 404, not a refused connection", async () => {
    for (const vendor of PROVIDERS) {
      const res = await fetch(`${mockUrl(vendor)}/no-such-path-in-any-spec`);
      expect(res.status, vendor).toBe(404);
      expect(await res.text(), vendor).toContain("NO_PATH_MATCHED_ERROR");
    }
  });
});
