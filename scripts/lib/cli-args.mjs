// The command line of the specs:* scripts, on node:util's parseArgs: options, --help, usage
// errors (exit 2), the --root override for tests, and the vendor names checked against specs/.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { listVendors } from "./spec-release.mjs";

/**
 * @param {string[]} argv
 * @param {{ usage: string, values?: string[], flags?: string[], scriptUrl: string, vendors?: boolean }} spec
 *   `values`: options that take a value; `flags`: booleans; `vendors`: positionals are vendor names
 * @returns {{ root: string, options: Record<string, string | boolean>, vendors: string[], known: string[] }}
 */
export function commandLine(argv, spec) {
  const options = { root: { type: "string" }, help: { type: "boolean" } };
  for (const name of spec.values ?? []) options[name] = { type: "string" };
  for (const name of spec.flags ?? []) options[name] = { type: "boolean" };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: spec.vendors === true, strict: true });
  } catch (error) {
    // parseArgs explains at length how to pass a positional starting with "-": not useful here.
    const unknown = /^Unknown option '([^']+)'/.exec(error.message);
    const missing = /^Option '(--\S+) <value>' argument missing/.exec(error.message);
    const message = unknown ? `unknown option ${unknown[1]}` : missing ? `${missing[1]} needs a value` : error.message;
    usageError(message, spec.usage);
  }
  if (parsed.values.help) {
    console.log(spec.usage);
    process.exit(0);
  }
  const root = parsed.values.root ? resolve(parsed.values.root) : join(dirname(fileURLToPath(spec.scriptUrl)), "..");
  const known = listVendors(root);
  for (const vendor of parsed.positionals) {
    if (!known.includes(vendor)) usageError(`unknown vendor "${vendor}" (vendors: ${known.join(", ")})`, spec.usage);
  }
  return { root, options: parsed.values, vendors: parsed.positionals.length ? parsed.positionals : known, known };
}

/** Prints the problem and the usage, and exits 2 (a usage error: nothing was done). */
export function usageError(message, usage) {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}
