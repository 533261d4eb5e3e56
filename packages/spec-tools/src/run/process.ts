// Runs a command with its output streamed, and resolves with its exit code.
import { spawn } from "node:child_process";
import { join } from "node:path";

export function run(command: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
  const [file = "", ...args] = command;
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: options.cwd, stdio: "inherit", env: options.env });
    child.on("error", (error) => {
      console.error(`could not start ${file}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/** A tool installed in the repository's node_modules/.bin. */
export const bin = (root: string, name: string): string => join(root, "node_modules", ".bin", name);

/** The bins of this package, as built into dist/bin. */
export const toolBin = (root: string, name: string): string =>
  join(root, "packages", "spec-tools", "dist", "bin", `${name}.js`);
