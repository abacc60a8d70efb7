import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../store/memory-store';
import { generateSupportTimeline } from '../synthetic-support-timeline';
import { computeServiceMetrics } from './compute-service-metrics';
import { nearestRankPercentile } from './percentile';
import { createServiceMetrics } from './service-metrics';
import { handBuiltTimeline, timelineEvent } from './timeline-fixture.test-support';

const period = { tenantId: 't1', from: '2025-11-28T00:00:00Z', to: '2025-11-29T00:00:00Z' };

describe('service metrics over a hand-built timeline', () => {
  const metrics = createServiceMetrics();
  for (const event of handBuiltTimeline()) metrics.add(event);
  // The same reply delivered twice changes nothing.
  metrics.add(handBuiltTimeline()[3]!);
  const { total, backlog } = metrics.snapshot(period);

  it('counts contacts once per conversation, repeats apart, reopen as a new contact', () => {
    // A ticket, B chat + B reopen, C web, D/E/F calls = 7; A's WhatsApp repeat is a repeat.
    expect(total.contacts).toBe(7);
    expect(total.repeatContacts).toBe(1);
    expect(total.casesOpened).toBe(6);
  });

  it('gives first-reply and resolution distributions (nearest rank)', () => {
    // First replies: A 3600 s, B 180 s, D 30 s (the answered call).
    expect(total.firstReply).toEqual({ count: 3, mean: 1270, p50: 180, p90: 3600, p99: 3600 });
    // Business first reply from A's SLA clock: 50 min.
    expect(total.firstReplyBusiness).toMatchObject({ count: 1, p50: 3000 });
    // Resolutions: A 3 h, B 70 min (last solve), C 2 min; D was reopened so is unsolved.
    expect(total.resolution).toEqual({ count: 3, mean: 5040, p50: 4200, p90: 10800, p99: 10800 });
    expect(total.resolutionBusiness.count).toBe(0);
  });

  it('computes first-contact resolution and self-service deflection', () => {
    // A: one reply, no reopen → FCR. B: two replies. D: reopened within 7 days. C had no agent.
    expect(total.firstContactResolution).toEqual({ solvedWithAgent: 3, resolvedFirstContact: 1, rate: 1 / 3 });
    // Solved now: A, B, C; C answered only by the bot.
    expect(total.selfService).toEqual({ solved: 3, deflected: 1, rate: 1 / 3 });
  });

  it('measures SLA attainment per metric', () => {
    expect(total.sla).toEqual({ first_reply: { achieved: 1, breached: 1, active: 0, attainment: 0.5 } });
  });

  it('measures calls: abandonment, talk time, speed of answer, time to abandon', () => {
    expect(total.calls).toEqual({
      offered: 3,
      answered: 1,
      abandoned: 2,
      abandonmentRate: 2 / 3,
      averageHandleSeconds: 300,
      averageSpeedOfAnswerSeconds: 30,
      averageTimeToAbandonSeconds: 40,
    });
    // B's chat sessions: 10:03 to the solve at 10:20 (1,020 s), and after the reopen 11:05 to 11:10 (300 s).
    expect(total.chats).toEqual({ conversations: 2, averageHandleSeconds: 660 });
  });

  it('computes orders, surveys and contacts per order', () => {
    expect(total.orders).toEqual({ placed: 2, contactsPerOrder: 3.5 });
    expect(total.csat).toEqual({ responses: 2, satisfied: 1, score: 0.5 });
    expect(total.nps).toEqual({ responses: 2, promoters: 1, detractors: 1, score: 0 });
    expect(total.ces).toEqual({ responses: 1, average: 2 });
  });

  it('tracks the backlog hour by hour', () => {
    const open = Object.fromEntries(backlog.map((point) => [point.at.slice(11, 13), point.open]));
    expect(backlog).toHaveLength(24);
    expect(open).toMatchObject({ '08': 0, '09': 1, '10': 2, '11': 2, '12': 0, '13': 1, '14': 1, '15': 1, '16': 2, '23': 2 });
  });

  it('groups by channel, hour and policy', () => {
    const byChannel = Object.fromEntries(metrics.snapshot({ ...period, groupBy: 'channel' }).groups.map((group) => [group.key, group.figures]));
    expect(Object.keys(byChannel)).toEqual(['chat', 'email', 'voice', 'web', 'whatsapp']);
    expect(byChannel.voice?.contacts).toBe(3);
    expect(byChannel.voice?.calls.offered).toBe(3);
    expect(byChannel.chat?.firstReply.p50).toBe(180);
    expect(byChannel.whatsapp?.repeatContacts).toBe(1);
    expect(byChannel.email?.orders).toEqual({ placed: 2, contactsPerOrder: 0.5 });
    const byPolicy = metrics.snapshot({ ...period, groupBy: 'policy' }).groups;
    expect(byPolicy.map((group) => group.key)).toEqual(['none', 'p-standard', 'p-vip']);
    expect(byPolicy.find((group) => group.key === 'p-vip')?.figures.sla.first_reply?.breached).toBe(1);
    const byHour = metrics.snapshot({ ...period, groupBy: 'hour' }).groups;
    expect(byHour.find((group) => group.key === '2025-11-28T15:00:00.000Z')?.figures.calls.abandoned).toBe(2);
    expect(byHour.reduce((sum, group) => sum + group.figures.contacts, 0)).toBe(7);
  });

  it('reports contact volume per channel per hour for forecasting', () => {
    const volume = metrics.contactVolume('t1');
    expect(volume.get('voice')?.get(Date.parse('2025-11-28T15:00:00Z'))).toBe(2);
    expect(volume.get('chat')?.get(Date.parse('2025-11-28T10:00:00Z'))).toBe(1);
    expect(volume.get('chat')?.get(Date.parse('2025-11-28T11:00:00Z'))).toBe(1);
    expect(volume.get('whatsapp')).toBeUndefined();
    expect(volume.get('sms')?.get(Date.parse('2025-11-30T10:00:00Z'))).toBe(1);
  });

  it('a shorter reopen window lets the reopened call case count as first-contact resolution', () => {
    const shortWindow = createServiceMetrics({ reopenWindowHours: 24 });
    for (const event of handBuiltTimeline()) shortWindow.add(event);
    expect(shortWindow.snapshot(period).total.firstContactResolution.resolvedFirstContact).toBe(2);
  });

  it('keeps tenants apart', () => {
    const other = timelineEvent({ id: 'x1', tenantId: 't2', type: 'message.received', at: '2025-11-28T09:00:00Z', caseId: 'A', channel: 'email', data: { messageId: 'x', body: '', subject: null, media: [], from: null, to: null } });
    const mixed = createServiceMetrics();
    for (const event of [...handBuiltTimeline(), other]) mixed.add(event);
    expect(mixed.snapshot(period).total.contacts).toBe(7);
    expect(mixed.snapshot({ ...period, tenantId: 't2' }).total.contacts).toBe(1);
  });
});

