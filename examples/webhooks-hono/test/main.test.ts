import { describe, expect, it } from 'vitest';
import { main } from '../src/main';

describe('webhooks on Hono', () => {
  it('takes an SMS and a WhatsApp from one phone into one customer and one case', async () => {
    const lines: string[] = [];
    const result = await main({ log: (line) => lines.push(line) });
    expect(result.statuses).toEqual([200, 200]);
    expect(result.openCase).toMatchObject({ contactCount: 2, repeatContactCount: 1, channel: 'sms', lastInboundChannel: 'whatsapp' });
    expect(result.timeline.map((event) => [event.channel, event.type])).toEqual([
      ['whatsapp', 'message.received'],
      ['sms', 'message.received'],
    ]);
    expect(new Set(result.timeline.map((event) => event.customerId)).size).toBe(1);
    expect(lines.at(-2)).toContain('(repeat contact)');
  });
});
