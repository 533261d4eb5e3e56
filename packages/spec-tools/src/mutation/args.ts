// `pnpm mutation [target ...] [--restore] [Stryker options]`: the targets named first (every one
// when none is), then anything else goes to Stryker as it is (`--mutate <glob>`, `--incremental`,
// `--concurrency 1`, `--dryRunOnly`, ...).
import { type MutationTarget, TARGETS } from "./targets.js";

export const USAGE = `usage: pnpm mutation [${TARGETS.map((t) => t.name).join("|")} ...] [--restore] [Stryker options]`;

export interface MutationArgs {
  targets: MutationTarget[];
  /** Only put back what an interrupted run left, then stop. */
  restoreOnly: boolean;
  help: boolean;
  stryker: string[];
}

/** The parsed command line, or the usage error it has. */
export function parseMutationArgs(argv: readonly string[]): MutationArgs | { error: string } {
  const first = argv.findIndex((arg) => arg.startsWith("-"));
  const names = first < 0 ? [...argv] : argv.slice(0, first);
  const rest = first < 0 ? [] : argv.slice(first);
  const unknown = names.filter((name) => !TARGETS.some((target) => target.name === name));
  if (unknown.length) return { error: `unknown mutation target ${unknown.map((n) => `"${n}"`).join(", ")}` };
  return {
    targets: names.length ? TARGETS.filter((target) => names.includes(target.name)) : [...TARGETS],
    restoreOnly: rest.includes("--restore"),
    help: rest.includes("--help") || rest.includes("-h"),
    stryker: rest.filter((arg) => arg !== "--restore" && arg !== "--help" && arg !== "-h"),
  };
}
