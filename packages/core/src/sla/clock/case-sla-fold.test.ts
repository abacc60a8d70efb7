import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../calendar/business-calendar';
import { createCaseTimeline } from '../fixtures/case-timeline';
import type { SlaPolicy } from '../policy/sla-policy-schema';
import { foldCaseSla } from './case-sla-fold';
import type { CaseSla, SlaClock } from './sla-clock-state';

const MINUTE = 60_000;
const t = (time: string) => `2025-06-02T${time}:00Z`; // a Monday
const ms = (time: string) => Date.parse(t(time));

const standard: SlaPolicy = {
  id: 'standard',
  targets: [
    { metric: 'first_reply', priority: 'normal', targetMinutes: 60 },
    { metric: 'first_reply', priority: 'high', targetMinutes: 15 },
    { metric: 'next_reply', priority: 'normal', targetMinutes: 30 },
    { metric: 'periodic_update', priority: 'normal', targetMinutes: 120 },
    { metric: 'pausable_update', priority: 'normal', targetMinutes: 120 },
    { metric: 'requester_wait', priority: 'normal', targetMinutes: 240 },
    { metric: 'agent_work', priority: 'normal', targetMinutes: 180 },
    { metric: 'total_resolution', priority: 'normal', targetMinutes: 1440 },
  ],
};
const fold = (events: Parameters<typeof foldCaseSla>[0], now: string, policies: SlaPolicy[] = [standard]) =>
  foldCaseSla(events, { policies, calendars: [], now: ms(now) })!;
const clock = (sla: CaseSla, metric: SlaClock['metric'], instance = 1) => {
  const found = sla.clocks.find((candidate) => candidate.metric === metric && candidate.instance === instance);
  if (!found) throw new Error(`no ${metric} #${instance} in ${sla.clocks.map((c) => c.id).join(', ')}`);
  return found;
};
const eventIds = (sla: CaseSla) => sla.events.map((event) => `${event.type}@${event.occurredAt.slice(11, 16)}:${event.data.metric}`);

describe('first reply', () => {
  it('is fulfilled by the first public agent reply', () => {
    const c = createCaseTimeline();
    const sla = fold([c.ticketOpened(t('09:00')), c.customerMessage(t('09:00')), c.agentReply(t('09:40'))], '12:00');
    const firstReply = clock(sla, 'first_reply');
    expect(firstReply).toMatchObject({ status: 'fulfilled', fulfilledAt: ms('09:40'), elapsedMs: 40 * MINUTE, breachedAt: null });
    expect(eventIds(sla).filter((id) => id.endsWith('first_reply'))).toEqual(['sla.applied@09:00:first_reply', 'sla.fulfilled@09:40:first_reply']);
  });

  it('warns and breaches at their instants even when nothing else happens', () => {
    const c = createCaseTimeline();
    const sla = fold([c.customerMessage(t('09:00'))], '10:30');
    const firstReply = clock(sla, 'first_reply');
    expect(firstReply).toMatchObject({ status: 'breached', warnedAt: ms('09:45'), breachedAt: ms('10:00'), remainingMs: -30 * MINUTE });
    const breach = sla.events.find((event) => event.type === 'sla.breached' && event.data.metric === 'first_reply');
    expect(breach).toMatchObject({ id: 'sla:case-1:first_reply:1:breached', occurredAt: t('10:00').replace('Z', '.000Z') });
  });

  it('ignores bot replies, automated answers and internal notes', () => {
    const c = createCaseTimeline();
    const sla = fold([c.customerMessage(t('09:00')), c.botReply(t('09:01')), c.note(t('09:02'))], '09:30');
    expect(clock(sla, 'first_reply').status).toBe('active');
  });

  it('counts a public reply on any channel, and an agent answering a call', () => {
    const c = createCaseTimeline();
    expect(clock(fold([c.customerMessage(t('09:00')), c.agentReply(t('09:05'), { channel: 'sms' })], '09:30'), 'first_reply').fulfilledAt).toBe(ms('09:05'));
    const call = createCaseTimeline('case-2');
    const sla = fold([call.callStarted(t('09:00')), call.callAnswered(t('09:02'))], '09:30');
    expect(clock(sla, 'first_reply').fulfilledAt).toBe(ms('09:02'));
  });

  it('waits for the agent’s next public comment on an agent-created case', () => {
    const c = createCaseTimeline();
    const events = [c.ticketOpened(t('09:00'), { by: 'agent' }), c.agentReply(t('09:00')), c.customerMessage(t('09:20')), c.agentReply(t('09:30'))];
    const sla = fold(events, '10:00');
    expect(clock(sla, 'first_reply').fulfilledAt).toBe(ms('09:30'));
    // The customer's message is covered by first reply, so no next-reply clock starts for it.
    expect(sla.clocks.some((candidate) => candidate.metric === 'next_reply')).toBe(false);
  });

  it('counts the first public reply when an agent opened the case with a private note', () => {
    const c = createCaseTimeline();
    const sla = fold([c.ticketOpened(t('09:00'), { by: 'agent' }), c.note(t('09:00')), c.agentReply(t('09:10'))], '10:00');
    expect(clock(sla, 'first_reply').fulfilledAt).toBe(ms('09:10'));
  });
});

