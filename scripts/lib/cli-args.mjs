// Tiny argument parser shared by the specs:* scripts.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * @param {string[]} argv
 * @param {{ values?: string[], flags?: string[] }} spec option names that take a value / are booleans
 */
export function parseArgs(argv, spec) {
  const out = { positional: [], options: {} };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      out.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.values?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      out.options[name] = value;
    } else if (spec.flags?.includes(name) && inline === undefined) {
      out.options[name] = true;
    } else {
      throw new Error(`unknown option ${arg}`);
    }
  }
  return out;
}

/** The repository root: --root (tests), else the folder above scripts/. */
export function repoRoot(options, scriptUrl) {
  if (options.root) return resolve(options.root);
  return join(dirname(fileURLToPath(scriptUrl)), "..");
}
