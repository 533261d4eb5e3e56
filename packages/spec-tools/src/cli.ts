// The command lines of the bins, on node:util's parseArgs: options, --help, usage errors
// (exit 2), the --root override (tests run the bins on a copy of the repository), and vendor
// names checked against specs/.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { errorMessage } from "./json.js";
import { listVendors, repoRoot } from "./repo.js";

export interface CommandSpec {
  usage: string;
  /** Options that take a value. */
  values?: readonly string[];
  /** Boolean options. */
  flags?: readonly string[];
  /** Positionals are vendor names. */
  vendors?: boolean;
  /** Positionals are taken as they are (not vendor names). */
  positionals?: boolean;
}

export interface CommandLine {
  root: string;
  options: Record<string, string | boolean | undefined>;
  /** The vendors named, or every vendor when none is. */
  vendors: string[];
  named: string[];
  known: string[];
  /** The positionals, when `positionals` is set. */
  args: string[];
}

/** Prints the problem and the usage, and exits 2 (a usage error: nothing was done). */
export function usageError(message: string, usage: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

export function commandLine(argv: readonly string[], spec: CommandSpec): CommandLine {
  const options: Record<string, { type: "string" | "boolean" }> = {
    root: { type: "string" },
    help: { type: "boolean" },
  };
  for (const name of spec.values ?? []) options[name] = { type: "string" };
  for (const name of spec.flags ?? []) options[name] = { type: "boolean" };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      allowPositionals: spec.vendors === true || spec.positionals === true,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains at length how to pass a positional starting with "-": not useful here.
    const text = errorMessage(error);
    const unknown = /^Unknown option '([^']+)'/.exec(text);
    const missing = /^Option '(--\S+) <value>' argument missing/.exec(text);
    usageError(unknown ? `unknown option ${unknown[1]}` : missing ? `${missing[1]} needs a value` : text, spec.usage);
  }
  if (parsed.values.help) {
    console.log(spec.usage);
    process.exit(0);
  }
  const rootOption = parsed.values.root;
  const root = typeof rootOption === "string" ? resolve(rootOption) : repoRoot();
  const known = listVendors(root);
  if (spec.positionals)
    return { root, options: parsed.values, vendors: known, named: [], known, args: parsed.positionals };
  for (const vendor of parsed.positionals) {
    if (!known.includes(vendor)) usageError(`unknown vendor "${vendor}" (vendors: ${known.join(", ")})`, spec.usage);
  }
  const named = parsed.positionals;
  return { root, options: parsed.values, vendors: named.length ? named : known, named, known, args: [] };
}
