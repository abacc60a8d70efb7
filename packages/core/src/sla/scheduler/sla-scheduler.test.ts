import { describe, expect, it, vi } from 'vitest';
import { createTestClock } from '../../testing/test-clock';
import { foldCaseSla } from '../clock/case-sla-fold';
import type { SlaTimelineEvent } from '../clock/sla-clock-state';
import { createCaseTimeline } from '../fixtures/case-timeline';
import type { SlaPolicy } from '../policy/sla-policy-schema';
import { createSlaScheduler } from './sla-scheduler';

const MINUTE = 60_000;
const START = Date.parse('2025-06-02T09:00:00Z');
const at = (minutes: number) => new Date(START + minutes * MINUTE).toISOString();
const policy: SlaPolicy = {
  id: 'standard',
  targets: [
    { metric: 'first_reply', priority: 'normal', targetMinutes: 60 },
    { metric: 'first_reply', priority: 'urgent', targetMinutes: 10 },
    { metric: 'total_resolution', priority: 'normal', targetMinutes: 600 },
  ],
};
const fold = (events: Parameters<typeof foldCaseSla>[0], now: number) =>
  foldCaseSla(events, { policies: [policy], calendars: [], now })!;

describe('createSlaScheduler', () => {
  it('fires a warning and a breach once each, at their instants, through the in-process timer', () => {
    const clock = createTestClock(START);
    const fired: SlaTimelineEvent[][] = [];
    const scheduler = createSlaScheduler({ clock, onDue: (events) => fired.push([...events]) });
    const c = createCaseTimeline();
    scheduler.track(fold([c.customerMessage(at(0))], clock.now()));
    scheduler.start();
    clock.advance(44 * MINUTE);
    expect(fired).toEqual([]);
    clock.advance(1 * MINUTE);
    expect(fired.flat().map((event) => [event.type, event.occurredAt])).toEqual([['sla.warning', at(45)]]);
    clock.advance(15 * MINUTE);
    expect(fired.flat().map((event) => [event.type, event.occurredAt])).toEqual([
      ['sla.warning', at(45)],
      ['sla.breached', at(60)],
    ]);
    expect(scheduler.forCase('case-1').find((clockState) => clockState.metric === 'first_reply')).toMatchObject({
      status: 'breached',
      breachedAt: START + 60 * MINUTE,
      warnedAt: START + 45 * MINUTE,
    });
    clock.advance(24 * 60 * MINUTE);
    expect(fired.flat().filter((event) => event.data.metric === 'first_reply')).toHaveLength(2);
  });

  it('fires exactly what a later fold emits, so appending both never duplicates', () => {
    const clock = createTestClock(START);
    const fired: SlaTimelineEvent[] = [];
    const scheduler = createSlaScheduler({ clock, onDue: (events) => fired.push(...events) });
    const c = createCaseTimeline();
    const events = [c.customerMessage(at(0))];
    scheduler.track(fold(events, clock.now()));
    scheduler.start();
    clock.advance(90 * MINUTE);
    const refolded = fold(events, clock.now());
    for (const event of fired) expect(refolded.events).toContainEqual(event);
    // Tracking the refold (which now contains the fired events) fires nothing again.
    scheduler.track(refolded);
    expect(scheduler.tick()).toEqual([]);
  });

  it('re-plans when a case changes: a reply cancels the breach, a priority change brings it forward', () => {
    const clock = createTestClock(START);
    const scheduler = createSlaScheduler({ clock });
    const c = createCaseTimeline();
    const opened = [c.customerMessage(at(0))];
    scheduler.track(fold(opened, clock.now()));
    clock.advance(5 * MINUTE);
    const urgent = [...opened, c.priority(at(5), 'urgent')];
    scheduler.track(fold(urgent, clock.now()));
    expect(scheduler.tick(START + 10 * MINUTE).map((event) => event.type)).toEqual(['sla.warning', 'sla.breached']);
    const other = createCaseTimeline('case-2');
    const answered = [other.customerMessage(at(0))];
    scheduler.track(fold(answered, START + 10 * MINUTE));
    scheduler.track(fold([...answered, other.agentReply(at(20))], START + 20 * MINUTE));
    expect(scheduler.tick(START + 24 * 60 * MINUTE).filter((event) => event.caseId === 'case-2' && event.data.metric === 'first_reply')).toEqual([]);
  });

  it('serves tick(now) without a running timer, for serverless apps', () => {
    const clock = createTestClock(START);
    const scheduler = createSlaScheduler({ clock });
    const c = createCaseTimeline();
    scheduler.track(fold([c.customerMessage(at(0))], START));
    clock.advance(120 * MINUTE);
    expect(clock.pendingTimers).toBe(0);
    expect(scheduler.tick().map((event) => event.type)).toEqual(['sla.warning', 'sla.breached']);
    expect(scheduler.tick()).toEqual([]);
  });

  it('lists what breaches next across a tenant’s cases, least time left first', () => {
    const clock = createTestClock(START);
    const scheduler = createSlaScheduler({ clock });
    for (const [caseId, openedAt, tenantId] of [
      ['case-a', 0, 'shop-1'],
      ['case-b', -30, 'shop-1'],
      ['case-c', -50, 'shop-2'],
      ['case-d', -90, 'shop-1'],
    ] as const) {
      const c = createCaseTimeline(caseId, tenantId);
      scheduler.track(fold([c.customerMessage(at(openedAt))], START));
    }
    const soon = scheduler.dueSoon({ tenantId: 'shop-1', within: 60 * MINUTE });
    expect(soon.map((entry) => [entry.caseId, entry.metric, entry.dueInMs])).toEqual([
      ['case-b', 'first_reply', 30 * MINUTE],
      ['case-a', 'first_reply', 60 * MINUTE],
    ]);
    expect(scheduler.dueSoon({ tenantId: 'shop-1', limit: 1, includeBreached: true }).map((entry) => entry.caseId)).toEqual(['case-d']);
    scheduler.forget('case-b');
    expect(scheduler.dueSoon({ tenantId: 'shop-1', within: 60 * MINUTE }).map((entry) => entry.caseId)).toEqual(['case-a']);
  });

  it('keeps firing when a listener throws, and stops its timer on stop()', () => {
    const clock = createTestClock(START);
    const onError = vi.fn();
    const scheduler = createSlaScheduler({
      clock,
      onDue: () => {
        throw new Error('listener failed');
      },
      onError,
    });
    const c = createCaseTimeline();
    scheduler.track(fold([c.customerMessage(at(0))], START));
    scheduler.start();
    clock.advance(60 * MINUTE);
    expect(onError).toHaveBeenCalledTimes(2);
    scheduler.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
