import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from './concurrency-limit';

describe('concurrency limit', () => {
  it('never runs more tasks than the limit, runs them all in arrival order, and frees slots on failure', async () => {
    const limit = createConcurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const tasks = Array.from({ length: 20 }, (_, index) =>
      limit.run(async () => {
        started.push(index);
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 1 + (index % 3)));
        running--;
        if (index % 5 === 0) throw new Error(`task ${index}`);
        return index;
      }),
    );
    const results = await Promise.allSettled(tasks);
    expect(peak).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(4);
    expect(limit.active).toBe(0);
    expect(limit.waiting).toBe(0);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createConcurrencyLimit(0)).toThrow(RangeError);
    expect(() => createConcurrencyLimit(1.5)).toThrow(RangeError);
  });
});
