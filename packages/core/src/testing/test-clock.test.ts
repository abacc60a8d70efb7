import { describe, expect, it } from 'vitest';
import { createTestClock } from './test-clock';

/** A timer that, like the SLA timer, re-arms itself only after an asynchronous round trip. */
function rearmingTimer(clock: ReturnType<typeof createTestClock>, every: number, fired: number[], returnsWork: boolean): void {
  const arm = () =>
    clock.setTimeout(() => {
      fired.push(clock.now());
      const work = Promise.resolve().then(() => {
        arm();
      });
      return returnsWork ? work : undefined;
    }, every);
  arm();
}

describe('test clock', () => {
  it('fires timers in due order and moves time to each', () => {
    const clock = createTestClock('2026-11-27T09:00:00Z');
    const start = clock.now();
    const seen: Array<[string, number]> = [];
    clock.setTimeout(() => void seen.push(['late', clock.now() - start]), 300);
    clock.setTimeout(() => void seen.push(['early', clock.now() - start]), 100);
    clock.advance(1_000);
    expect(seen).toEqual([
      ['early', 100],
      ['late', 300],
    ]);
    expect(clock.now() - start).toBe(1_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('advance does not wait for asynchronous re-arming; advanceAsync does', async () => {
    const start = Date.parse('2026-11-27T09:00:00Z');
    for (const returnsWork of [true, false]) {
      const sync = createTestClock(start);
      const syncFired: number[] = [];
      rearmingTimer(sync, 1_000, syncFired, returnsWork);
      sync.advance(3_500);
      expect(syncFired).toEqual([start + 1_000]);

      const settled = createTestClock(start);
      const fired: number[] = [];
      rearmingTimer(settled, 1_000, fired, returnsWork);
      await settled.advanceAsync(3_500);
      expect(fired).toEqual([start + 1_000, start + 2_000, start + 3_000]);
      expect(settled.now()).toBe(start + 3_500);
      expect(settled.pendingTimers).toBe(1);
    }
  });
});
