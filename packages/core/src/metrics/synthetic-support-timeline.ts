import type { Channel } from '../model/primitives';
import type { TimelineEvent, TimelineEventData, TimelineEventType } from '../model/timeline-event';
import { seededRandom } from '../random/seeded-random';

/**
 * Settings of a synthetic support timeline.
 */
export interface SyntheticTimelineOptions {
  /** Tenant of every event (default `demo-shop`). */
  tenantId?: string;
  /** First day, `YYYY-MM-DD` (UTC). */
  from: string;
  /** Number of days to generate. */
  days: number;
  /** Average new cases per day on a normal weekday before growth (default 200). */
  casesPerDay?: number;
  /** Year-over-year volume growth multiplier (default 1). */
  yearlyGrowth?: number;
  /** Volume multiplier for given `YYYY-MM-DD` days (e.g. Black Friday ×3). */
  peakDays?: Readonly<Record<string, number>>;
  /** Seed of the deterministic random generator (default 1). */
  seed?: number;
}

const DAY_MS = 86_400_000;
const WEEKDAY = [0.55, 1.2, 1.12, 1.08, 1.04, 1.0, 0.7];
const INTRADAY = [0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.4, 0.8, 1.3, 1.6, 1.7, 1.6, 1.4, 1.5, 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8, 0.5, 0.25];
const INTRADAY_TOTAL = INTRADAY.reduce((sum, value) => sum + value, 0);
const CHANNELS: ReadonlyArray<[Channel, number]> = [
  ['email', 0.3],
  ['chat', 0.25],
  ['voice', 0.25],
  ['whatsapp', 0.1],
  ['web', 0.1],
];


/**
 * Generates a plausible, deterministic support timeline: cases on five channels following
 * weekday and intraday patterns, SLA clocks, agent and bot replies, calls answered and
 * abandoned, reopens, repeat contacts, surveys and orders. For demos, benchmarks and tests.
 * Events are yielded case by case (each case in time order), not globally sorted.
 * @param options - period, volume, growth, peak days and seed
 * @returns a lazy sequence of timeline events
 * @example
 * for (const event of generateSupportTimeline({ from: '2025-11-01', days: 30 })) metrics.add(event);
 */
