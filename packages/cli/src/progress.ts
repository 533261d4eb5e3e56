/** Counts of an `apply` run, shared by the progress display and the summary. */
export interface Counts {
  total: number;
  skipped: number;
  ok: number;
  failed: number;
  bad: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

/**
 * Progress on stderr: a bar with rate and ETA, redrawn ten times a second, when stderr is a
 * terminal; otherwise a plain line at every tenth of the work.
 */
export class Progress {
  readonly #started = performance.now();
  readonly #tty: boolean;
  readonly #stream: NodeJS.WriteStream;
  #timer: NodeJS.Timeout | undefined;
  #lastDecile = 0;
  #drawn = false;

  constructor(
    private readonly counts: Counts,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.#stream = stream;
    this.#tty = Boolean(stream.isTTY);
    if (this.#tty) {
      this.#timer = setInterval(() => this.#draw(), 100);
      this.#timer.unref();
    }
  }

  get #todo(): number {
    return this.counts.total - this.counts.skipped;
  }

  get #done(): number {
    return this.counts.ok + this.counts.failed + this.counts.bad;
  }

  #line(): string {
    const done = this.#done;
    const todo = this.#todo;
    const seconds = (performance.now() - this.#started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (todo - done) / rate : Number.NaN;
    const percent = todo > 0 ? Math.floor((done / todo) * 100) : 100;
    const failures = this.counts.failed + this.counts.bad;
    return `${done}/${todo} ${percent}% ${rate.toFixed(0)} rows/s ETA ${duration(eta)}${failures ? ` (${failures} not ok)` : ""}`;
  }

  #draw(): void {
    const todo = this.#todo;
    const width = 24;
    const filled = todo > 0 ? Math.min(width, Math.floor((this.#done / todo) * width)) : width;
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
    this.#stream.write(`\r\x1b[2K${bar} ${this.#line()}`);
    this.#drawn = true;
  }

  /** Call after each finished row. */
  tick(): void {
    if (this.#tty) return;
    const todo = this.#todo;
    const decile = todo > 0 ? Math.floor((this.#done / todo) * 10) : 10;
    if (decile > this.#lastDecile) {
      this.#lastDecile = decile;
      this.#stream.write(`progress ${this.#line()}\n`);
    }
  }

  /** Writes a message above the bar (a failed row, for example). */
  log(message: string): void {
    if (this.#tty && this.#drawn) this.#stream.write("\r\x1b[2K");
    this.#stream.write(`${message}\n`);
    if (this.#tty && this.#drawn) this.#draw();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#tty) {
      this.#draw();
      this.#stream.write("\n");
    }
  }
}
