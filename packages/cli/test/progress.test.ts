import { describe, expect, it } from "vitest";
import { type Counts, Progress } from "../src/progress.js";
import { RateLimiter } from "../src/rate.js";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream };
}

describe("progress", () => {
  it("on a terminal: a bar with counts, rate and ETA, redrawn in place; messages above it", () => {
    const counts: Counts = { total: 10, skipped: 2, ok: 0, failed: 0, bad: 0 };
    const { writes, stream } = fakeStream(true);
    const progress = new Progress(counts, stream);
    counts.ok = 3;
    counts.failed = 1;
    progress.log("row 4 retell +1: failed: server: …");
    progress.stop();
    const last = writes.filter((w) => w.startsWith("\r\x1b[2K[")).at(-1) ?? "";
    expect(last).toMatch(/^\r\x1b\[2K\[#{12}-{12}\] 4\/8 50% \d+ rows\/s ETA \S+ \(1 not ok\)$/);
    expect(writes).toContain("row 4 retell +1: failed: server: …\n");
    expect(writes.at(-1)).toBe("\n");
  });

  it("not on a terminal: one plain line at every tenth", () => {
    const counts: Counts = { total: 20, skipped: 0, ok: 0, failed: 0, bad: 0 };
    const { writes, stream } = fakeStream(false);
    const progress = new Progress(counts, stream);
    for (let i = 0; i < 20; i++) {
      counts.ok += 1;
      progress.tick();
    }
    progress.stop();
    expect(writes).toHaveLength(10);
    expect(writes[0]).toMatch(/^progress 2\/20 10% \d+ rows\/s ETA \S+\n$/);
    expect(writes.at(-1)).toMatch(/^progress 20\/20 100% /);
    expect(writes.join("")).not.toContain("\x1b");
  });
});

describe("rate limiter", () => {
  it("reserves evenly spaced slots (lower bound only)", async () => {
    const limiter = new RateLimiter(100);
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => limiter.take()));
    expect(performance.now() - started).toBeGreaterThanOrEqual(4 * 10 - 2);
  });

  it("an abort ends the wait", async () => {
    const limiter = new RateLimiter(0.5);
    await limiter.take();
    const controller = new AbortController();
    const waiting = limiter.take(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });
});
