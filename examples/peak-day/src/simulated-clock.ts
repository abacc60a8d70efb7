/**
 * Simulated time for the peak day. A test clock is moved through the day by the runner; while the
 * server handles a delivery, the engine's clock reads that delivery's own arrival instant instead
 * (carried in an async context), so deliveries in flight at the same time each see their own
 * moment, as they would on a real server that receives them one after another.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ThroughlineClock } from '@throughline/core';
import { createTestClock, type TestClock } from '@throughline/core/testing/fakes';

/** The header the runner sets on each delivery with its simulated arrival instant (epoch ms); only the demo's server reads it. */
export const simulatedAtHeader = 'x-peak-day-simulated-at';

/** The demo's clock: a test clock the runner moves, and per-delivery instants while requests are handled. */
export interface SimulatedClock extends ThroughlineClock {
  /** The underlying test clock (moved hour by hour, minute by minute, by the runner). */
  readonly base: TestClock;
  /**
   * Runs work as if at `at`: every read of the clock inside it (and inside what it awaits) returns `at`.
   * @param at - epoch ms
   * @param work - the work
   * @returns what the work returns
   */
  runAt<T>(at: number, work: () => T): T;
}

/**
 * Creates the simulated clock.
 * @param start - where the test clock starts
 * @returns the clock
 * @example
 * const clock = createSimulatedClock(Date.parse('2026-11-27T05:00:00Z'));
 * clock.runAt(Date.parse('2026-11-27T15:00:00Z'), () => clock.now());
 */
export function createSimulatedClock(start: number): SimulatedClock {
  const base = createTestClock(start);
  const moment = new AsyncLocalStorage<number>();
  return {
    base,
    now: () => moment.getStore() ?? base.now(),
    setTimeout: (callback, delayMs) => base.setTimeout(callback, delayMs),
    clearTimeout: (handle) => base.clearTimeout(handle),
    runAt: (at, work) => moment.run(at, work),
  };
}
