/**
 * A client's configuration (docs/CONTRACT.md#vendor-packages-phonebridgevendor): the key and the
 * base URL from the options, else the environment's own variables, else the vendor's server;
 * what each refuses, naming the option and its variable; the User-Agent.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { envOf, resolveApiKey, resolveBaseUrl, userAgent } from "../src/config.js";
import type { PhoneBridgeError } from "../src/errors.js";

const vendor = (over: { defaultBaseUrl?: string; declared?: boolean } = {}) => ({
  provider: "cartesia" as const,
  envPrefix: "PBCONF",
  defaultBaseUrl: over.defaultBaseUrl,
  auth: { declared: over.declared ?? true },
});

function thrown(call: () => unknown): PhoneBridgeError {
  try {
    call();
  } catch (error) {
    return error as PhoneBridgeError;
  }
  throw new Error("it did not throw");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("envOf", () => {
  it("reads the environment's own variables; an empty one is unset", () => {
    vi.stubEnv("PBCONF_X", "value");
    expect(envOf("PBCONF_X")).toBe("value");
    vi.stubEnv("PBCONF_X", "");
    expect(envOf("PBCONF_X")).toBeUndefined();
    expect(envOf("PBCONF_NEVER_SET")).toBeUndefined();
  });

  it("never a variable a polluted prototype lends the environment", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.PBCONF_LENT = "https://evil.example";
    try {
      expect(envOf("PBCONF_LENT")).toBeUndefined();
    } finally {
      delete proto.PBCONF_LENT;
    }
  });
});

describe("resolveBaseUrl", () => {
  it("the option, else the variable, else the vendor's; trailing slashes dropped", () => {
    vi.stubEnv("PBCONF_BASE_URL", "https://env.example/v1/");
    expect(resolveBaseUrl(vendor({ defaultBaseUrl: "https://vendor.example" }), "http://opt.example/api//")).toBe(
      "http://opt.example/api",
    );
    expect(resolveBaseUrl(vendor({ defaultBaseUrl: "https://vendor.example" }), undefined)).toBe(
      "https://env.example/v1",
    );
    vi.stubEnv("PBCONF_BASE_URL", "");
    expect(resolveBaseUrl(vendor({ defaultBaseUrl: "https://vendor.example/" }), undefined)).toBe(
      "https://vendor.example",
    );
  });

  it("none at all: names the option and the variable", () => {
    const error = thrown(() => resolveBaseUrl(vendor(), undefined));
    expect(error).toMatchObject({ code: "invalid_input", field: "baseUrl", provider: "cartesia" });
    expect(error.message).toBe(
      "Cartesia: no base URL: the vendor publishes none, so pass the baseUrl option or set PBCONF_BASE_URL",
    );
  });

  it.each([
    "ftp://host.example",
    "xhttp://host.example",
    "https://user@host.example",
    "https://:pw@host.example",
    "not a url",
  ])("refuses %s", (url) => {
    const error = thrown(() => resolveBaseUrl(vendor(), url));
    expect(error).toMatchObject({ code: "invalid_input", field: "baseUrl" });
    expect(error.message).toBe(
      "Cartesia: baseUrl (or PBCONF_BASE_URL) must be an http or https URL without credentials",
    );
  });
});

describe("resolveApiKey", () => {
  it("the option, else the variable; an empty option is none", () => {
    vi.stubEnv("PBCONF_API_KEY", "env_key_1234");
    expect(resolveApiKey(vendor(), "opt_key_1234")).toBe("opt_key_1234");
    expect(resolveApiKey(vendor(), undefined)).toBe("env_key_1234");
    expect(thrown(() => resolveApiKey(vendor(), "")).message).toBe(
      "Cartesia: no API key: pass the apiKey option or set PBCONF_API_KEY",
    );
  });

  it("none is fine where the spec declares no auth", () => {
    expect(resolveApiKey(vendor({ declared: false }), undefined)).toBeUndefined();
    expect(resolveApiKey(vendor({ declared: false }), "")).toBeUndefined();
  });

  it.each([["line\nbreak"], ["nul\0"], ["cr\r"], [42], [{ key: "k" }]])("refuses the key %j", (key) => {
    const error = thrown(() => resolveApiKey(vendor(), key));
    expect(error).toMatchObject({ code: "invalid_input", field: "apiKey" });
    expect(error.message).toBe("Cartesia: the API key must be a string without line breaks or NUL");
  });
});

describe("userAgent", () => {
  it("the package, its version and Node's", () => {
    expect(userAgent("@phonebridge/cartesia", "1.2.3")).toBe(
      `@phonebridge/cartesia/1.2.3 node/${process.versions.node}`,
    );
  });

  it("without a runtime version, the package alone", () => {
    vi.stubGlobal("process", { ...process, versions: {} });
    try {
      expect(userAgent("@phonebridge/cartesia", "1.2.3")).toBe("@phonebridge/cartesia/1.2.3");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