describe('next reply', () => {
  it('starts at the oldest unanswered customer message and ignores repeat contacts', () => {
    const c = createCaseTimeline();
    const events = [
      c.customerMessage(t('09:00')),
      c.agentReply(t('09:10')),
      c.customerMessage(t('09:20')),
      c.customerMessage(t('09:30'), { channel: 'whatsapp', repeatContact: true }),
      c.customerMessage(t('09:35')),
    ];
    const sla = fold(events, '10:00');
    const nextReply = clock(sla, 'next_reply');
    expect(nextReply).toMatchObject({ startedAt: ms('09:20'), breachedAt: ms('09:50'), status: 'breached' });
    expect(sla.clocks.filter((candidate) => candidate.metric === 'next_reply')).toHaveLength(1);
  });

  it('is fulfilled by a reply on another channel and starts again on the next message', () => {
    const c = createCaseTimeline();
    const events = [
      c.customerMessage(t('09:00')),
      c.agentReply(t('09:10')),
      c.customerMessage(t('09:20'), { channel: 'email' }),
      c.agentReply(t('09:25'), { channel: 'sms' }),
      c.customerMessage(t('09:40'), { channel: 'sms' }),
    ];
    const sla = fold(events, '09:50');
    expect(clock(sla, 'next_reply', 1)).toMatchObject({ status: 'fulfilled', elapsedMs: 5 * MINUTE });
    expect(clock(sla, 'next_reply', 2)).toMatchObject({ status: 'active', dueAt: ms('10:10'), elapsedMs: 10 * MINUTE });
  });
});

describe('status pauses', () => {
  it('pauses requester wait, agent work and pausable update while pending; agent work also on hold', () => {
    const c = createCaseTimeline();
    const events = [
      c.customerMessage(t('09:00')),
      c.agentReply(t('09:10')),
      c.status(t('09:10'), 'pending'),
      c.customerMessage(t('10:10')), // reopens implicitly
      c.status(t('10:20'), 'hold'),
    ];
    const sla = fold(events, '11:20');
    expect(clock(sla, 'requester_wait').elapsedMs).toBe((10 + 70) * MINUTE);
    expect(clock(sla, 'agent_work').elapsedMs).toBe((10 + 10) * MINUTE);
    expect(clock(sla, 'agent_work').status).toBe('paused');
    expect(clock(sla, 'agent_work').dueAt).toBeNull();
    expect(clock(sla, 'total_resolution').elapsedMs).toBe(140 * MINUTE);
    expect(clock(sla, 'pausable_update').elapsedMs).toBe(70 * MINUTE);
    expect(clock(sla, 'periodic_update').elapsedMs).toBe(130 * MINUTE);
  });

  it('stops every clock when solved and resumes resolution clocks on reopening', () => {
    const c = createCaseTimeline();
    const events = [
      c.customerMessage(t('09:00')),
      c.status(t('09:30'), 'solved'),
      c.customerMessage(t('11:00')),
    ];
    const sla = fold(events, '11:20');
    expect(clock(sla, 'first_reply')).toMatchObject({ status: 'fulfilled', fulfilledAt: ms('09:30') });
    expect(clock(sla, 'requester_wait')).toMatchObject({ status: 'active', elapsedMs: 50 * MINUTE, fulfilledAt: null });
    expect(clock(sla, 'next_reply')).toMatchObject({ status: 'active', startedAt: ms('11:00') });
    const fulfilled = sla.events.filter((event) => event.type === 'sla.fulfilled' && event.data.metric === 'requester_wait');
    expect(fulfilled.map((event) => event.id)).toEqual(['sla:case-1:requester_wait:1:fulfilled:1']);
  });
});

