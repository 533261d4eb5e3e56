import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { type AddressInfo, connect, createServer } from "node:net";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Provider } from "@phonebridge/core";
import { MockServerError } from "./errors.js";

export const HOST = "127.0.0.1";

const isWindows = process.platform === "win32";

/** How long a Prism process gets to exit after SIGTERM before it gets SIGKILL. */
const KILL_GRACE_MS = 3_000;
/** Pause between two connection attempts while waiting for readiness. */
const POLL_MS = 50;
/** Start attempts when another process takes the chosen port first. */
const PORT_ATTEMPTS = 3;
/** Bytes of Prism's output kept for error messages. */
const OUTPUT_LIMIT = 16_384;
/** Lines of Prism's output shown in an error message. */
const TAIL_LINES = 20;

/**
 * Runs in the spawned `node` process, in front of Prism's CLI: Prism is loaded into the same
 * process, and the process exits as soon as its IPC channel to the parent closes. The channel
 * closes when the parent exits for any reason, SIGKILL and crashes included, so no Prism outlives
 * the test run that started it.
 */
const CHILD_SCRIPT = [
  "const bin = process.argv[1];",
  "process.argv = [process.argv[0], bin, ...process.argv.slice(2)];",
  "process.on('disconnect', () => process.exit(0));",
  "if (!process.connected) process.exit(0);",
  "require(bin);",
].join("\n");

let prismBin: string | undefined;

/** Path of Prism's CLI entry (its `bin`), resolved from this package's dependencies. */
export function prismBinPath(): string {
  if (prismBin === undefined) {
    const require = createRequire(import.meta.url);
    const pkgPath = require.resolve("@stoplight/prism-cli/package.json");
    const pkg = require(pkgPath) as { bin?: string | Record<string, string> };
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.prism;
    if (bin === undefined) throw new Error(`@stoplight/prism-cli declares no prism binary (${pkgPath})`);
    prismBin = join(dirname(pkgPath), bin);
  }
  return prismBin;
}

/** The Prism command line after `prism`: static mock mode, quiet, one process, no invented errors. */
export function prismArgs(spec: string, port: number): string[] {
  return [
    "mock",
    spec,
    "--host",
    HOST,
    "--port",
    String(port),
    // Static examples from the spec, never generated ones: dynamic mode invents values that break
    // a spec's own limits, and answers 500.
    "--dynamic",
    "false",
    // Answer a valid request with the spec's example even when that example violates the spec,
    // instead of turning the violation into a made-up error response.
    "--errors",
    "false",
    // `-m` crashes at startup on Node 20, and it is the default when NODE_ENV=production.
    "--multiprocess",
    "false",
    "--verboseLevel",
    "error",
  ];
}

/** Processes started here and not yet exited; killed synchronously if this process exits first. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    // The child leads its own process group: signal the group so Prism's children go too.
    if (isWindows) child.kill(signal);
    else process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of live) signalTree(child, "SIGKILL");
  });
}

/** Distinct free TCP ports on 127.0.0.1, found by holding `count` listeners open at once. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve, reject) => {
            server.once("error", reject);
            server.listen(0, HOST, () => resolve());
          }),
      ),
    );
    return servers.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(
      servers.map(
        (server) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
      ),
    );
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port right now. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A bounded buffer of a child's output. */
class OutputTail {
  private text = "";

  append(chunk: Buffer | string): void {
    this.text += chunk.toString();
    if (this.text.length > OUTPUT_LIMIT) this.text = this.text.slice(-OUTPUT_LIMIT);
  }

