import { describe, expect, it } from 'vitest';
import { main } from '../src/main';

describe('webhooks on Node http', () => {
  it('acknowledges signed deliveries, drops the duplicate, refuses the forgery and builds the timeline', async () => {
    const lines: string[] = [];
    const result = await main({ log: (line) => lines.push(line) });
    expect(result.statuses.map(({ status }) => status)).toEqual([200, 200, 401, 200]);
    const first = JSON.parse(lines.find((line) => line.includes('orders/create   '))!.split('→ 200 ')[1]!);
    const again = JSON.parse(lines.find((line) => line.includes('(again)'))!.split('→ 200 ')[1]!);
    expect(first.accepted).toBeGreaterThan(0);
    expect(again).toMatchObject({ accepted: 0, duplicates: first.accepted });
    expect(lines).toContain('rejected: invalid_signature');
    expect(result.timeline.some((line) => line.endsWith('order.placed'))).toBe(true);
    expect(result.timeline.some((line) => line.endsWith('fulfillment.updated'))).toBe(true);
  });
});
