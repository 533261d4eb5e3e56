import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENV_PREFIXES } from "../src/generated/providers.js";

export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** A recognisable fake key: it must never appear in any output. */
export const FAKE_KEY = "sk_live_PHONEBRIDGE_FAKE_KEY_0123456789abcdef";

/** A variable of a vendor: its env prefix and `_`. */
const VENDOR_VARIABLE = new RegExp(`^(${Object.values(ENV_PREFIXES).join("|")})_`);

/** An environment without any vendor key or base URL of the machine running the tests. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!VENDOR_VARIABLE.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function start(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): {
  child: ChildProcess;
  done: Promise<RunResult>;
} {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: options.env ?? cleanEnv(),
    cwd: options.cwd ?? tmpdir(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the real binary to the end. */
export function run(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunResult> {
  return start(args, options).done;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "phonebridge-cli-"));
}

/** Writes `content` to `name` in a new temporary folder (or in `dir`); returns its path. */
export function fileWith(name: string, content: string | Buffer, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Every line of a `--json` stdout, parsed: throws if any line is not JSON. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export interface ResultLine {
  row: number;
  provider: string | null;
  id: string | null;
  ok: boolean;
  result?: Record<string, unknown>;
  error?: { code: string; message: string; status?: number; attempts?: number };
}

export function readResults(path: string): ResultLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ResultLine);
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export type Handler = (request: SeenRequest, response: ServerResponse) => void | Promise<void>;

/** A local HTTP server on 127.0.0.1 that records every request and answers with `handler`. */
export async function localServer(handler: Handler): Promise<{
  url: string;
  requests: SeenRequest[];
  inFlight: () => number;
  close: () => Promise<void>;
}> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight += 1;
    res.on("close", () => (inFlight -= 1));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      const seen = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      requests.push(seen);
      void Promise.resolve(handler(seen, res)).catch(() => res.destroy());
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The id in a Retell request path (`/update-phone-number/+1415…`). */
export function retellId(url: string): string {
  return decodeURIComponent(url.replace(/^\/update-phone-number\//, ""));
}

/** A valid Retell update response for `id`. */
export function retellBody(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    phone_number: id,
    phone_number_type: "retell-twilio",
    last_modification_timestamp: 1_700_000_000_000,
    nickname: null,
    inbound_agents: [{ agent_id: "agent_1", weight: 1 }],
    ...extra,
  });
}

export function ok(response: ServerResponse, id: string, extra?: Record<string, unknown>): void {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(retellBody(id, extra));
}

/** A CSV of `count` Retell rows with distinct E.164 numbers. */
export function retellCsv(count: number, agent = "agent_1"): string {
  const lines = ["provider,id,agent"];
  for (let i = 0; i < count; i++) lines.push(`retell,+1415555${String(i).padStart(4, "0")},${agent}`);
  return `${lines.join("\n")}\n`;
}

export function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error("condition not met in time"));
      else setTimeout(tick, 10);
    };
    tick();
  });
}
