import { closest } from "./closest.js";
import { isProvider, PROVIDERS, type Provider } from "./providers.js";
import { quote } from "./quote.js";
import { UsageError } from "./usage-error.js";

/** A flag that takes one value for every provider, or `provider=value`, repeatable. */
export interface PerProvider {
  all: string | undefined;
  byProvider: Partial<Record<Provider, string>>;
}

/** `word=…` at the start of a value: meant as `provider=value` (CONTRACT.md, CLI). */
const PREFIXED = /^\s*([a-z][a-z0-9-]*)\s*=(.*)$/is;
/** `provider:…` or `provider …`: a provider prefix written with the wrong separator. */
const MISWRITTEN = /^\s*([a-z][a-z0-9-]*)\s*:|^\s*([a-z][a-z0-9-]*)\s+\S/i;

/**
 * Parses the values of a repeatable `--api-key` or `--base-url`: `value` applies to every
 * provider, `<provider>=value` to one (the provider in any case). A value that starts with a word
 * and `=` whose word is no provider is refused, naming the closest: `--api-key retel=KEY` must
 * never become the key of every vendor. A later value for the same target replaces an earlier one.
 */
export function parsePerProvider(flag: string, values: readonly string[] | undefined): PerProvider {
  const out: PerProvider = { all: undefined, byProvider: {} };
  for (const raw of values ?? []) {
    if (raw === "") throw new UsageError(`--${flag} has an empty value`);
    const match = PREFIXED.exec(raw);
    if (match === null) {
      const [, colon, space] = MISWRITTEN.exec(raw) ?? [];
      const word = (colon ?? space ?? "").toLowerCase();
      // `--api-key "<provider>: KEY"` must not become the key of the one provider of a run.
      if (isProvider(word)) throw new UsageError(`--${flag} ${word}…: write it as --${flag} ${word}=<value>`);
      out.all = raw;
      continue;
    }
    const [, word = "", value = ""] = match;
    const provider = word.toLowerCase();
    if (isProvider(provider)) {
      if (value === "") throw new UsageError(`--${flag} ${provider}= has no value`);
      out.byProvider[provider] = value;
      continue;
    }
    const { match: nearest, distance } = closest(provider, PROVIDERS);
    // The word before "=" of a key may be the head of the key itself: shown only when it is
    // plainly a misspelt provider.
    const shown =
      flag !== "api-key" || distance <= 2
        ? `${quote(word)}=…`
        : "<word>=… (the word not shown: it may be part of a key)";
    throw new UsageError(
      `--${flag} ${shown} names no provider; did you mean ${nearest}? (providers: ${PROVIDERS.join(", ")}). ` +
        `A value that itself starts with a word and "=" goes as ${nearest}=<value>.`,
    );
  }
  return out;
}

/**
 * A value given without a provider goes to every provider the run touches: accepted only when it
 * touches one. With several, every vendor's key (or request, for a base URL) would go to the
 * same place (CONTRACT.md, CLI).
 */
export function requireOneProvider(flag: string, values: PerProvider, providers: readonly Provider[]): void {
  if (values.all === undefined || providers.length <= 1) return;
  const env = flag === "api-key" ? "<VENDOR>_API_KEY" : "<VENDOR>_BASE_URL";
  throw new UsageError(
    `--${flag} without a provider would go to all ${providers.length} providers of this run ` +
      `(${providers.join(", ")}): give each as --${flag} <provider>=<value>, or set ${env}`,
  );
}

export function valueFor(values: PerProvider, provider: Provider): string | undefined {
  return values.byProvider[provider] ?? values.all;
}

/** A whole number within bounds, for flags such as `--concurrency`. */
export function intFlag(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${flag} must be a whole number, not ${quote(raw)}`);
  const value = Number(raw);
  if (value < min || value > max) throw new UsageError(`--${flag} must be between ${min} and ${max}`);
  return value;
}

/**
 * A positive number (fractions allowed) of at least `min`, for `--rate`. The floor keeps every
 * wait within what a Node timer can hold (about 24 days); a longer one would fire at once.
 */
export function positiveFlag(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < min) {
    throw new UsageError(`--${flag} must be a number of at least ${min}, not ${quote(raw)}`);
  }
  return value;
}
