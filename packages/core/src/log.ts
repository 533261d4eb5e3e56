/**
 * The log of the request pipeline (docs/CONTRACT.md#log): one line per attempt, method, URL,
 * status (or the error's code), duration, attempt number and the wait before a retry. Levels:
 * `debug` logs every attempt, `info` the failed ones, `warn` (the default) and `off` none. The
 * level is read once, when a client is created, from the `logLevel` option, else the
 * `PHONEBRIDGE_LOG` environment variable; with nothing to log, a call does no logging work at all.
 * Every line is redacted by the pipeline before it gets here.
 */
import { envOf, inputError } from "./config.js";
import type { Provider } from "./errors.js";

export type LogLevel = "debug" | "info" | "warn" | "off";

/** Where the log goes: `console` by default; any object with these methods (pino, winston, ...). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** Logs the line of one attempt; `failed` attempts at `info`, the others at `debug`. */
export type AttemptLog = (failed: boolean, line: string) => void;

const LEVELS: readonly string[] = ["off", "warn", "info", "debug"];

/** The attempt log of a client, or undefined when its level logs no attempt. */
export function attemptLog(provider: Provider, option: unknown, logger: unknown): AttemptLog | undefined {
  const env = envOf("PHONEBRIDGE_LOG");
  let level = LEVELS.indexOf((option ?? env ?? "warn") as string);
  const out = (logger ?? console) as Logger;
  if (
    (option !== undefined && level < 0) ||
    ["debug", "info", "warn"].some((m) => typeof out[m as LogLevel & keyof Logger] !== "function")
  ) {
    throw inputError(
      provider,
      option !== undefined && level < 0 ? "logLevel" : "logger",
      "logLevel must be debug, info, warn or off, and logger an object with debug, info and warn methods",
    );
  }
  if (level < 0) {
    out.warn(`phonebridge: PHONEBRIDGE_LOG must be debug, info, warn or off, not ${JSON.stringify(env?.slice(0, 40))}`);
    level = 1;
  }
  if (level < 2) return undefined;
  return (failed, line) => (failed ? out.info(line) : level > 2 && out.debug(line));
}
