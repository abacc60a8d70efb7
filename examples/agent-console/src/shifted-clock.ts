import { systemClock, type ThroughlineClock } from '@throughline/core';

/**
 * A clock that starts at a given instant and runs at real speed from there: the console over a
 * recorded day shows the clocks as they stood then, still counting down.
 *
 * @param startAt - epoch ms the clock reads now
 * @param realNow - the real time source (default `Date.now`)
 * @returns a clock for `createThroughline({ clock })`
 */
export function createShiftedClock(startAt: number, realNow: () => number = Date.now): ThroughlineClock {
  const offset = startAt - realNow();
  return {
    now: () => realNow() + offset,
    setTimeout: (callback, delayMs) => systemClock.setTimeout(callback, delayMs),
    clearTimeout: (handle) => systemClock.clearTimeout(handle),
  };
}
