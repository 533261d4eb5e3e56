/** The signals that stop a run: Ctrl-C, `kill`, and a closed terminal. */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Ctrl-C (or SIGTERM, SIGHUP) while a run holds its results file: the first stops sending and
 * lets the run end on its own path (summary, lock released); a second exits at once (the lock is
 * still released, on `exit`).
 */
export class Interrupt {
  readonly #controller = new AbortController();
  #say: (message: string) => void = (message) => process.stderr.write(`${message}\n`);
  #message = "interrupted: stopping before anything is sent";
  readonly #handler = () => {
    if (this.#controller.signal.aborted) process.exit(130);
    this.#say(this.#message);
    this.#controller.abort();
  };

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.#handler);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get interrupted(): boolean {
    return this.#controller.signal.aborted;
  }

  /** What the first signal says from now on, and where. */
  announce(message: string, say: (message: string) => void): void {
    this.#message = message;
    this.#say = say;
  }

  dispose(): void {
    for (const signal of SIGNALS) process.off(signal, this.#handler);
  }
}
