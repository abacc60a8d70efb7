/** Runs tasks with at most a fixed number in flight; the others wait their turn in arrival order. */
export interface ConcurrencyLimit {
  /**
   * Runs a task once a slot is free and frees the slot when it settles.
   * @param task - the work
   * @returns what the task returns
   */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

/**
 * Builds a counting semaphore (Twilio limits concurrent requests, not requests per minute).
 * @param max - the most tasks in flight at once
 * @returns the limit
 * @throws {RangeError} when max is not a positive integer
 * @example
 * ```ts
 * const limit = createConcurrencyLimit(10);
 * await Promise.all(pages.map((page) => limit.run(() => fetchPage(page))));
 * ```
 */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('The concurrency limit must be a positive integer');
  let active = 0;
  const queue: Array<() => void> = [];

  function release(): void {
    const next = queue.shift();
    if (next) next();
    else active--;
  }

  return {
    async run(task) {
      if (active < max) active++;
      // The slot is handed over directly by `release`, so `active` stays counted while it changes hands.
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
