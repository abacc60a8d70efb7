import type { ThroughlineClock } from '../engine/clock';

/** A clock tests move by hand; timers fire in due order as time passes. */
export interface TestClock extends ThroughlineClock {
  /**
   * Moves time forward, firing every timer that falls due on the way. Callbacks run one after the
   * other without waiting for any work they start: a timer that async work re-arms (the SLA timer
   * does, after its store round trip) is set only after this returns. Use `advanceAsync` then.
   */
  advance(ms: number): void;
  /**
   * Moves time forward like `advance`, but waits for each fired timer's work (the promise its
   * callback returns, then pending callbacks) before looking for the next due timer, so timers
   * re-armed on the way fire too, in due order.
   * @param ms - how far to move
   * @returns when every timer due by then has fired and its work has settled
   * @example
   * ```ts
   * await clock.advanceAsync(4 * 3_600_000); // the SLA warning, then the breach, both fire
   * ```
   */
  advanceAsync(ms: number): Promise<void>;
  /** Moves time to an instant (never backwards). */
  set(instant: Date | number): void;
  /** Number of timers waiting. */
  readonly pendingTimers: number;
}

/**
 * Creates a controllable clock for tests.
 * @param start - the initial time
 * @returns a clock whose time moves only when told
 * @example
 * ```ts
 * const clock = createTestClock('2026-11-27T09:00:00Z');
 * clock.advance(60_000);
 * ```
 */
export function createTestClock(start: Date | number | string = 0): TestClock {
  let now = new Date(start).getTime();
  let nextHandle = 1;
  const timers = new Map<number, { at: number; callback: () => void | Promise<void> }>();
  /** Takes the earliest timer due by `until` (ties in the order they were set), moving time to it. */
  function takeDue(until: number): (() => void | Promise<void>) | null {
    let dueHandle: number | null = null;
    let dueAt = Number.POSITIVE_INFINITY;
    for (const [handle, timer] of timers) {
      if (timer.at <= until && timer.at < dueAt) {
        dueAt = timer.at;
        dueHandle = handle;
      }
    }
    if (dueHandle === null) return null;
    const timer = timers.get(dueHandle)!;
    timers.delete(dueHandle);
    now = Math.max(now, timer.at);
    return timer.callback;
  }
  function runDue(until: number): void {
    for (let callback = takeDue(until); callback !== null; callback = takeDue(until)) void callback();
    now = Math.max(now, until);
  }
  async function runDueSettled(until: number): Promise<void> {
    for (let callback = takeDue(until); callback !== null; callback = takeDue(until)) {
      await callback();
      // Work the callback started without returning it (a re-arm after a store read) settles too.
      await new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));
    }
    now = Math.max(now, until);
  }
  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const handle = nextHandle++;
      timers.set(handle, { at: now + Math.max(0, delayMs), callback });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      runDue(now + ms);
    },
    advanceAsync(ms) {
      return runDueSettled(now + ms);
    },
    set(instant) {
      runDue(new Date(instant).getTime());
    },
    get pendingTimers() {
      return timers.size;
    },
  };
}
