import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstQuery } from './first-query';
import { tryIt } from './try-it';

describe('getting started guide', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts the signed SMS and finds its customer, case and timeline by any spelling of the phone', async () => {
    const printed: unknown[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => void printed.push(values));
    const { throughline, status } = await tryIt();
    expect(status).toBe(200);
    await firstQuery(throughline);
    expect(printed[0]).toEqual([200]);
    expect(printed[1]).toEqual([expect.stringMatching(/^cus_/), ['phone:+14155550100']]);
    expect(printed[2]).toEqual(['new', 'sms', expect.any(String)]);
    expect(printed.slice(3).map((line) => line.slice(1))).toEqual([['sms', 'message.received']]);
    await throughline.close();
  });
});
