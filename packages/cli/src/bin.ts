#!/usr/bin/env node
import { main } from "./main.js";

// A reader that went away (`phonebridge … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * Exits once everything written to stdout and stderr has gone out. Writes to a pipe are
 * asynchronous: an exit right away drops what the reader has not taken yet (most of a large
 * `--dry-run --json`). An empty write's callback runs after every write before it.
 */
function exitWhenWritten(code: number): void {
  let pending = 2;
  const written = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write("", written);
  process.stderr.write("", written);
}

// Exit as soon as the command is done and its output written: nothing (a kept-alive socket, a
// mock's handle) should hold the exit.
main(process.argv.slice(2)).then(exitWhenWritten, () => exitWhenWritten(1));
