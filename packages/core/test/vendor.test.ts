import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { PhoneBridgeError } from "../src/errors.js";
import { createVendorTransport, describeRequest, type VendorDescriptor } from "../src/vendor.js";

const descriptor: VendorDescriptor = {
  provider: "retell",
  envPrefix: "PBTEST",
  defaultBaseUrl: "https://api.example.test/v1",
  auth: { header: "Authorization", scheme: "bearer", declared: true },
  headers: { "X-Version": "2026-03-01" },
  update: { method: "PATCH", path: "/numbers/{id}/settings", param: "id" },
  secrets: { request: ["auth_password"], response: ["twilio_auth_token"] },
};

function recordingFetch(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return response();
  });
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("createVendorTransport configuration", () => {
  it("refuses a missing key before any request, naming the option and the env var", () => {
    const error = (() => {
      try {
        createVendorTransport(descriptor, {});
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PhoneBridgeError);
    expect(error).toMatchObject({ code: "invalid_input", field: "apiKey", provider: "retell" });
    expect((error as Error).message).toMatch(/^Retell: .*apiKey.*PBTEST_API_KEY/);
  });

  it("reads the key and base URL from the environment", () => {
    vi.stubEnv("PBTEST_API_KEY", "from-env-key");
    vi.stubEnv("PBTEST_BASE_URL", "http://127.0.0.1:9/");
    try {
      const transport = createVendorTransport(descriptor, {});
      expect(transport.baseUrl).toBe("http://127.0.0.1:9");
      expect(transport.headers.Authorization).toBe("Bearer from-env-key");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("requires a base URL when the vendor publishes none", () => {
    expect(() => createVendorTransport({ ...descriptor, defaultBaseUrl: undefined }, { apiKey: "k" })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "baseUrl" }),
    );
  });

  it("refuses a base URL that is not http(s) or carries credentials", () => {
    expect(() => createVendorTransport(descriptor, { apiKey: "k", baseUrl: "ftp://x" })).toThrow(/http or https/);
    expect(() => createVendorTransport(descriptor, { apiKey: "k", baseUrl: "https://u:p@x" })).toThrow(/credentials/);
  });

  it("sends a raw key when the scheme says so, and no auth header when none is declared and no key given", () => {
    const raw = createVendorTransport({ ...descriptor, auth: { ...descriptor.auth, scheme: "raw" } }, { apiKey: "k1" });
    expect(raw.headers.Authorization).toBe("k1");
    const none = createVendorTransport({ ...descriptor, auth: { ...descriptor.auth, declared: false } }, {});
    expect(none.headers.Authorization).toBeUndefined();
  });
});

describe("a transport never shows its key", () => {
  it("is safe to log and serialize", async () => {
    const { inspect } = await import("node:util");
    const transport = createVendorTransport(descriptor, { apiKey: "sk_live_SHOWN_NOWHERE" });
    expect(transport.headers.Authorization).toBe("Bearer sk_live_SHOWN_NOWHERE");
    expect(inspect(transport, { depth: 5 })).not.toContain("SHOWN_NOWHERE");
    expect(JSON.stringify(transport)).not.toContain("SHOWN_NOWHERE");
  });
});

describe("describeRequest", () => {
  it("shows the exact request without sending it, credentials and secret fields redacted", () => {
    const { calls, fetch } = recordingFetch(json(200, {}));
    const transport = createVendorTransport(descriptor, { apiKey: "sk_live_PLANNED_KEY", fetch });
    const planned = describeRequest(transport, "+1 2", { auth_password: "pw-123456", note: "sk_live_PLANNED_KEY" });
    expect(planned).toEqual({
      method: "PATCH",
      url: "https://api.example.test/v1/numbers/+1%202/settings",
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        "user-agent": "phonebridge",
        "x-version": "2026-03-01",
        authorization: "[redacted]",
      },
      body: { auth_password: "[redacted]", note: "[redacted]" },
    });
    expect(calls).toHaveLength(0);
    // Credential headers a caller adds are shown redacted whole, whatever they hold.
    const headers = { "X-Api-Key": "other-credential", Cookie: "session=abc", "Proxy-Authorization": "Basic x" };
    const withHeaders = createVendorTransport(descriptor, { apiKey: "sk_live_PLANNED_KEY", fetch, headers });
    expect(describeRequest(withHeaders, "n1", {}).headers).toMatchObject({
      "x-api-key": "[redacted]",
      cookie: "[redacted]",
      "proxy-authorization": "[redacted]",
    });
    expect(() => describeRequest(transport, "..", {})).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "id" }),
    );
  });
});

