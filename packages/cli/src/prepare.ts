import type { ClientOptions } from "./client.js";
import { valueFor } from "./config.js";
import type { Connections } from "./context.js";
import { describeError, errorLine } from "./describe.js";
import { ENV_PREFIXES, type Provider } from "./providers.js";
import type { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";

/** What a provider's client is made with when its own key or base URL is missing (`--dry-run`). */
export const PLACEHOLDER_KEY = "phonebridge-dry-run-placeholder-key";
export const PLACEHOLDER_BASE_URL = "https://base-url.invalid";

type Field = "apiKey" | "baseUrl";

/** The field of the facade's `invalid_input` for a key or base URL it cannot use, if that is the error. */
function configField(error: unknown): Field | undefined {
  const { code, field } = (error ?? {}) as { code?: unknown; field?: unknown };
  return code === "invalid_input" && (field === "apiKey" || field === "baseUrl") ? field : undefined;
}

/** The problem in CLI words: the flag and the env var, never the library's option. */
function problemText(provider: Provider, field: Field, error: unknown, connections: Connections): string {
  const flag = field === "apiKey" ? "--api-key" : "--base-url";
  const variable = `${ENV_PREFIXES[provider]}_${field === "apiKey" ? "API_KEY" : "BASE_URL"}`;
  const values = field === "apiKey" ? connections.connection.apiKeys : connections.connection.baseUrls;
  const fromFlag = valueFor(values, provider) !== undefined;
  const fromEnv = !fromFlag && Boolean(process.env[variable]);
  if (!fromFlag && !fromEnv) {
    return field === "apiKey"
      ? `no API key: give --api-key ${provider}=<key> or set ${variable}`
      : `no base URL (the vendor publishes none): give --base-url ${provider}=<url> or set ${variable}`;
  }
  // The facade's reason, its option names put in CLI words.
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .slice(message.indexOf(": ") + 2)
    .replace(/^baseUrl \(or [A-Z0-9_]+\)/, "it")
    .replace(/the apiKey option/g, "--api-key")
    .replace(/the baseUrl option/g, "--base-url");
  const what = field === "apiKey" ? "API key" : "base URL";
  return `the ${what} from ${fromFlag ? flag : variable} is refused: ${reason}`;
}

export interface Prepared<T> {
  clients: Map<Provider, T>;
  /** One line per thing a provider lacks, `provider: what and how to give it`. */
  problems: string[];
  /** Providers made with the placeholder base URL, whose URLs are shown without a host. */
  placeholderBaseUrl: Set<Provider>;
}

/**
 * Makes each provider's client. Whatever keys and base URLs the providers lack is collected, all
 * at once, from the facade's own checks (which vendor needs what is the facade's to say): the
 * client is then made with placeholders, so that every other lack is found too and `--dry-run`
 * can still show every request. Any other error is a usage error at once.
 */
export function prepareClients<T>(
  providers: readonly Provider[],
  connections: Connections,
  secrets: Secrets,
  make: (options: ClientOptions) => T,
): Prepared<T> {
  const prepared: Prepared<T> = { clients: new Map(), problems: [], placeholderBaseUrl: new Set() };
  for (const provider of providers) {
    const options = connections.options(provider);
    const replaced = new Set<Field>();
    for (;;) {
      try {
        prepared.clients.set(provider, make(options));
        break;
      } catch (error) {
        const field = configField(error);
        if (field === undefined || replaced.has(field)) {
          throw new UsageError(errorLine(describeError(error, secrets)));
        }
        prepared.problems.push(`${provider}: ${secrets.text(problemText(provider, field, error, connections))}`);
        replaced.add(field);
        if (field === "apiKey") options.apiKey = PLACEHOLDER_KEY;
        else {
          options.baseUrl = PLACEHOLDER_BASE_URL;
          prepared.placeholderBaseUrl.add(provider);
        }
      }
    }
  }
  return prepared;
}

/** The usage error of a run that cannot start for what its providers lack. */
export function lackingError(problems: readonly string[]): UsageError {
  return new UsageError(
    `${problems.length === 1 ? "a provider lacks" : "providers lack"} what the run needs (nothing sent):\n` +
      problems.map((problem) => `  ${problem}`).join("\n"),
  );
}
