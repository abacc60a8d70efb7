import { blackFriday, createMemoryStore, createServiceMetrics, createThroughline, generateSupportTimeline, type IdentityClaim, type IncomingEvent } from '@throughline/core';
import { describe, expect, it } from 'vitest';
import { forecastEmailPeakSeason } from './forecast';
import { blackFridayByChannel, trackServiceMetrics } from './service-metrics';
import { staffPeakDay } from './staffing';

const at = (time: string) => `2025-11-28T${time}:00.000Z`;
const email: IdentityClaim = { kind: 'email', value: 'ana@example.com' };
const phone: IdentityClaim = { kind: 'phone', value: '+14155550100' };

function received(id: string, time: string, channel: 'web' | 'whatsapp', identities: IdentityClaim[]): IncomingEvent {
  const system = channel === 'web' ? 'zendesk' : 'twilio';
  return {
    id: `${system}:${id}`, tenantId: 'shop-1', occurredAt: at(time), source: { system, externalId: id }, channel, actor: { kind: 'customer' }, identities,
    type: 'message.received', data: { messageId: id, body: 'Where is my order #1042?', subject: null, media: [], from: null, to: null },
  };
}

function sent(id: string, time: string, identities: IdentityClaim[]): IncomingEvent {
  return {
    id: `zendesk:${id}`, tenantId: 'shop-1', occurredAt: at(time), source: { system: 'zendesk', externalId: id }, channel: 'web', actor: { kind: 'agent', id: 'agent-7' }, identities,
    type: 'message.sent', data: { messageId: id, body: 'It ships today.', to: null, templateId: null, facts: null },
  };
}

describe('analytics guide', () => {
  it('the live accumulator and a from-scratch pass over the store give the same Black Friday figures', async () => {
    const store = createMemoryStore();
    const throughline = createThroughline({ store, adapters: [] });
    const metrics = trackServiceMetrics(throughline);
    await throughline.ingest('shop-1', [received('web-1', '09:00', 'web', [email, phone])]);
    await throughline.ingest('shop-1', [received('wa-1', '09:10', 'whatsapp', [phone]), sent('reply-1', '09:30', [email])]);
    // A redelivery and an event of another day change nothing.
    await throughline.ingest('shop-1', [received('web-1', '09:00', 'web', [email, phone])]);

    const { today, again } = await blackFridayByChannel(metrics, store);
    expect(today).toEqual(again);
    // One contact on the web form; the WhatsApp message asks the same question again: a repeat, not a second contact.
    expect(today.total).toMatchObject({ contacts: 1, repeatContacts: 1, casesOpened: 1 });
    expect(today.total.firstReply).toMatchObject({ count: 1, p50: 1800 });
    expect(today.groups.map((group) => [group.key, group.figures.contacts, group.figures.repeatContacts])).toEqual([
      ['web', 1, 0],
      ['whatsapp', 0, 1],
    ]);
    await throughline.close();
  });

  it('the forecast learns the Black Friday and Cyber Monday uplifts from last season and applies them this season', () => {
    const metrics = createServiceMetrics();
    // Nearly two years of synthetic history in which Black Friday 2024 had three times and Cyber Monday twice a normal day's volume.
    for (const event of generateSupportTimeline({ tenantId: 'shop-1', from: '2024-01-01', days: 686, casesPerDay: 80, peakDays: { '2024-11-29': 3, '2024-12-02': 2 }, seed: 5 })) {
      metrics.add(event);
    }
    const forecast = forecastEmailPeakSeason(metrics);
    expect(forecast.values).toHaveLength(38 * 24);
    const uplift = (name: string) => forecast.events.find((event) => event.name === name)?.uplift;
    expect(uplift('Black Friday')).toBeGreaterThan(2.5);
    expect(uplift('Black Friday')).toBeLessThan(3.5);
    expect(uplift('Cyber Monday')).toBeGreaterThan(1.6);
    expect(uplift('Cyber Monday')).toBeLessThan(2.4);
    const dayTotal = (date: string) => {
      const first = (Date.parse(`${date}T00:00:00Z`) - Date.parse(forecast.start)) / 3_600_000;
      return forecast.values.slice(first, first + 24).reduce((sum, value) => sum + value, 0);
    };
    const ratio = dayTotal(blackFriday(2025)) / dayTotal('2025-11-21');
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(3.5);
  });

  it('staffing: 14 agents for 100 calls of 3 minutes in half an hour, 20 heads, and overflow where the forecast exceeds 25 heads', () => {
    const hours = ['09', '10', '11', '12'].map((hour, index) => ({ start: `2025-11-28T${hour}:00:00Z`, contacts: [150, 400, 420, 160][index]!, averageHandleSeconds: 240 }));
    const { agents, performance, heads, plan } = staffPeakDay(hours);
    expect(agents).toBe(14);
    expect(performance.serviceLevel).toBeCloseTo(0.888, 3);
    expect(heads).toBe(20);
    // 400 and 420 calls of 4 minutes need 32 and 33 agents on the phones, 46 and 48 heads with 30 % shrinkage.
    expect(plan.intervals.map((interval) => interval.overflowAgents)).toEqual([0, 21, 23, 0]);
    expect(plan.blocks).toEqual([{ from: '2025-11-28T10:00:00.000Z', to: '2025-11-28T12:00:00.000Z', peakOverflowAgents: 23, agentHours: 44 }]);
  });
});
