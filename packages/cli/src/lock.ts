import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { clip, quote } from "./quote.js";
import { UsageError } from "./usage-error.js";

/** Who holds a results file's lock (CONTRACT.md, CLI: one run per results file). */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** What a lock file says: a holder, or something that is no phonebridge lock. */
type LockState = { holder: LockHolder; live: boolean } | { foreign: true };

const MARK = "phonebridge results lock";

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> & { lock?: unknown };
    if (value.lock !== MARK || !Number.isInteger(value.pid) || (value.pid as number) <= 0) return undefined;
    if (typeof value.host !== "string" || typeof value.since !== "string") return undefined;
    return { pid: value.pid as number, host: value.host, since: value.since };
  } catch {
    return undefined;
  }
}

/** True unless the holder is a process of this host that is gone. Another host's: assumed live. */
function isLive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  // This process took no lock yet: a lock naming its pid is a dead process's, its pid reused.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw new UsageError(`cannot read the lock file ${clip(path)} (${(error as { code?: string }).code ?? "error"})`);
  }
}

function readLockQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Creates `path` holding `content` only if it does not exist, whole or not at all: written to a
 * file of its own, then hard-linked (a link fails when the name exists), so no reader ever sees
 * a lock half written. Where hard links are not supported, an exclusive create.
 */
function createExclusive(path: string, content: string): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, content, { flag: "wx" });
    try {
      linkSync(temporary, path);
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EEXIST") return false;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
    }
    writeFileSync(path, content, { flag: "wx" });
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    if (code === "EEXIST") return false;
    throw new UsageError(`cannot create the lock file ${clip(path)} (${code})`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function describeHolder(holder: LockHolder): string {
  const host = holder.host === hostname() ? "this host" : `host ${quote(holder.host)}`;
  return `pid ${holder.pid} on ${host}, since ${clip(holder.since)}`;
}

/**
 * The lock of one results file, `<results>.lock`, taken before anything is sent and held to
 * the end of the run: a second run on the same results file (fresh or `--resume`) stops, naming
 * the holder. A lock whose process is gone (this host only) is taken over.
 */
export class ResultsLock {
  readonly #path: string;
  readonly #content: string;
  readonly #release = () => this.release();

  private constructor(path: string, content: string) {
    this.#path = path;
    this.#content = content;
    // Every way out releases it: a normal end, an error, a second Ctrl-C (process.exit).
    process.on("exit", this.#release);
  }

  /** What the lock file says now, without taking it (`--dry-run`). */
  static inspect(path: string): LockState | undefined {
    const text = readLock(path);
    if (text === undefined) return undefined;
    const holder = parseHolder(text);
    return holder === undefined ? { foreign: true } : { holder, live: isLive(holder) };
  }

  /** Why a run could not take the lock, for a message. */
  static problem(path: string, shownResults: string, state: LockState): string {
    if ("foreign" in state) {
      return `${clip(path)} exists and is no phonebridge lock: move it away, or use another --results`;
    }
    return (
      `the results file ${shownResults} is in use by another run (${describeHolder(state.holder)}): ` +
      `wait for it to end, or use another --results; if no run is going, delete ${clip(path)}`
    );
  }

  /**
   * Takes the lock or throws a usage error naming its holder. `onTakeOver` hears of a lock left
   * by a process that is gone, before it is replaced.
   */
  static async acquire(
    path: string,
    shownResults: string,
    onTakeOver: (holder: LockHolder) => void,
  ): Promise<ResultsLock> {
    const content = `${JSON.stringify({ lock: MARK, pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`;
    for (let attempt = 0; attempt < 200; attempt++) {
      if (createExclusive(path, content)) return new ResultsLock(path, content);
      const text = readLock(path);
      if (text === undefined) continue;
      const holder = parseHolder(text);
      if (holder === undefined) {
        // An exclusive create (no hard links) may be read before its content is written.
        if (text === "" && attempt < 50) {
          await sleep(10);
          continue;
        }
        throw new UsageError(ResultsLock.problem(path, shownResults, { foreign: true }));
      }
      if (isLive(holder)) throw new UsageError(ResultsLock.problem(path, shownResults, { holder, live: true }));
      // Its process is gone. Runs that find it at once take turns through `.break`, so that
      // none removes a lock another has just taken.
      const breaker = `${path}.break`;
      if (createExclusive(breaker, content)) {
        try {
          if (readLock(path) === text) {
            onTakeOver(holder);
            rmSync(path, { force: true });
          }
        } finally {
          rmSync(breaker, { force: true });
        }
        continue;
      }
      const other = parseHolder(readLock(breaker) ?? "");
      // A breaker killed in the middle of breaking leaves `.break` behind.
      if (other !== undefined && !isLive(other)) rmSync(breaker, { force: true });
      else await sleep(10);
    }
    throw new UsageError(`could not take the lock ${clip(path)}: other runs keep taking it`);
  }

  /** Removes the lock if it is still this run's. Safe to call more than once. */
  release(): void {
    process.off("exit", this.#release);
    try {
      if (readLockQuietly(this.#path) === this.#content) rmSync(this.#path, { force: true });
    } catch {
      // Nothing more can be done on the way out; the next run finds the lock stale.
    }
  }
}
