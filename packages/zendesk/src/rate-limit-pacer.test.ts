import { describe, expect, it } from 'vitest';
import { endpointLimit, RateLimitPacer } from './rate-limit-pacer';
import { createVirtualTime } from './testing/index';

function pacer(requestsPerWindow?: number) {
  const time = createVirtualTime(0);
  const instance = new RateLimitPacer({ clock: time.clock, sleep: time.sleep, windowMs: 60_000, ...(requestsPerWindow ? { requestsPerWindow } : {}) });
  return { time, instance };
}

describe('RateLimitPacer', () => {
  it('spreads the remaining budget over the time left: reset / (remaining + 1) from the send', async () => {
    const { time, instance } = pacer();
    await instance.acquire();
    time.advance(200); // the answer arrives 200 ms after the send
    instance.observe(200, new Headers({ 'ratelimit-remaining': '9', 'ratelimit-reset': '60' }));
    await instance.acquire();
    expect(time.now()).toBe(6000);
  });

  it('waits for the reset, counted from the answer, when nothing remains', async () => {
    const { time, instance } = pacer();
    await instance.acquire();
    time.advance(500);
    instance.observe(200, new Headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': '12' }));
    await instance.acquire();
    expect(time.now()).toBe(12_500);
  });

  it('prefers an endpoint limit header over the account headers', async () => {
    const { time, instance } = pacer();
    expect(endpointLimit(new Headers({ 'zendesk-ratelimit-incremental-exports': 'total=10; remaining=4; resets=25' }))).toEqual({ total: 10, remaining: 4, resets: 25 });
    await instance.acquire();
    instance.observe(200, new Headers({ 'zendesk-ratelimit-incremental-exports': 'total=10; remaining=4; resets=25', 'ratelimit-remaining': '600', 'ratelimit-reset': '25' }));
    await instance.acquire();
    expect(time.now()).toBe(25_000 / 5);
  });

  it('honours Retry-After on 429 and keeps a known budget as a floor between requests', async () => {
    const { time, instance } = pacer(10);
    await instance.acquire();
    instance.observe(200, new Headers({ 'ratelimit-remaining': '50', 'ratelimit-reset': '30' }));
    await instance.acquire();
    expect(time.now()).toBe(6000);
    instance.observe(429, new Headers({ 'retry-after': '30' }));
    await instance.acquire();
    expect(time.now()).toBe(36_000);
    await instance.acquire();
    expect(time.now()).toBe(42_000);
    expect(instance.stats).toMatchObject({ requests: 4, throttled: 1 });
  });

  it('waits a whole window when only X-Rate-Limit-Remaining says the budget is gone', async () => {
    const { time, instance } = pacer();
    await instance.acquire();
    instance.observe(200, new Headers({ 'x-rate-limit-remaining': '0' }));
    await instance.acquire();
    expect(time.now()).toBe(60_000);
  });

  it('serves concurrent callers one after another', async () => {
    const { time, instance } = pacer(6);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map(() => instance.acquire().then(() => order.push(time.now()))));
    expect(order).toEqual([0, 10_000, 20_000]);
  });
});
