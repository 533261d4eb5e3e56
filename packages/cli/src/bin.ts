#!/usr/bin/env node
import { main } from "./main.js";

// Exit as soon as the command is done: stdout and stderr are synchronous for files, pipes and
// terminals on POSIX, and nothing (a kept-alive socket, a mock's handle) should hold the exit.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  () => process.exit(1),
);
