import { type ParseArgsConfig, parseArgs } from "node:util";
import { didYouMean } from "./closest.js";
import { intFlag, parsePerProvider } from "./config.js";
import type { Connection } from "./context.js";
import { clip, quote } from "./quote.js";
import { UsageError } from "./usage-error.js";

export const CONNECTION_OPTIONS = {
  "api-key": { type: "string", multiple: true },
  "base-url": { type: "string", multiple: true },
  timeout: { type: "string" },
  "max-retries": { type: "string" },
  mock: { type: "boolean" },
  verbose: { type: "boolean" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** The connection options of a command that writes nothing, so has no `--dry-run`. */
export const READ_OPTIONS = (({ "dry-run": _, ...read }) => read)(CONNECTION_OPTIONS);

/** The command line of one command, for usage errors that can point at the mistake. */
export interface CommandLine {
  command: string;
  args: readonly string[];
  options: NonNullable<ParseArgsConfig["options"]>;
}

/** The `parseArgs` config every command reads its line with. */
type CommandConfig<O extends CommandLine["options"]> = {
  args: string[];
  options: O;
  strict: true;
  allowPositionals: true;
};

/**
 * The start every command shares: its line read (errors are usage errors), `--help` printed (on
 * stderr under `--json`, whose stdout holds JSON only), and the count of its operands checked
 * (`operands.shown` names them in the error). Undefined once the help was printed.
 */
export async function readCommand<const O extends CommandLine["options"]>(
  command: string,
  args: string[],
  options: O,
  operands: { count: number; shown: string },
  help: () => string | Promise<string>,
): Promise<ReturnType<typeof parseArgs<CommandConfig<O>>> | undefined> {
  const config: CommandConfig<O> = { args, options, strict: true, allowPositionals: true };
  const line = usageErrors(() => parseArgs(config), { command, args, options });
  const { help: wanted, json } = line.values as { help?: boolean; json?: boolean };
  if (wanted) {
    (json ? process.stderr : process.stdout).write(await help());
    return undefined;
  }
  if (line.positionals.length !== operands.count) {
    throw new UsageError(
      `${command} takes ${operands.shown}, got ${line.positionals.length} argument(s); see phonebridge ${command} --help`,
    );
  }
  return line;
}

/** Runs `parseArgs` with its errors turned into usage errors that never echo a value. */
export function usageErrors<T>(parse: () => T, line: CommandLine): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw unknownOption(line);
    // Node quotes the option, never its value; keep anything after "=" out all the same.
    const message = (error as Error).message
      .replace(/'(-[^'=\s]*)=[^']*'/g, "'$1=…'")
      .replace(/\s*\n\s*/g, " ")
      .replace(/'([^']*)'/g, (_whole, inner: string) => `'${clip(inner)}'`);
    throw new UsageError(`${message} (see phonebridge ${line.command} --help)`);
  }
}

/** The first option the command does not know, with the closest one it does. */
function unknownOption({ command, args, options }: CommandLine): UsageError {
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const token = tokens.find((t) => t.kind === "option" && !Object.hasOwn(options, t.name));
  const raw = token?.kind === "option" ? token.rawName : "?";
  const names = Object.keys(options).map((name) => `--${name}`);
  return new UsageError(`unknown option ${quote(raw)}${didYouMean(raw, names)} (see phonebridge ${command} --help)`);
}

export function connectionOf(values: {
  "api-key"?: string[];
  "base-url"?: string[];
  timeout?: string;
  "max-retries"?: string;
  mock?: boolean;
  verbose?: boolean;
}): Connection {
  const connection: Connection = {
    apiKeys: parsePerProvider("api-key", values["api-key"]),
    baseUrls: parsePerProvider("base-url", values["base-url"]),
    timeoutMs: intFlag("timeout", values.timeout, 1, 3_600_000),
    maxRetries: intFlag("max-retries", values["max-retries"], 0, 10),
    mock: values.mock === true,
    verbose: values.verbose === true,
  };
  if (connection.mock && values["base-url"]?.length) {
    throw new UsageError("--mock and --base-url exclude each other: --mock sends everything to the embedded mocks");
  }
  return connection;
}