export function* generateSupportTimeline(options: SyntheticTimelineOptions): Generator<TimelineEvent> {
  const random = seededRandom(options.seed ?? 1);
  const tenantId = options.tenantId ?? 'demo-shop';
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const exponential = (mean: number) => -mean * Math.log(1 - random());
  const pick = <T>(weighted: ReadonlyArray<[T, number]>): T => {
    let draw = random();
    for (const [value, weight] of weighted) {
      draw -= weight;
      if (draw <= 0) return value;
    }
    return weighted[weighted.length - 1]![0];
  };
  let serial = 0;
  const make = <T extends TimelineEventType>(
    type: T,
    at: number,
    caseId: string | null,
    channel: Channel | null,
    actor: 'customer' | 'agent' | 'bot' | 'system',
    data: TimelineEventData<T>,
    extra: { thread?: string; repeat?: boolean } = {},
  ): TimelineEvent => {
    serial++;
    const id = `evt-${serial}`;
    return {
      id,
      tenantId,
      occurredAt: new Date(Math.round(at)).toISOString(),
      source: { system: 'synthetic', externalId: id },
      channel,
      actor: { kind: actor },
      identities: [],
      customerId: caseId === null ? 'customer-none' : `customer-${caseId}`,
      caseId,
      repeatContact: extra.repeat ?? false,
      type,
      data,
      ...(extra.thread === undefined ? {} : { thread: extra.thread }),
    } as unknown as TimelineEvent;
  };
  const message = (messageId: string) => ({ messageId, body: '', subject: null, media: [], from: null, to: null });
  const reply = (messageId: string) => ({ messageId, body: '', to: null, templateId: null, facts: null });
  const sla = (policyId: string, targetMs: number, elapsedMs: number) => ({ policyId, metric: 'first_reply' as const, targetMs, businessHours: false, dueAt: null, elapsedMs });

  for (let day = 0; day < options.days; day++) {
    const dayStart = start + day * DAY_MS;
    const date = new Date(dayStart).toISOString().slice(0, 10);
    const weekday = new Date(dayStart).getUTCDay();
    const growth = (options.yearlyGrowth ?? 1) ** ((dayStart - start) / (365.25 * DAY_MS));
    const expected = (options.casesPerDay ?? 200) * (WEEKDAY[weekday] as number) * growth * (options.peakDays?.[date] ?? 1);
    const cases = Math.max(0, Math.round(expected + (random() - 0.5) * 2 * Math.sqrt(expected)));
    for (let order = 0; order < Math.round(cases * 1.8); order++) {
      const orderId = `order-${date}-${order}`;
      yield make('order.placed', dayStart + random() * DAY_MS, null, null, 'system', {
        orderId,
        orderName: `#${orderId}`,
        orderNumber: null,
        financialStatus: 'paid',
        fulfillmentStatus: null,
        total: null,
        itemCount: 1,
        statusUrl: null,
        cancelledAt: null,
        cancelReason: null,
      });
    }
    for (let index = 0; index < cases; index++) {
      let hourDraw = random() * INTRADAY_TOTAL;
      let hour = 0;
      while (hour < 23 && hourDraw > (INTRADAY[hour] as number)) hourDraw -= INTRADAY[hour++] as number;
      let at = dayStart + (hour + random()) * 3_600_000;
      const caseId = `case-${date}-${index}`;
      const channel = pick(CHANNELS);
      const thread = `${channel}:${caseId}`;
      const policy = channel === 'voice' || channel === 'chat' ? 'realtime' : 'standard';
      const targetMs = policy === 'realtime' ? 60_000 : 4 * 3_600_000;
      if (channel === 'voice') {
        const callId = `call-${caseId}`;
        yield make('call.started', at, caseId, 'voice', 'customer', { callId, direction: 'inbound', from: null, to: null });
        const wait = exponential(35);
        if (random() < 0.12) {
          yield make('call.missed', at + wait * 1000, caseId, 'voice', 'system', { callId, reason: 'abandoned', waitSeconds: Math.round(wait) });
          continue;
        }
        yield make('call.answered', at + wait * 1000, caseId, 'voice', 'agent', { callId, waitSeconds: Math.round(wait) });
        const talk = 60 + exponential(200);
        yield make('call.ended', at + (wait + talk) * 1000, caseId, 'voice', 'system', { callId, talkSeconds: Math.round(talk), waitSeconds: Math.round(wait) });
        at += (wait + talk + 30) * 1000;
      } else {
        if (channel === 'email' || channel === 'web') {
          yield make('ticket.opened', at, caseId, channel, 'customer', { ticketId: caseId, subject: null, status: 'new', priority: null, via: channel, tags: [] }, { thread });
        } else {
          yield make('message.received', at, caseId, channel, 'customer', message(`${caseId}-m0`), { thread });
        }
        yield make('sla.applied', at, caseId, null, 'system', sla(policy, targetMs, 0));
        if (random() < 0.06) {
          yield make('message.received', at + exponential(1_800_000), caseId, 'whatsapp', 'customer', message(`${caseId}-r`), { repeat: true });
        }
        if (channel !== 'email' && random() < 0.15) {
          at += 20_000;
          yield make('message.sent', at, caseId, channel, 'bot', reply(`${caseId}-bot`), { thread });
          yield make('case.status_changed', at + 60_000, caseId, null, 'bot', { status: 'solved', priority: null });
          continue;
        }
        const firstReply = exponential(policy === 'realtime' ? 45_000 : 2 * 3_600_000);
        if (firstReply > targetMs) yield make('sla.breached', at + targetMs, caseId, null, 'system', sla(policy, targetMs, targetMs));
        yield make('message.sent', at + firstReply, caseId, channel, 'agent', reply(`${caseId}-a1`), { thread });
        yield make('sla.fulfilled', at + firstReply, caseId, null, 'system', sla(policy, targetMs, Math.round(firstReply)));
        at += firstReply;
        if (random() < 0.25) {
          at += exponential(channel === 'chat' ? 120_000 : 3_600_000);
          yield make('message.received', at, caseId, channel, 'customer', message(`${caseId}-m1`), { thread });
          at += exponential(channel === 'chat' ? 60_000 : 3_600_000);
          yield make('message.sent', at, caseId, channel, 'agent', reply(`${caseId}-a2`), { thread });
        }
      }
      at += exponential(channel === 'chat' || channel === 'voice' ? 300_000 : 4 * 3_600_000);
      yield make('case.status_changed', at, caseId, null, 'agent', { status: 'solved', priority: null });
      if (random() < 0.08) {
        at += exponential(2 * DAY_MS);
        yield make('message.received', at, caseId, channel === 'voice' ? 'sms' : channel, 'customer', message(`${caseId}-again`), { thread });
        at += exponential(3_600_000);
        yield make('message.sent', at, caseId, channel === 'voice' ? 'sms' : channel, 'agent', reply(`${caseId}-again-a`), { thread });
        yield make('case.status_changed', at + 60_000, caseId, null, 'agent', { status: 'solved', priority: null });
      }
      const survey = random();
      if (survey < 0.3) {
        const score = pick<number>([[5, 0.5], [4, 0.25], [3, 0.1], [2, 0.07], [1, 0.08]]);
        yield make('survey.answered', at + 3_600_000, caseId, channel, 'customer', { surveyId: `${caseId}-csat`, kind: 'csat', score, comment: null });
      } else if (survey < 0.4) {
        yield make('survey.answered', at + 3_600_000, caseId, channel, 'customer', { surveyId: `${caseId}-nps`, kind: 'nps', score: Math.floor(random() * 11), comment: null });
      }
    }
  }
}