describe("the lean request path", () => {
  it("sends one request with the vendor's method, path, headers and body", async () => {
    const { calls, fetch } = recordingFetch(json(200, { ok: true }));
    const transport = createVendorTransport<{ a: number }, { ok: boolean }>(descriptor, { apiKey: "key-1", fetch });
    await expect(transport.update("+1415 777", { a: 1 })).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [{ url: string; init: RequestInit }];
    expect(url).toBe("https://api.example.test/v1/numbers/+1415%20777/settings");
    expect(init.method).toBe("PATCH");
    expect(init.body).toBe('{"a":1}');
    // A redirect is refused by the fetch itself, so the key never goes to another host.
    expect(init.redirect).toBe("error");
    expect(init.headers).toMatchObject({
      Authorization: "Bearer key-1",
      "X-Version": "2026-03-01",
      "content-type": "application/json",
    });
  });

  it("refuses an id that cannot be a path segment without sending", async () => {
    const { calls, fetch } = recordingFetch(json(200, {}));
    const transport = createVendorTransport(descriptor, { apiKey: "key-1", fetch });
    await expect(transport.update("..", {})).rejects.toMatchObject({ code: "invalid_input", field: "id" });
    // A long id is quoted by its first 40 characters, a key inside it redacted first.
    const long = createVendorTransport(descriptor, { apiKey: "sk_live_LONGKEY_123", fetch });
    const error = await long.update(`\ud800sk_live_LONGKEY_123${"x".repeat(10_000)}`, {}).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `Retell: the id "\\ud800[redacted]${"x".repeat(20)}…" cannot be a path segment`,
    );
    expect(() => describeRequest(long, `\ud800${"y".repeat(10_000)}`, {})).toThrow(`"\\ud800${"y".repeat(39)}…"`);
    expect(calls).toHaveLength(0);
  });

  it("turns an error status into a PhoneBridgeError with the redacted vendor body", async () => {
    const { fetch } = recordingFetch(
      json(
        422,
        { status: "error", message: "bad key-secret-1", twilio_auth_token: "TWILIO-SECRET-9" },
        { "retry-after": "2" },
      ),
    );
    const transport = createVendorTransport(descriptor, { apiKey: "key-secret-1", fetch });
    const error = await transport.update("n1", {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PhoneBridgeError);
    expect(error).toMatchObject({
      code: "validation",
      status: 422,
      vendorMessage: "bad [redacted]",
      retryAfterMs: 2000,
      body: { status: "error", message: "bad [redacted]", twilio_auth_token: "[redacted]" },
    });
    expect(JSON.stringify(error)).not.toContain("key-secret-1");
    expect(JSON.stringify(error)).not.toContain("TWILIO-SECRET-9");
  });

  it("redacts an error body by value: the key escaped, as a property name, and the secrets a call brings", async () => {
    const key = "sk+live/KEY_0123456789";
    const body = '{"message":"bad sk\\u002Blive\\/KEY_0123456789","sk+live\\/KEY_0123456789":{"pw":"call-pw-777"}}';
    const { fetch } = recordingFetch(() => new Response(body, { status: 400 }));
    const transport = createVendorTransport(descriptor, { apiKey: key, fetch });
    const error = (await transport
      .send("n1", {}, undefined, undefined, transport.secrets.with(["call-pw-777"]))
      .catch((caught: unknown) => caught)) as PhoneBridgeError;
    expect(error).toMatchObject({
      vendorMessage: "bad [redacted]",
      body: { message: "bad [redacted]", "[redacted]": { pw: "[redacted]" } },
    });
    for (const shown of [JSON.stringify(error), inspect(error, { depth: null }), error.stack ?? ""]) {
      expect(shown).not.toMatch(/0123456789|call-pw/);
    }
  });

  it("cuts a vendor message (500) and a body kept as text (2,000) only after the call's secrets are out", async () => {
    const secret = "call_PBSECRET_password_value";
    const secrets = createVendorTransport(descriptor, { apiKey: "k".repeat(8) }).secrets.with([secret]);
    for (let at = 470; at <= 500; at++) {
      const message = JSON.stringify({ message: `${"m".repeat(at)}${secret} tail` });
      const text = `${"t".repeat(at + 1500)}${secret} tail`;
      for (const body of [message, text]) {
        const { fetch } = recordingFetch(() => new Response(body, { status: 400 }));
        const transport = createVendorTransport(descriptor, { apiKey: "k".repeat(8), fetch });
        const error = (await transport
          .send("n1", {}, undefined, undefined, secrets)
          .catch((caught: unknown) => caught)) as PhoneBridgeError;
        const shown = `${error.message} ${error.vendorMessage} ${JSON.stringify(error.body)}`;
        // Not even the first character of the secret is left before a cut.
        expect(shown).not.toMatch(/[mt]c…|PBSECRET|call_/);
      }
    }
  });

  it("a connection that fails while an error body is read is `connection`, not the status's code", async () => {
    const cut = () => {
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) controller.error(new TypeError("terminated", { cause: { code: "ECONNRESET" } }));
          else controller.enqueue(new TextEncoder().encode('{"message":"par'));
          sent = true;
        },
      });
      return new Response(body, { status: 503 });
    };
    const { fetch } = recordingFetch(cut);
    const transport = createVendorTransport(descriptor, { apiKey: "k", fetch, maxRetries: 0 });
    const error = (await transport.update("n1", {}).catch((caught: unknown) => caught)) as PhoneBridgeError;
    expect(error).toMatchObject({ code: "connection", message: "Retell: connection failed (ECONNRESET)" });
    expect(error.status).toBeUndefined();
  });

  it("maps a refused connection to `connection` and a 2xx that is not JSON to `invalid_response`", async () => {
    const failing = vi.fn(async () => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    }) as unknown as typeof globalThis.fetch;
    const down = createVendorTransport(descriptor, { apiKey: "k", fetch: failing, maxRetries: 0 });
    await expect(down.update("n1", {})).rejects.toMatchObject({ code: "connection", message: /ECONNREFUSED/ });
    // A fetch whose error holds the key: the reason is quoted short, the key redacted.
    const leaking = vi.fn(async () => {
      throw new Error(`cannot reach host with key k_SECRET_KEY_1 ${"x".repeat(500)}`);
    }) as unknown as typeof globalThis.fetch;
    const error: unknown = await createVendorTransport(descriptor, {
      apiKey: "k_SECRET_KEY_1",
      fetch: leaking,
      maxRetries: 0,
    })
      .update("n1", {})
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe("Retell: connection failed (cannot reach host with key [redacted]…)");
    const { fetch } = recordingFetch(() => new Response("<html>", { status: 200 }));
    const html = createVendorTransport(descriptor, { apiKey: "k", fetch });
    await expect(html.update("n1", {})).rejects.toMatchObject({ code: "invalid_response", status: 200 });
  });

  it("reads an empty 204 as no data, and an empty 200 as invalid_response", async () => {
    const noContent = recordingFetch(() => new Response(null, { status: 204 }));
    await expect(
      createVendorTransport(descriptor, { apiKey: "k", fetch: noContent.fetch }).update("n1", {}),
    ).resolves.toBeUndefined();
    const empty = recordingFetch(() => new Response("", { status: 200 }));
    await expect(
      createVendorTransport(descriptor, { apiKey: "k", fetch: empty.fetch }).update("n1", {}),
    ).rejects.toMatchObject({
      code: "invalid_response",
      status: 200,
    });
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { calls, fetch } = recordingFetch(json(200, {}));
    const transport = createVendorTransport(descriptor, { apiKey: "k", fetch });
    await expect(transport.update("n1", {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "aborted",
    });
    expect(calls).toHaveLength(0);
  });
});

