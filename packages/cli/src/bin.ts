#!/usr/bin/env node
import { main } from "./main.js";

// A reader that went away (`phonebridge … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Exit as soon as the command is done: stdout and stderr are synchronous for files, pipes and
// terminals on POSIX, and nothing (a kept-alive socket, a mock's handle) should hold the exit.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  () => process.exit(1),
);
