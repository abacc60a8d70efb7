/** Time that only moves when something waits: sleeps return at once and advance the clock. */
export interface VirtualTime {
  /** Current virtual time in epoch ms. */
  now(): number;
  /** A clock for `createZendesk({ clock })`. */
  readonly clock: {
    /** Current virtual time in epoch ms. */
    now(): number;
  };
  /** A sleep for `createZendesk({ sleep })`: advances the virtual time by `ms`. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Moves time forward by hand. */
  advance(ms: number): void;
  /** Total time spent sleeping. */
  readonly sleptMs: number;
}

/**
 * Creates virtual time for rate-limit tests and benchmarks: the adapter's pacing and the fake's
 * rate windows share it, so a sync that would take an hour at 10 requests a minute runs at once
 * and deterministically.
 *
 * @param start - the initial instant
 * @returns the virtual time
 * @example
 * ```ts
 * const time = createVirtualTime('2026-11-27T09:00:00Z');
 * const zendesk = createZendesk({ ...settings, clock: time.clock, sleep: time.sleep });
 * ```
 */
export function createVirtualTime(start: Date | string | number = '2026-11-27T09:00:00Z'): VirtualTime {
  let now = new Date(start).getTime();
  let slept = 0;
  return {
    now: () => now,
    clock: { now: () => now },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      const step = Math.max(0, ms);
      slept += step;
      now += step;
    },
    advance(ms) {
      now += ms;
    },
    get sleptMs() {
      return slept;
    },
  };
}
