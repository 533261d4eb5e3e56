import { afterEach, describe, expect, it } from "vitest";
import type { MockUrls } from "../src/vitest.js";
import { MOCK_URLS_ENV, mockServersSetup, mockUrlsFromEnv } from "../src/vitest-setup.js";
import { accepts, portOf, prismChildren } from "./helpers.js";

const saved = process.env[MOCK_URLS_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[MOCK_URLS_ENV];
  else process.env[MOCK_URLS_ENV] = saved;
});

function fakeProject() {
  const provided: { value?: MockUrls } = {};
  return { provided, project: { provide: (_key: "phonebridgeMocks", value: MockUrls) => (provided.value = value) } };
}

describe(`mockServersSetup with ${MOCK_URLS_ENV}`, () => {
  it("uses the shared URLs and starts only the vendors missing from them", async () => {
    process.env[MOCK_URLS_ENV] = JSON.stringify({ retell: "http://127.0.0.1:9/", verbex: "http://127.0.0.1:10" });
    const before = prismChildren();
    const { provided, project } = fakeProject();
    const teardown = await mockServersSetup(["retell", "cald"])(project);
    try {
      expect(provided.value?.retell).toBe("http://127.0.0.1:9");
      expect(provided.value?.verbex).toBeUndefined();
      expect(provided.value?.cald).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(prismChildren()).toHaveLength(before.length + 1);
    } finally {
      await teardown();
    }
    expect(await accepts(portOf(provided.value?.cald as string))).toBe(false);
    expect(prismChildren()).toEqual(before);
  });

  it("starts nothing when every wanted vendor is shared", async () => {
    process.env[MOCK_URLS_ENV] = JSON.stringify({ cald: "http://127.0.0.1:11" });
    const before = prismChildren();
    const { provided, project } = fakeProject();
    const teardown = await mockServersSetup(["cald"])(project);
    expect(provided.value).toEqual({ cald: "http://127.0.0.1:11" });
    expect(prismChildren()).toEqual(before);
    await teardown();
  });

  it("rejects a malformed value clearly", () => {
    expect(() => mockUrlsFromEnv({ [MOCK_URLS_ENV]: "retell=http://x" })).toThrow(
      /must be a JSON object of vendor → base URL/,
    );
    expect(() => mockUrlsFromEnv({ [MOCK_URLS_ENV]: '{"twilio":"http://127.0.0.1:1"}' })).toThrow(
      /unknown vendor "twilio"/,
    );
    expect(() => mockUrlsFromEnv({ [MOCK_URLS_ENV]: '{"retell":42}' })).toThrow(/retell must be a URL/);
    expect(mockUrlsFromEnv({})).toBeUndefined();
  });
});