describe('incremental and from-scratch give the same numbers', () => {
  it('for any arrival order, duplicates and interleaved reads (property)', async () => {
    const events = handBuiltTimeline();
    const expected = await computeServiceMetrics(events, { ...period, groupBy: 'hour' });
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 10 }),
        fc.array(fc.nat({ max: events.length }), { maxLength: 3 }),
        async (shuffled, duplicates, readPoints) => {
          const arrivals = [...shuffled, ...duplicates.map((index) => events[index]!)];
          const metrics = createServiceMetrics();
          arrivals.forEach((event, index) => {
            if (readPoints.includes(index)) metrics.snapshot(period);
            metrics.add(event);
          });
          expect(metrics.snapshot({ ...period, groupBy: 'hour' })).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for a synthetic timeline with fractional durations, in any arrival order (property)', async () => {
    const events = [...generateSupportTimeline({ tenantId: 't1', from: '2025-11-27', days: 3, casesPerDay: 40, seed: 12 })];
    const sorted = [...events].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1));
    for (const groupBy of ['channel', 'day', 'policy'] as const) {
      const expected = await computeServiceMetrics(sorted, { ...period, groupBy });
      expect(expected.total.chats.conversations).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), async (shuffled) => {
          const metrics = createServiceMetrics();
          for (const event of shuffled) metrics.add(event);
          expect(metrics.snapshot({ ...period, groupBy })).toEqual(expected);
        }),
        { numRuns: 15 },
      );
    }
  });

  it('for a scan of the memory store', async () => {
    const store = createMemoryStore();
    const events = handBuiltTimeline();
    await store.transaction(async (transaction) => transaction.putEvents(events));
    const incremental = createServiceMetrics();
    for (const event of [...events].reverse()) incremental.add(event);
    const progress: number[] = [];
    const fromStore = await store.transaction(async (transaction) =>
      computeServiceMetrics(transaction.scanEvents('t1'), { ...period, groupBy: 'channel' }, { onProgress: (read) => progress.push(read), progressEvery: 10 }),
    );
    expect(fromStore).toEqual(incremental.snapshot({ ...period, groupBy: 'channel' }));
    expect(progress.at(-1)).toBe(events.length);
  });
});

