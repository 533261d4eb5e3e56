import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TimeoutWindows } from "../src/retry.js";

describe("TimeoutWindows: shared per-attempt timeouts", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives attempts of one window one signal, aborted no earlier than timeoutMs after the last of them started", () => {
    const windows = new TimeoutWindows(60_000); // window: 50 ms
    const first = windows.acquire();
    vi.advanceTimersByTime(49);
    const second = windows.acquire();
    expect(second).toBe(first);
    vi.advanceTimersByTime(60_000 - 1); // the second attempt has run 59 999 ms
    expect(first.controller.signal.aborted).toBe(false);
    vi.advanceTimersByTime(2); // 60 050 ms after the window opened
    expect(first.controller.signal.aborted).toBe(true);
  });

  it("opens a new window after the window length, so no attempt ever gets less than timeoutMs", () => {
    const windows = new TimeoutWindows(1_000); // window: 50 ms
    const first = windows.acquire();
    vi.advanceTimersByTime(50);
    const second = windows.acquire();
    expect(second).not.toBe(first);
    vi.advanceTimersByTime(1_000);
    expect(first.controller.signal.aborted).toBe(true);
    expect(second.controller.signal.aborted).toBe(false);
    vi.advanceTimersByTime(50);
    expect(second.controller.signal.aborted).toBe(true);
  });

  it("clears the timer of a closed window once its last attempt ends, leaving no timer behind", () => {
    const windows = new TimeoutWindows(60_000);
    const first = windows.acquire();
    vi.advanceTimersByTime(60);
    const second = windows.acquire();
    expect(vi.getTimerCount()).toBe(2);
    windows.release(first);
    expect(vi.getTimerCount()).toBe(1);
    windows.release(second); // still the current window: kept for the next attempts
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(60);
    windows.acquire(); // opens a new window and drops the idle one
    expect(vi.getTimerCount()).toBe(1);
  });

  it("never hands out a window whose signal already fired", () => {
    const windows = new TimeoutWindows(20); // window: 1 ms
    const first = windows.acquire();
    vi.advanceTimersByTime(21);
    expect(first.controller.signal.aborted).toBe(true);
    expect(windows.acquire().controller.signal.aborted).toBe(false);
  });
});