describe("only the caller's own options count", () => {
  /** Runs `body` with `Object.prototype` polluted by `names`, cleaned up before anything is checked. */
  async function polluted<T>(names: Record<string, unknown>, body: () => Promise<T> | T): Promise<T> {
    for (const [name, value] of Object.entries(names)) {
      Object.defineProperty(Object.prototype, name, { value, configurable: true, writable: true });
    }
    try {
      return await body();
    } finally {
      for (const name of Object.keys(names)) delete (Object.prototype as Record<string, unknown>)[name];
    }
  }

  it("a polluted Object.prototype or environment supplies no key, base URL, fetch or header", async () => {
    const { calls, fetch } = recordingFetch(json(200, {}));
    const evil = vi.fn(async () => new Response("{}"));
    const transport = await polluted(
      {
        baseUrl: "http://evil.example",
        fetch: evil,
        headers: { "x-evil": "1" },
        PBTEST_BASE_URL: "http://evil-env.example",
        PBTEST_API_KEY: "evil_env_key",
      },
      () => createVendorTransport(descriptor, { apiKey: "own_key", fetch }),
    );
    await transport.update("n1", {});
    expect(calls[0]?.url.startsWith("https://api.example.test/v1/")).toBe(true);
    expect(calls[0]?.init.headers).not.toHaveProperty("x-evil");
    expect(evil).not.toHaveBeenCalled();
    await polluted({ apiKey: "evil_key", PBTEST_API_KEY: "evil_env_key" }, () => {
      expect(() => createVendorTransport(descriptor, {})).toThrow(expect.objectContaining({ field: "apiKey" }));
    });
  });

  it("sends nothing when Object.prototype.toJSON would replace the body", async () => {
    const { calls, fetch } = recordingFetch(json(200, {}));
    const transport = createVendorTransport(descriptor, { apiKey: "k", fetch });
    const error = await polluted({ toJSON: () => ({ evil: true }) }, () =>
      transport.send("n1", { a: [1] }).catch((caught: unknown) => caught),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "body" });
    expect(calls).toHaveLength(0);
  });
});
