import type { ThroughlineClock } from '../engine/clock';

/** A clock tests move by hand; timers fire in due order as time passes. */
export interface TestClock extends ThroughlineClock {
  /** Moves time forward, firing every timer that falls due on the way. */
  advance(ms: number): void;
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
  const timers = new Map<number, { at: number; callback: () => void }>();
  function runDue(until: number): void {
    while (true) {
      let dueHandle: number | null = null;
      let dueAt = Number.POSITIVE_INFINITY;
      for (const [handle, timer] of timers) {
        if (timer.at <= until && timer.at < dueAt) {
          dueAt = timer.at;
          dueHandle = handle;
        }
      }
      if (dueHandle === null) break;
      const timer = timers.get(dueHandle)!;
      timers.delete(dueHandle);
      now = Math.max(now, timer.at);
      timer.callback();
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
    set(instant) {
      runDue(new Date(instant).getTime());
    },
    get pendingTimers() {
      return timers.size;
    },
  };
}
