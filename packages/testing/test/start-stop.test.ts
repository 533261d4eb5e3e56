import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MockServerError, PROVIDERS, startMockServers } from "../src/index.js";
import { accepts, isAlive, portOf, prismChildren } from "./helpers.js";

const RETELL_PATH = "/update-phone-number/+14157774444";

let dir: string;
let pingSpec: string;
let notOpenApi: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "phonebridge-testing-"));
  // A small spec of our own, to show that `specs` overrides the vendor package's document.
  pingSpec = join(dir, "ping.json");
  await writeFile(
    pingSpec,
    JSON.stringify({
      openapi: "3.0.3",
      info: { title: "ping", version: "1" },
      paths: {
        "/ping": {
          get: {
            responses: {
              "200": {
                description: "pong",
                content: { "application/json": { schema: { type: "object" }, example: { pong: true } } },
              },
            },
          },
        },
      },
    }),
  );
  notOpenApi = join(dir, "not-openapi.json");
  await writeFile(notOpenApi, JSON.stringify({ hello: "world" }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("startMockServers", () => {
  it("starts three mocks from the vendor packages' specs, serves them, and stops them completely", async () => {
    const before = prismChildren();
    const mocks = await startMockServers(["retell", "cald", "vogent"]);
    try {
      expect(Object.keys(mocks.urls).sort()).toEqual(["cald", "retell", "vogent"]);
      for (const url of Object.values(mocks.urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(new Set(Object.values(mocks.urls)).size).toBe(3);
      expect(mocks.specs.retell).toMatch(/retell[\\/]openapi\.json$/);
      expect(prismChildren().sort()).toEqual([...before, ...Object.values(mocks.pids)].sort());

      const retell = await fetch(`${mocks.urls.retell}${RETELL_PATH}`, {
        method: "PATCH",
        headers: { authorization: "Bearer test-key", "content-type": "application/json" },
        body: JSON.stringify({ nickname: "Front desk" }),
      });
      expect(retell.status).toBe(200);
      expect(await retell.json()).toMatchObject({ phone_number: expect.any(String) });

      const cald = await fetch(`${mocks.urls.cald}/phonenumbers/pn_1`, {
        method: "PATCH",
        headers: { authorization: "cald-test-key", "content-type": "application/json" },
        body: JSON.stringify({ agentId: "agent_1" }),
      });
      expect(cald.status).toBe(200);
      await cald.arrayBuffer();

      const vogent = await fetch(`${mocks.urls.vogent}/phone_numbers/pn_1`, {
        method: "PUT",
        headers: { authorization: "Bearer test-key", "content-type": "application/json" },
        body: JSON.stringify({ agentId: "agent_1" }),
      });
      expect(vogent.status).toBe(200);
      await vogent.arrayBuffer();
    } finally {
      await mocks.stop();
    }

    for (const url of Object.values(mocks.urls)) expect(await accepts(portOf(url))).toBe(false);
    for (const pid of Object.values(mocks.pids)) expect(isAlive(pid)).toBe(false);
    expect(prismChildren()).toEqual(before);
    // Stopping twice is harmless.
    await mocks.stop();
  });

  it("serves a spec given through options.specs instead of the vendor package's", async () => {
    const mocks = await startMockServers(["verbex"], { specs: { verbex: pingSpec } });
    try {
      expect(mocks.specs.verbex).toBe(pingSpec);
      const res = await fetch(`${mocks.urls.verbex}/ping`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ pong: true });
    } finally {
      await mocks.stop();
    }
    expect(await accepts(portOf(mocks.urls.verbex))).toBe(false);
  });

  it("fails clearly on a spec path that does not exist, starting nothing", async () => {
    const before = prismChildren();
    const missing = join(dir, "missing.json");
    const start = startMockServers(["retell", "cartesia"], { specs: { cartesia: missing } });
    await expect(start).rejects.toBeInstanceOf(MockServerError);
    await expect(start).rejects.toMatchObject({ vendor: "cartesia", spec: missing });
    await expect(start).rejects.toThrow(`Spec for cartesia not found: ${missing}`);
    expect(prismChildren()).toEqual(before);
  });

  it("stops the mocks that did start when Prism rejects another document, and shows Prism's output", async () => {
    const before = prismChildren();
    const start = startMockServers(["retell", "cald"], { specs: { cald: notOpenApi } });
    const error = await start.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MockServerError);
    expect(error).toMatchObject({ vendor: "cald", spec: notOpenApi });
    const message = (error as MockServerError).message;
    expect(message).toContain("Prism mock for cald exited with code 1 before it was ready");
    expect(message).toContain("Unsupported document format");
    // yargs' usage text is noise in an error message.
    expect(message).not.toContain("--multiprocess");
    expect((error as MockServerError).output).toContain("Unsupported document format");
    expect(prismChildren()).toEqual(before);
  });

  it("kills a mock that is not ready within timeoutMs", async () => {
    const before = prismChildren();
    // 1 ms is shorter than node takes to start, so Prism cannot be listening at the first check.
    const start = startMockServers(["retell"], { timeoutMs: 1 });
    await expect(start).rejects.toThrow(
      /Prism mock for retell did not accept connections on 127\.0\.0\.1:\d+ within 1 ms/,
    );
    expect(prismChildren()).toEqual(before);
  });

  it("rejects unknown vendors and bad options before starting anything", async () => {
    // @ts-expect-error not a vendor
    await expect(startMockServers(["twilio"])).rejects.toThrow(
      new RegExp(`unknown vendor "twilio"; expected one of ${PROVIDERS.join(", ")}`),
    );
    await expect(startMockServers(["retell"], { timeoutMs: 0 })).rejects.toThrow(/timeoutMs must be a positive number/);
    await expect(
      startMockServers(["retell"], { specs: { retell: new URL("https://example.com/spec.json") } }),
    ).rejects.toThrow(/only file: URLs are supported/);
  });
});
