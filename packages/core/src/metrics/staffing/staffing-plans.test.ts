import { describe, expect, it } from 'vitest';
import { MetricsInputError } from '../metrics-error';
import { agentsRequired } from './agents-required';
import { chatAgentsRequired } from './chat-staffing';
import { planOverflow } from './overflow-plan';
import { parseServiceLevelTarget } from './service-level-target';
import { scheduledAgents, totalShrinkage } from './shrinkage';
import { ticketAgentsRequired } from './ticket-backlog';

const eightyTwenty = { serviceLevel: { share: 0.8, withinSeconds: 20 } };

describe('shrinkage', () => {
  it('grosses up agents on the queue to heads scheduled', () => {
    expect(scheduledAgents(14, 0.3)).toBe(20);
    expect(scheduledAgents(14, 0.31)).toBe(21);
    expect(scheduledAgents(0, 0.3)).toBe(0);
    expect(totalShrinkage({ breaks: 0.1, training: 0.05, absence: 0.08 })).toBeCloseTo(0.23, 12);
    expect(() => scheduledAgents(10, 1)).toThrow(MetricsInputError);
  });
});

describe('service-level target', () => {
  it('parses 80/20 notation', () => {
    expect(parseServiceLevelTarget('80/20')).toEqual({ share: 0.8, withinSeconds: 20 });
    expect(parseServiceLevelTarget(' 90% / 30s ')).toEqual({ share: 0.9, withinSeconds: 30 });
    expect(() => parseServiceLevelTarget('80')).toThrow(MetricsInputError);
    expect(() => parseServiceLevelTarget('100/20')).toThrow(MetricsInputError);
  });
});

describe('chat concurrency', () => {
  it('sizes slots with Erlang C and divides by concurrency', () => {
    const load = { contacts: 240, averageHandleSeconds: 600 };
    const slots = agentsRequired(load, { serviceLevel: { share: 0.8, withinSeconds: 30 } }).agents;
    const chat = chatAgentsRequired(load, 3, { serviceLevel: { share: 0.8, withinSeconds: 30 } });
    expect(chat.agents).toBe(Math.ceil(slots / 3));
    expect(chat.slots).toBeGreaterThanOrEqual(slots);
    expect(chatAgentsRequired(load, 1, { serviceLevel: { share: 0.8, withinSeconds: 30 } }).agents).toBe(slots);
  });
});

describe('ticket backlog', () => {
  it('clears the backlog within the window while keeping up with arrivals', () => {
    // (600 + 120·4) tickets × 0.1 h = 108 agent-hours over 4 h at 85 % → 31.8 → 32 agents.
    const result = ticketAgentsRequired({ backlog: 600, arrivalsPerHour: 120, averageHandleSeconds: 360, withinSeconds: 4 * 3600 });
    expect(result.workloadHours).toBeCloseTo(108, 10);
    expect(result.agents).toBe(32);
    // 120 × 0.1 h = 12 agent-hours per hour at 85 % → 14.1 → 15.
    expect(result.steadyStateAgents).toBe(15);
  });
});

describe('overflow plan', () => {
  it('finds the hours that need overflow and merges consecutive hours into blocks', () => {
    const hours = [100, 400, 800, 300, 900].map((contacts, index) => ({
      start: new Date(Date.UTC(2025, 10, 28, 8 + index)).toISOString(),
      contacts,
      averageHandleSeconds: 240,
    }));
    const plan = planOverflow(hours, { goals: eightyTwenty, inHouseAgents: 40, shrinkage: 0.25 });
    const expected = hours.map((hour) => {
      const onQueue = agentsRequired({ contacts: hour.contacts, averageHandleSeconds: 240 }, eightyTwenty).agents;
      return Math.max(0, scheduledAgents(onQueue, 0.25) - 40);
    });
    expect(plan.intervals.map((interval) => interval.overflowAgents)).toEqual(expected);
    expect(expected[0]).toBe(0);
    expect(expected[2]).toBeGreaterThan(0);
    const needing = expected.map((overflow, index) => (overflow > 0 ? index : -1)).filter((index) => index >= 0);
    expect(plan.blocks.length).toBeGreaterThanOrEqual(1);
    expect(plan.totalOverflowAgentHours).toBe(expected.reduce((a, b) => a + b, 0));
    expect(plan.peakOverflowAgents).toBe(Math.max(...expected));
    expect(plan.blocks[0]?.from).toBe(hours[needing[0] as number]?.start);
    // An in-house team that falls short reaches less than the target on its own.
    for (const interval of plan.intervals) {
      if (interval.overflowAgents > 0) expect(interval.inHouseServiceLevel).toBeLessThan(0.8);
    }
  });

  it('gives both bounds of a block as UTC instants with milliseconds, whatever form the forecast starts take', () => {
    const busy = { contacts: 400, averageHandleSeconds: 240 };
    const plan = planOverflow(
      [
        { start: '2025-11-28T09:00:00Z', ...busy },
        { start: '2025-11-28T11:00:00+01:00', ...busy },
        { start: '2025-11-28T13:00:00.000Z', ...busy },
      ],
      { goals: eightyTwenty, inHouseAgents: 1 },
    );
    expect(plan.blocks.map((block) => [block.from, block.to])).toEqual([
      ['2025-11-28T09:00:00.000Z', '2025-11-28T11:00:00.000Z'],
      ['2025-11-28T13:00:00.000Z', '2025-11-28T14:00:00.000Z'],
    ]);
    // The intervals still echo the forecast as given.
    expect(plan.intervals.map((interval) => interval.start)).toEqual(['2025-11-28T09:00:00Z', '2025-11-28T11:00:00+01:00', '2025-11-28T13:00:00.000Z']);
  });

  it('rejects a capacity list of the wrong length', () => {
    expect(() =>
      planOverflow([{ start: '2025-11-28T08:00:00Z', contacts: 10, averageHandleSeconds: 200 }], { goals: eightyTwenty, inHouseAgents: [1, 2] }),
    ).toThrow(MetricsInputError);
  });
});
