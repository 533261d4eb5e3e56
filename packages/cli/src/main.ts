import { readFileSync } from "node:fs";
import { MAIN_HELP } from "./help.js";
import { printable } from "./output.js";
import { Secrets } from "./secrets.js";
import { UsageError } from "./usage-error.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** Runs the `phonebridge` command line; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const secrets = new Secrets();
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "update":
        return await (await import("./update.js")).update(rest, secrets);
      case "apply":
        return await (await import("./apply.js")).apply(rest, secrets);
      case "help":
      case undefined:
      case "-h":
      case "--help": {
        const topic = command === "help" ? rest[0] : undefined;
        const help = await import("./help.js");
        process.stdout.write(topic === "update" ? help.UPDATE_HELP : topic === "apply" ? help.APPLY_HELP : MAIN_HELP);
        return command === undefined ? 2 : 0;
      }
      case "-v":
      case "--version":
        process.stdout.write(`${version()}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}" (update, apply, help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`phonebridge: ${printable(secrets.text(error.message))}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`phonebridge: unexpected error: ${printable(secrets.text(message))}\n`);
    return 1;
  }
}
