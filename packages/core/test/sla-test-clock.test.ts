import { describe, expect, it } from 'vitest';
import { createMemoryStore, createThroughline, type TimelineEvent } from '../src/index';
import { createTestClock } from '../src/testing/fakes';
import { at, email, inbound } from './event-factory';

describe('SLA timers under the test clock', () => {
  it('one advanceAsync across the warning and the breach fires both, each at its instant', async () => {
    const clock = createTestClock(at(0));
    const policies = [{ id: 'standard', targets: [{ metric: 'first_reply' as const, priority: 'normal' as const, targetMinutes: 120 }] }];
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [], clock, sla: { policies, calendars: [], warningShare: 0.75 } });
    const fired: TimelineEvent[] = [];
    for (const name of ['sla.warning', 'sla.breached'] as const) throughline.events.on(name, (event) => fired.push(event));
    await throughline.ingest('acme', [inbound('m1', 0, [email('ana@example.com')])]);

    await clock.advanceAsync(3 * 3_600_000);

    expect(fired.map((event) => [event.type, event.occurredAt])).toEqual([
      ['sla.warning', at(90)],
      ['sla.breached', at(120)],
    ]);
    await throughline.close();
  });
});
