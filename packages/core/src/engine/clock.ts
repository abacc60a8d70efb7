/** The time source the engine and SLA timers use; injectable so tests control time. */
export interface ThroughlineClock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /**
   * Schedules a callback; returns a handle for `clearTimeout`. A callback may return the promise of
   * the work it starts, so a test clock can wait for it.
   */
  setTimeout(callback: () => void | Promise<void>, delayMs: number): unknown;
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