describe('policies', () => {
  it('re-evaluates on a priority change, keeping the time already counted', () => {
    const c = createCaseTimeline();
    const early = fold([c.customerMessage(t('09:00')), c.priority(t('09:10'), 'high')], '09:12');
    expect(clock(early, 'first_reply')).toMatchObject({ targetMs: 15 * MINUTE, dueAt: ms('09:15'), elapsedMs: 12 * MINUTE });
    const late = createCaseTimeline();
    const sla = fold([late.customerMessage(t('09:00')), late.priority(t('09:20'), 'high')], '09:30');
    expect(clock(sla, 'first_reply').breachedAt).toBe(ms('09:20'));
    expect(sla.events.filter((event) => event.type === 'sla.applied' && event.data.metric === 'first_reply').map((event) => event.id)).toEqual([
      'sla:case-1:first_reply:1:applied:1',
      'sla:case-1:first_reply:1:applied:2',
    ]);
  });

  it('breaches an already exceeded smaller target at the change, before a reply at the same instant', () => {
    const high: SlaPolicy = { id: 'high', conditions: { priorities: ['high'] }, targets: [{ metric: 'first_reply', priority: 'high', targetMinutes: 5 }] };
    const c = createCaseTimeline();
    // The priority change comes first at 09:07 (field changes before comments); seven minutes are counted against five.
    const sla = fold([c.customerMessage(t('09:00')), c.agentReply(t('09:07')), c.priority(t('09:07'), 'high')], '09:30', [high, standard]);
    expect(clock(sla, 'first_reply')).toMatchObject({ status: 'fulfilled', policyId: 'high', breachedAt: ms('09:07'), fulfilledAt: ms('09:07') });
    expect(eventIds(sla).filter((id) => id.endsWith('first_reply'))).toEqual([
      'sla.applied@09:00:first_reply',
      'sla.applied@09:07:first_reply',
      'sla.warning@09:07:first_reply',
      'sla.breached@09:07:first_reply',
      'sla.fulfilled@09:07:first_reply',
    ]);
    // Reaching a target exactly at a reply is still on time.
    const exact = createCaseTimeline();
    const onTime = fold([exact.customerMessage(t('09:00')), exact.agentReply(t('09:05')), exact.priority(t('09:05'), 'high')], '09:30', [high, standard]);
    expect(clock(onTime, 'first_reply')).toMatchObject({ status: 'fulfilled', policyId: 'high', breachedAt: null, fulfilledAt: ms('09:05') });
  });

  it('applies the first matching policy and re-evaluates when the customer moves channel', () => {
    const whatsapp: SlaPolicy = {
      id: 'whatsapp',
      conditions: { channels: ['whatsapp'] },
      targets: [{ metric: 'next_reply', priority: 'normal', targetMinutes: 5 }],
    };
    const c = createCaseTimeline();
    const events = [
      c.customerMessage(t('09:00')),
      c.agentReply(t('09:10')),
      c.customerMessage(t('09:20')),
      c.customerMessage(t('09:21'), { channel: 'whatsapp' }),
    ];
    const sla = fold(events, '09:22', [whatsapp, standard]);
    expect(sla.policyId).toBe('whatsapp');
    // Two minutes already counted against the new five-minute target.
    expect(clock(sla, 'next_reply')).toMatchObject({ policyId: 'whatsapp', startedAt: ms('09:20'), dueAt: ms('09:25'), targetMs: 5 * MINUTE });
  });

  it('matches tenant, tier and tag conditions', () => {
    const vip: SlaPolicy = {
      id: 'vip',
      conditions: { tenantIds: ['shop-1'], customerTiers: ['vip'], tags: { any: ['order'], none: ['spam'] } },
      targets: [{ metric: 'first_reply', priority: 'normal', targetMinutes: 10 }],
    };
    const c = createCaseTimeline();
    const events = [c.customerMessage(t('09:00'), { tags: ['order'] })];
    const asVip = foldCaseSla(events, { policies: [vip, standard], calendars: [], now: ms('09:01'), customerTier: 'vip' })!;
    expect(asVip.policyId).toBe('vip');
    const asRegular = foldCaseSla(events, { policies: [vip, standard], calendars: [], now: ms('09:01') })!;
    expect(asRegular.policyId).toBe('standard');
    const spam = foldCaseSla([...events, c.customerMessage(t('09:00'), { tags: ['spam'], repeatContact: true })], {
      policies: [vip],
      calendars: [],
      now: ms('09:01'),
      customerTier: 'vip',
    })!;
    expect(spam.policyId).toBeNull();
    expect(spam.clocks).toEqual([]);
  });

  it('counts business hours on the target’s calendar', () => {
    const calendar = createBusinessCalendar({
      id: 'berlin',
      timeZone: 'Europe/Berlin',
      weeklyHours: Object.fromEntries(
        ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, [{ opens: '09:00', closes: '17:00' }]]),
      ),
    });
    const policy: SlaPolicy = {
      id: 'business',
      calendarId: 'berlin',
      targets: [{ metric: 'first_reply', priority: 'normal', targetMinutes: 120, businessHours: true }],
    };
    const c = createCaseTimeline();
    const sla = foldCaseSla([c.customerMessage('2025-06-06T14:00:00Z')], { policies: [policy], calendars: [calendar], now: Date.parse('2025-06-07T12:00:00Z') })!;
    // Friday 16:00 Berlin: one business hour on Friday, one on Monday from 09:00.
    expect(clock(sla, 'first_reply')).toMatchObject({ dueAt: Date.parse('2025-06-09T08:00:00Z'), elapsedMs: 60 * MINUTE, calendarId: 'berlin' });
    expect(() => foldCaseSla([c.customerMessage(t('09:00'))], { policies: [policy], calendars: [], now: ms('09:00') })).toThrowError(
      expect.objectContaining({ code: 'unknown_calendar' }),
    );
  });
});

describe('pending warnings and breaches', () => {
  it('lists future warnings and breaches exactly as a later fold emits them', () => {
    const c = createCaseTimeline();
    const events = [c.customerMessage(t('09:00'))];
    const before = fold(events, '09:10');
    const pendingFirstReply = before.pending.filter((entry) => entry.event.data.metric === 'first_reply');
    expect(pendingFirstReply.map((entry) => [entry.event.type, entry.at])).toEqual([
      ['sla.warning', ms('09:45')],
      ['sla.breached', ms('10:00')],
    ]);
    const after = fold(events, '10:00');
    for (const { event } of pendingFirstReply) expect(after.events).toContainEqual(event);
  });

  it('ignores SLA events fed back in and events of no case', () => {
    const c = createCaseTimeline();
    const events = [c.customerMessage(t('09:00'))];
    const once = fold(events, '10:30');
    expect(fold([...events, ...once.events], '10:30')).toEqual(once);
    expect(foldCaseSla([], { policies: [standard], calendars: [], now: 0 })).toBeUndefined();
  });
});
