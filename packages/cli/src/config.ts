import { isProvider, PROVIDERS, type Provider } from "./providers.js";
import { quote } from "./quote.js";
import { UsageError } from "./usage-error.js";

/** A flag that takes one value for every provider, or `provider=value`, repeatable. */
export interface PerProvider {
  all: string | undefined;
  byProvider: Partial<Record<Provider, string>>;
}

/**
 * Parses the values of a repeatable `--api-key` or `--base-url`: `value` applies to every
 * provider, `retell=value` to one. A later value for the same target replaces an earlier one.
 */
export function parsePerProvider(flag: string, values: readonly string[] | undefined): PerProvider {
  const out: PerProvider = { all: undefined, byProvider: {} };
  for (const raw of values ?? []) {
    const match = /^([a-z]+)=(.*)$/s.exec(raw);
    if (match && isProvider(match[1])) {
      if (match[2] === "") throw new UsageError(`--${flag} ${match[1]}= has no value`);
      out.byProvider[match[1]] = match[2];
      continue;
    }
    // `--base-url retel=http://…` is a typo, not a URL. (A key may contain "=", so only URLs.)
    if (match && flag === "base-url") {
      const word = quote(match[1] as string);
      throw new UsageError(`--${flag} ${word}=…: unknown provider ${word} (one of ${PROVIDERS.join(", ")})`);
    }
    if (raw === "") throw new UsageError(`--${flag} has an empty value`);
    out.all = raw;
  }
  return out;
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

/** A positive number (fractions allowed), for `--rate`. */
export function positiveFlag(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--${flag} must be a positive number, not ${quote(raw)}`);
  }
  return value;
}
