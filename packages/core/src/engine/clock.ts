/** The time source the engine and SLA timers use; injectable so tests control time. */
export interface ThroughlineClock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Schedules a callback; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, delayMs: number): unknown;
  /** Cancels a scheduled callback. */
  clearTimeout(handle: unknown): void;
}

/** The real clock. */
export const systemClock: ThroughlineClock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs);
    // A pending SLA timer must not keep a process alive on its own.
    if (typeof handle === 'object' && handle !== null && 'unref' in handle) (handle as { unref(): void }).unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
