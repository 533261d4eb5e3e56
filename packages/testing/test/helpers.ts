import { execFileSync } from "node:child_process";
import { connect } from "node:net";

/** Pids of live Prism processes whose parent is this process (POSIX `ps`; zombies are not counted). */
export function prismChildren(): number[] {
  const out = execFileSync("ps", ["-A", "-o", "pid=,ppid=,stat=,args="], { encoding: "utf8" });
  const pids: number[] = [];
  for (const line of out.split("\n")) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (match === null) continue;
    const [, pid, ppid, stat, args] = match;
    if (Number(ppid) === process.pid && !stat?.startsWith("Z") && args?.includes("prism-cli")) pids.push(Number(pid));
  }
  return pids;
}

/** Whether a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether 127.0.0.1:port accepts a TCP connection. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export function portOf(url: string): number {
  return Number(new URL(url).port);
}
