import { describe, expect, it } from 'vitest';
import { main } from '../src/main';

describe('replying when an SLA clock warns', () => {
  it('answers on WhatsApp at the warning and the reply fulfils the first-reply clock before it breaches', async () => {
    const result = await main({ log: () => {} });
    expect(result.sent).toEqual([{ to: 'whatsapp:+447700900123', body: expect.stringContaining('Thanks for your patience') }]);
    expect(result.slaEvents.map(({ type, metric }) => `${type} ${metric}`)).toEqual(['sla.applied first_reply', 'sla.warning first_reply', 'sla.fulfilled first_reply']);
    expect(result.slaEvents[1]?.at).toBe('2026-11-27T09:45:00.000Z');
    expect(result.firstReply).toEqual({ status: 'fulfilled', fulfilledAt: '2026-11-27T09:45:00.000Z' });
  });
});