  /** The last lines, without colour codes and without the usage text yargs prints on failure. */
  tail(): string {
    const cleaned = this.text
      .replace(/\u001b\[[0-9;]*m/g, "")
      .replace(/^prism mock <document>$[\s\S]*?^\s*--seed\b.*$\n?/m, "");
    const lines = cleaned.split("\n").map((line) => line.trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    return lines.slice(-TAIL_LINES).join("\n");
  }

  includes(needle: string): boolean {
    return this.text.includes(needle);
  }
}

export interface RunningPrism {
  readonly vendor: Provider;
  readonly spec: string;
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  /** Kills the process group and waits for the process to exit. Safe to call more than once. */
  stop(): Promise<void>;
}

interface Attempt {
  child: ChildProcess;
  output: OutputTail;
  exited: Promise<void>;
}

function spawnPrism(spec: string, port: number): Attempt {
  const child = spawn(process.execPath, ["-e", CHILD_SCRIPT, prismBinPath(), ...prismArgs(spec, port)], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    detached: !isWindows,
    windowsHide: true,
  });
  live.add(child);
  installExitHook();
  const output = new OutputTail();
  child.stdout?.on("data", (chunk: Buffer) => output.append(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.append(chunk));
  const exited = new Promise<void>((resolve) => {
    let ended = false;
    const done = () => {
      if (ended) return;
      ended = true;
      live.delete(child);
      // Take the rest of the group with it, should Prism have left anything behind.
      signalTree(child, "SIGKILL");
      resolve();
    };
    child.once("exit", done);
    child.once("error", (error) => {
      output.append(`\n${error.message}\n`);
      // A process that could not be spawned at all (EAGAIN, ENOMEM) never emits "exit".
      if (child.pid === undefined) done();
    });
  });
  return { child, output, exited };
}

async function stopAttempt({ child, exited }: Attempt): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    signalTree(child, "SIGTERM");
    const timer = sleep(KILL_GRACE_MS, "timeout" as const, { ref: false });
    if ((await Promise.race([exited.then(() => "exited" as const), timer])) === "timeout") {
      signalTree(child, "SIGKILL");
    }
  }
  await exited;
  if (child.connected) child.disconnect();
  child.stdout?.destroy();
  child.stderr?.destroy();
}

function describeExit(child: ChildProcess): string {
  if (child.signalCode !== null) return `was killed by ${child.signalCode}`;
  return `exited with code ${child.exitCode ?? "unknown"}`;
}

/**
 * Starts one Prism mock for `spec` and resolves once 127.0.0.1:port accepts a connection (with
 * `--verboseLevel error` Prism prints no "listening" line). Rejects with a {@link MockServerError}
 * carrying the tail of Prism's output when Prism exits first or `timeoutMs` passes; in both cases
 * the process is gone before the promise settles.
 */
export async function startPrism(
  vendor: Provider,
  spec: string,
  port: number,
  timeoutMs: number,
  nextPort: () => Promise<number>,
): Promise<RunningPrism> {
  const deadline = Date.now() + timeoutMs;
  let attemptPort = port;
  for (let attempt = 1; ; attempt++) {
    const current = spawnPrism(spec, attemptPort);
    let exited = false;
    void current.exited.then(() => {
      exited = true;
    });
    try {
      for (;;) {
        if (exited) break;
        if (await acceptsConnections(attemptPort)) {
          // A connection only counts if our Prism is still the one alive behind the port.
          if (!exited) return running(vendor, spec, attemptPort, current);
          break;
        }
        if (Date.now() >= deadline) {
          throw new MockServerError(
            `Prism mock for ${vendor} did not accept connections on ${HOST}:${attemptPort} within ${timeoutMs} ms ` +
              `(spec ${spec}).${formatOutput(current.output)}`,
            { vendor, spec, output: current.output.tail() },
          );
        }
        await Promise.race([sleep(POLL_MS), current.exited]);
      }
    } catch (error) {
      await stopAttempt(current);
      throw error;
    }
    // Prism exited before it was ready.
    await stopAttempt(current);
    if (current.output.includes("EADDRINUSE") && attempt < PORT_ATTEMPTS && Date.now() < deadline) {
      attemptPort = await nextPort();
      continue;
    }
    throw new MockServerError(
      `Prism mock for ${vendor} ${describeExit(current.child)} before it was ready (spec ${spec}).${formatOutput(current.output)}`,
      { vendor, spec, output: current.output.tail() },
    );
  }
}

function formatOutput(output: OutputTail): string {
  const tail = output.tail();
  return tail === "" ? " Prism printed nothing." : `\nPrism's last output:\n${tail.replace(/^/gm, "  ")}`;
}

function running(vendor: Provider, spec: string, port: number, attempt: Attempt): RunningPrism {
  let stopping: Promise<void> | undefined;
  return {
    vendor,
    spec,
    port,
    url: `http://${HOST}:${port}`,
    pid: attempt.child.pid as number,
    stop() {
      stopping ??= stopAttempt(attempt);
      return stopping;
    },
  };
}
