import { didYouMean } from "./closest.js";
import { MAIN_HELP } from "./help.js";
import { LookupFailed } from "./number-ids.js";
import { printable } from "./output.js";
import { quote } from "./quote.js";
import { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";
import { VERSION } from "./version.js";

const COMMANDS = ["update", "plan", "apply", "status", "verify", "help"];
const HELP_TOPICS = ["update", "plan", "apply", "status", "verify"];

/** The version package.json holds, as src/version.ts has it from the release flow. */
const version = (): string => VERSION;

/** `--json` among the arguments (before a `--` that ends the options). */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--json");
}

/** Runs the `phonebridge` command line; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const secrets = new Secrets();
  const [command, ...rest] = argv;
  const json = wantsJson(argv);
  // With --json, stdout holds JSON only (every line parseable); text for people goes to stderr.
  const text = json ? process.stderr : process.stdout;
  const fail = (code: string, message: string) => {
    const safe = secrets.text(message);
    if (json) process.stdout.write(`${printable(JSON.stringify({ error: { code, message: safe } }))}\n`);
    process.stderr.write(`phonebridge: ${printable(safe)}\n`);
  };
  try {
    switch (command) {
      case "update":
        return await (await import("./update.js")).update(rest, secrets);
      case "plan":
        return await (await import("./plan.js")).plan(rest, secrets);
      case "status":
        return await (await import("./status.js")).status(rest, secrets);
      case "verify":
        return await (await import("./verify.js")).verify(rest, secrets);
      case "apply":
        return await (await import("./apply.js")).apply(rest, secrets);
      case "help":
      case undefined:
      case "-h":
      case "--help": {
        const topic = command === "help" ? rest[0] : undefined;
        const help = await import("./help.js");
        if (topic !== undefined && !HELP_TOPICS.includes(topic)) {
          throw new UsageError(
            `no help on ${quote(topic, secrets)} (topics: ${HELP_TOPICS.join(", ")})${didYouMean(topic, HELP_TOPICS)}`,
          );
        }
        const capabilities = topic === undefined ? undefined : await (await import("./client.js")).loadCapabilities();
        text.write(
          capabilities === undefined
            ? MAIN_HELP
            : topic === "update"
              ? help.updateHelp(capabilities)
              : topic === "plan"
                ? help.planHelp(capabilities)
                : topic === "verify"
                  ? help.verifyHelp(capabilities)
                  : topic === "status"
                    ? help.statusHelp()
                    : help.applyHelp(capabilities),
        );
        return command === undefined ? 2 : 0;
      }
      case "-v":
      case "--version":
        process.stdout.write(json ? `${JSON.stringify({ version: version() })}\n` : `${version()}\n`);
        return 0;
      default:
        throw new UsageError(
          `unknown command ${quote(command, secrets)} (${COMMANDS.join(", ")})${didYouMean(command, COMMANDS)}`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError) {
      fail("usage", error.message);
      return 2;
    }
    if (error instanceof LookupFailed) {
      // A vendor or network error before anything was sent (docs/CONTRACT.md#cli-phonebridge).
      fail(error.code, error.message);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    fail("internal", `unexpected error: ${message}`);
    return 1;
  }
}