describe('nearest-rank percentile', () => {
  it('picks the value at rank ⌈p·n⌉', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRankPercentile(values, 0.5)).toBe(5);
    expect(nearestRankPercentile(values, 0.9)).toBe(9);
    expect(nearestRankPercentile(values, 0.99)).toBe(10);
    expect(nearestRankPercentile([], 0.5)).toBeNaN();
  });
});

describe('SLA clocks re-targeted by a priority change', () => {
  it('count once: a second sla.applied of the same clock is not a new clock', async () => {
    const data = (targetMs: number, elapsedMs: number) => ({ policyId: 'p', metric: 'first_reply' as const, targetMs, businessHours: false, dueAt: null, elapsedMs });
    const at = (minute: number) => `2025-11-28T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const events = [
      timelineEvent({ id: 'm1', type: 'message.received', at: at(0), caseId: 'C', channel: 'web', actor: 'customer', data: { messageId: 'm1', body: 'hi', subject: null, media: [], from: null, to: null } }),
      timelineEvent({ id: 'sla:C:first_reply:1:applied:1', type: 'sla.applied', at: at(0), caseId: 'C', channel: null, actor: 'system', data: data(3_600_000, 0) }),
      timelineEvent({ id: 'sla:C:first_reply:1:applied:2', type: 'sla.applied', at: at(5), caseId: 'C', channel: null, actor: 'system', data: data(600_000, 300_000) }),
      timelineEvent({ id: 'sla:C:first_reply:1:breached', type: 'sla.breached', at: at(10), caseId: 'C', channel: null, actor: 'system', data: data(600_000, 600_000) }),
    ];
    const metrics = await computeServiceMetrics(events, { tenantId: events[0]!.tenantId, from: '2025-11-28T00:00:00.000Z', to: '2025-11-29T00:00:00.000Z' });
    expect(metrics.total.sla.first_reply).toMatchObject({ breached: 1, achieved: 0, active: 0 });
  });
});

describe('what counts as an agent reply', () => {
  it('is the rule the SLA clocks use: a call the customer picked up is not one, a call the shop picked up is', async () => {
    const at = (minute: number) => `2025-11-28T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const message = timelineEvent({ id: 'm1', type: 'message.received', at: at(0), caseId: 'C', channel: 'web', actor: 'customer', data: { messageId: 'm1', body: 'hi', subject: null, media: [], from: null, to: null } });
    // An outbound (possibly automated) call the customer answered at 09:10, then an agent who took the customer's call at 09:30.
    const outbound = [
      timelineEvent({ id: 'o1', type: 'call.started', at: at(9), caseId: 'C', channel: 'voice', actor: 'customer', data: { callId: 'o', direction: 'outbound', from: null, to: null } }),
      timelineEvent({ id: 'o2', type: 'call.answered', at: at(10), caseId: 'C', channel: 'voice', actor: 'customer', data: { callId: 'o', waitSeconds: null } }),
    ];
    const answered = timelineEvent({ id: 'i2', type: 'call.answered', at: at(30), caseId: 'C', channel: 'voice', actor: 'agent', data: { callId: 'i', waitSeconds: 20 } });
    const period = { tenantId: message.tenantId, from: '2025-11-28T00:00:00.000Z', to: '2025-11-29T00:00:00.000Z' };
    expect((await computeServiceMetrics([message, ...outbound], period)).total.firstReply.count).toBe(0);
    expect((await computeServiceMetrics([message, ...outbound, answered], period)).total.firstReply).toMatchObject({ count: 1, p50: 1_800 });
  });
});
