import { createMemoryStore, createThroughline, type IncomingEvent } from '@throughline/core';
import { describe, expect, it, vi } from 'vitest';
// #region clock
import { createTestClock } from '@throughline/core/testing/fakes';

// #endregion clock

const question: IncomingEvent = {
  id: 'web:1', tenantId: 'acme', occurredAt: '2026-11-27T09:00:00.000Z', source: { system: 'web', externalId: '1' }, channel: 'web',
  actor: { kind: 'customer' }, identities: [{ kind: 'email', value: 'ana@example.com' }],
  type: 'message.received', data: { messageId: '1', body: 'Where is my order?', subject: null, media: [], from: null, to: null },
};

describe('SLA timers on a test clock', () => {
  it('warns at 75 % of the first-reply target without waiting for real time', async () => {
    // #region clock
    const clock = createTestClock('2026-11-27T09:00:00Z');
    const throughline = createThroughline({
      store: createMemoryStore(),
      adapters: [],
      clock,
      sla: { policies: [{ id: 'standard', targets: [{ metric: 'first_reply', priority: 'normal', targetMinutes: 60 }] }], calendars: [] },
    });
    const warnings: string[] = [];
    throughline.events.on('sla.warning', (event) => warnings.push(event.occurredAt));

    await throughline.ingest('acme', [question]);
    clock.advance(45 * 60_000); // fires the timers that fall due on the way
    await vi.waitFor(() => expect(warnings).toEqual(['2026-11-27T09:45:00.000Z']));

    // Across several timers at once: advanceAsync lets each re-arm before the next falls due.
    const breaches: string[] = [];
    throughline.events.on('sla.breached', (event) => breaches.push(event.occurredAt));
    await clock.advanceAsync(2 * 3_600_000);
    expect(breaches).toEqual(['2026-11-27T10:00:00.000Z']);
    // #endregion clock
    await throughline.close();
  });
});
