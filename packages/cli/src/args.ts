import { intFlag, parsePerProvider } from "./config.js";
import type { Connection } from "./context.js";
import { UsageError } from "./usage-error.js";

export const CONNECTION_OPTIONS = {
  "api-key": { type: "string", multiple: true },
  "base-url": { type: "string", multiple: true },
  timeout: { type: "string" },
  "max-retries": { type: "string" },
  mock: { type: "boolean" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Runs `parseArgs` with its errors turned into usage errors that never echo a value. */
export function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // Node quotes the offending argument; keep anything after "=" out of the message.
    throw new UsageError((error as Error).message.replace(/'(-[^'=\s]*)=[^']*'/g, "'$1=…'"));
  }
}

export function connectionOf(values: {
  "api-key"?: string[];
  "base-url"?: string[];
  timeout?: string;
  "max-retries"?: string;
  mock?: boolean;
}): Connection {
  const connection: Connection = {
    apiKeys: parsePerProvider("api-key", values["api-key"]),
    baseUrls: parsePerProvider("base-url", values["base-url"]),
    timeoutMs: intFlag("timeout", values.timeout, 1, 3_600_000),
    maxRetries: intFlag("max-retries", values["max-retries"], 0, 10),
    mock: values.mock === true,
  };
  if (connection.mock && values["base-url"]?.length) {
    throw new UsageError("--mock and --base-url exclude each other: --mock sends everything to the embedded mocks");
  }
  return connection;
}
