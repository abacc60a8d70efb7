import type { Channel } from '../../model/primitives';
import type { TimelineEvent } from '../../model/timeline-event';
import { assertInRange, MetricsInputError } from '../metrics-error';
import { type CaseFacts, deriveCaseFacts } from './case-facts';
import { type CaseEvent, compareCaseEvents, toCaseEvent } from './case-event';
import { answerWaitOf, type CallRecord, foldCallEvent } from './call-record';
import { FiguresBuilder } from './figures-builder';
import type { BacklogPoint, ServiceMetricsGrouping, ServiceMetricsSnapshot } from './service-metrics-figures';

/**
 * Settings of the service-metrics accumulator.
 */
export interface ServiceMetricsOptions {
  /** A reopen within this many hours of the first solve spoils first-contact resolution (default 168 = 7 days). */
  reopenWindowHours?: number;
}

/**
 * What a snapshot covers and how it is split.
 */
export interface ServiceMetricsQuery {
  /** The tenant; no other tenant's events are read. */
  tenantId: string;
  /** Start of the period (ISO-8601, inclusive). */
  from: string;
  /** End of the period (ISO-8601, exclusive). */
  to: string;
  /** Split the figures by channel, hour, day or SLA policy. */
  groupBy?: ServiceMetricsGrouping;
  /** Tenant offset from UTC for hour and day buckets (default 0). */
  utcOffsetMinutes?: number;
  /** Step of the backlog series; hourly up to 7 days, daily beyond, when omitted. */
  backlogStep?: 'hour' | 'day';
}

/**
 * An incremental accumulator of service metrics: add events as they arrive (in any order,
 * duplicates included), read a snapshot for any period at any time.
 */
export interface ServiceMetrics {
  /**
   * Folds one timeline event in; adding the same event twice has no effect.
   * @param event - a timeline event
   */
  add(event: TimelineEvent): void;
  /**
   * The metrics of one tenant over a period.
   * @param query - tenant, period, grouping
   * @returns the figures
   * @throws MetricsInputError when the period is invalid
   */
  snapshot(query: ServiceMetricsQuery): ServiceMetricsSnapshot;
  /**
   * Contacts per channel per hour (repeats excluded): the history a volume forecast learns from.
   * @param tenantId - the tenant
   * @returns channel → hour start (epoch ms, UTC hour) → contacts
   */
  contactVolume(tenantId: string): Map<Channel, Map<number, number>>;
  /** Events folded in so far, duplicates excluded where detectable. */
  readonly eventCount: number;
}

interface CaseState {
  events: CaseEvent[];
  facts: CaseFacts | undefined;
}

interface SurveyRecord {
  id: string;
  at: number;
  kind: 'csat' | 'nps' | 'ces';
  score: number;
  channel: Channel | null;
  caseId: string | null;
}

interface TenantState {
  cases: Map<string, CaseState>;
  calls: Map<string, CallRecord>;
  surveys: Map<string, SurveyRecord>;
  orders: Map<string, { id: string; at: number }>;
  /** Inbound contacts not placed on a case, by event id. */
  looseContacts: Map<string, { at: number; channel: Channel; repeat: boolean }>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function insertSorted(events: CaseEvent[], event: CaseEvent): boolean {
  const last = events[events.length - 1];
  if (!last || compareCaseEvents(last, event) < 0) {
    events.push(event);
    return true;
  }
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareCaseEvents(events[middle] as CaseEvent, event) < 0) low = middle + 1;
    else high = middle;
  }
  if (events[low]?.id === event.id) return false;
  events.splice(low, 0, event);
  return true;
}

/**
 * Creates an incremental service-metrics accumulator.
 *
 * Each case keeps a compact, time-sorted list of the events metrics need; a case's facts are
 * re-derived only when one of its events arrived since the last snapshot, and the result
 * depends only on the set of events, never on arrival order.
 * @param options - first-contact-resolution reopen window
 * @returns the accumulator
 * @throws MetricsInputError when the reopen window is negative
 * @example
 * const metrics = createServiceMetrics();
 * bus.on('timeline.appended', (event) => metrics.add(event));
 * metrics.snapshot({ tenantId: 'shop-1', from: '2025-11-28T00:00:00Z', to: '2025-11-29T00:00:00Z', groupBy: 'channel' });
 */
export function createServiceMetrics(options: ServiceMetricsOptions = {}): ServiceMetrics {
  const reopenWindowHours = options.reopenWindowHours ?? 168;
  assertInRange('reopenWindowHours', reopenWindowHours, 0);
  const reopenWindowMs = reopenWindowHours * HOUR_MS;
  const tenants = new Map<string, TenantState>();
  let eventCount = 0;

  const tenantOf = (tenantId: string): TenantState => {
    let state = tenants.get(tenantId);
    if (!state) {
      state = { cases: new Map(), calls: new Map(), surveys: new Map(), orders: new Map(), looseContacts: new Map() };
      tenants.set(tenantId, state);
    }
    return state;
  };

  function add(event: TimelineEvent): void {
    const tenant = tenantOf(event.tenantId);
    const at = Date.parse(event.occurredAt);
    let counted = false;
    if (event.caseId !== null) {
      const caseEvent = toCaseEvent(event);
      if (caseEvent) {
        let state = tenant.cases.get(event.caseId);
        if (!state) {
          state = { events: [], facts: undefined };
          tenant.cases.set(event.caseId, state);
        }
        if (insertSorted(state.events, caseEvent)) {
          state.facts = undefined;
          counted = true;
        }
      }
    } else if (
      event.type === 'message.received' ||
      event.type === 'voicemail.left' ||
      event.type === 'ticket.opened' ||
      (event.type === 'call.started' && event.data.direction === 'inbound')
    ) {
      counted = !tenant.looseContacts.has(event.id);
      tenant.looseContacts.set(event.id, { at, channel: event.channel ?? 'other', repeat: event.repeatContact });
    }
    switch (event.type) {
      case 'call.started':
      case 'call.answered':
      case 'call.ended':
      case 'call.missed':
        tenant.calls.set(event.data.callId, foldCallEvent(tenant.calls.get(event.data.callId), event));
        break;
      case 'survey.answered': {
        const previous = tenant.surveys.get(event.data.surveyId);
        // The latest answer to a survey wins (a customer may change it).
        if (!previous || compareCaseEvents(previous, { at, id: event.id }) < 0) {
          tenant.surveys.set(event.data.surveyId, {
            id: event.id,
            at,
            kind: event.data.kind,
            score: event.data.score,
            channel: event.channel,
            caseId: event.caseId,
          });
          counted ||= !previous || previous.id !== event.id;
        }
        break;
      }
      case 'order.placed': {
        const previous = tenant.orders.get(event.data.orderId);
        if (!previous || compareCaseEvents({ at, id: event.id }, previous) < 0) {
          tenant.orders.set(event.data.orderId, { id: event.id, at });
          counted = true;
        }
        break;
      }
      default:
        break;
    }
    if (counted) eventCount++;
  }

  function snapshot(query: ServiceMetricsQuery): ServiceMetricsSnapshot {
    const fromMs = Date.parse(query.from);
    const toMs = Date.parse(query.to);
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new MetricsInputError('from and to must be ISO-8601 instants');
    if (toMs <= fromMs) throw new MetricsInputError('to must be after from');
    const offsetMs = (query.utcOffsetMinutes ?? 0) * 60_000;
    const tenant = tenants.get(query.tenantId) ?? tenantOf(query.tenantId);
    const groupBy = query.groupBy;
    const total = new FiguresBuilder();
    const groups = new Map<string, FiguresBuilder>();
    const bucketKeys = new Map<number, string>();
    const bucket = (at: number, size: number) => {
      const start = Math.floor((at + offsetMs) / size) * size - offsetMs;
      let key = bucketKeys.get(start);
      if (key === undefined) {
        key = new Date(start).toISOString();
        bucketKeys.set(start, key);
      }
      return key;
    };
    // Facts are routed to the total and, when grouping, to one group; a reused two-slot array
    // avoids allocating per fact (a snapshot of a million events touches a few hundred thousand).
    const targets: FiguresBuilder[] = [total, total];
    const route = (at: number, channel: Channel, policyId: string | undefined): number => {
      if (at < fromMs || at >= toMs) return 0;
      if (!groupBy) return 1;
      const key =
        groupBy === 'channel'
          ? channel
          : groupBy === 'policy'
            ? (policyId ?? 'none')
            : bucket(at, groupBy === 'hour' ? HOUR_MS : DAY_MS);
      let group = groups.get(key);
      if (!group) {
        group = new FiguresBuilder();
        groups.set(key, group);
      }
      targets[1] = group;
      return 2;
    };

    const backlogStepMs = (query.backlogStep ?? (toMs - fromMs <= 7 * DAY_MS ? 'hour' : 'day')) === 'hour' ? HOUR_MS : DAY_MS;
    const backlogPoints = Math.ceil((toMs - fromMs) / backlogStepMs);
    const backlogDiff = new Array<number>(backlogPoints + 1).fill(0);
    const pointIndex = (ms: number) => Math.min(backlogPoints, Math.max(0, Math.ceil((ms - fromMs) / backlogStepMs)));

    for (const state of tenant.cases.values()) {
      state.facts ??= deriveCaseFacts(state.events, reopenWindowMs);
      const facts = state.facts;
      const policy = facts.policyId;
      for (let slot = 0, count = route(facts.openedAt, facts.channel, policy); slot < count; slot++) {
        const builder = targets[slot] as FiguresBuilder;
        builder.casesOpened++;
        if (facts.firstReply) {
          builder.firstReply.push(facts.firstReply.seconds);
          if (facts.firstReply.businessSeconds !== undefined) builder.firstReplyBusiness.push(facts.firstReply.businessSeconds);
        }
      }
      for (const contact of facts.contacts) {
        for (let slot = 0, count = route(contact.at, contact.channel, policy); slot < count; slot++) (targets[slot] as FiguresBuilder).contacts++;
      }
      for (const contact of facts.repeatContacts) {
        for (let slot = 0, count = route(contact.at, contact.channel, policy); slot < count; slot++) (targets[slot] as FiguresBuilder).repeatContacts++;
      }
      const resolution = facts.resolution;
      if (resolution) {
        for (let slot = 0, count = route(resolution.at, facts.channel, policy); slot < count; slot++) {
          const builder = targets[slot] as FiguresBuilder;
          builder.resolution.push(resolution.seconds);
          if (resolution.businessSeconds !== undefined) builder.resolutionBusiness.push(resolution.businessSeconds);
          builder.solved++;
          if (resolution.deflected) builder.deflected++;
        }
      }
      const firstContact = facts.firstContactResolution;
      if (firstContact) {
        for (let slot = 0, count = route(firstContact.at, facts.channel, policy); slot < count; slot++) {
          const builder = targets[slot] as FiguresBuilder;
          builder.solvedWithAgent++;
          if (firstContact.resolved) builder.resolvedFirstContact++;
        }
      }
      for (const instance of facts.sla) {
        for (let slot = 0, count = route(instance.at, facts.channel, instance.policyId); slot < count; slot++) {
          (targets[slot] as FiguresBuilder).addSla(instance.metric, instance.outcome);
        }
      }
      for (const chat of facts.chats) {
        for (let slot = 0, count = route(chat.at, 'chat', policy); slot < count; slot++) (targets[slot] as FiguresBuilder).chatSeconds.push(chat.seconds);
      }
      for (const [start, end] of facts.openIntervals) {
        const first = pointIndex(start);
        const last = pointIndex(end);
        if (first < last) {
          backlogDiff[first] = (backlogDiff[first] as number) + 1;
          backlogDiff[last] = (backlogDiff[last] as number) - 1;
        }
      }
    }
    const casePolicy = (caseId: string | null) => (caseId === null ? undefined : tenant.cases.get(caseId)?.facts?.policyId);
    for (const contact of tenant.looseContacts.values()) {
      for (let slot = 0, count = route(contact.at, contact.channel, undefined); slot < count; slot++) {
        const builder = targets[slot] as FiguresBuilder;
        if (contact.repeat) builder.repeatContacts++;
        else builder.contacts++;
      }
    }
    for (const call of tenant.calls.values()) {
      if (call.direction === 'outbound' || (!call.answered && call.missedReason === undefined)) continue;
      for (let slot = 0, count = route(call.at, call.channel, casePolicy(call.caseId)); slot < count; slot++) {
        const builder = targets[slot] as FiguresBuilder;
        builder.callsOffered++;
        // Twilio answers an inbound call before queueing it, so a caller who hangs up in the queue
        // also gets a completed call leg (call.ended): the queue's call.missed decides.
        if (call.answered && call.missedReason === undefined) {
          builder.callsAnswered++;
          const wait = answerWaitOf(call);
          if (wait !== null) builder.answerWaits.push(wait);
          if (call.talkSeconds !== undefined) builder.talkSeconds.push(call.talkSeconds);
        } else if (call.missedReason === 'abandoned') {
          builder.callsAbandoned++;
          if (call.missedWait !== null && call.missedWait !== undefined) builder.abandonWaits.push(call.missedWait);
        }
      }
    }
    for (const survey of tenant.surveys.values()) {
      const channel = survey.channel ?? (survey.caseId === null ? undefined : tenant.cases.get(survey.caseId)?.facts?.channel) ?? 'other';
      for (let slot = 0, count = route(survey.at, channel, casePolicy(survey.caseId)); slot < count; slot++) {
        (targets[slot] as FiguresBuilder)[survey.kind].push(survey.score);
      }
    }
    for (const order of tenant.orders.values()) {
      if (order.at < fromMs || order.at >= toMs) continue;
      total.orders++;
      if ((groupBy === 'hour' || groupBy === 'day') && route(order.at, 'other', undefined) === 2) (targets[1] as FiguresBuilder).orders++;
    }

    const backlog: BacklogPoint[] = [];
    let open = 0;
    for (let index = 0; index < backlogPoints; index++) {
      open += backlogDiff[index] as number;
      backlog.push({ at: new Date(fromMs + index * backlogStepMs).toISOString(), open });
    }
    const totalFigures = total.build();
    const groupFigures = [...groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, builder]) => {
        const figures = builder.build();
        if (groupBy === 'channel' || groupBy === 'policy') {
          // Orders have no channel or policy: each group's contacts are set against all orders.
          figures.orders = {
            placed: totalFigures.orders.placed,
            contactsPerOrder: totalFigures.orders.placed === 0 ? Number.NaN : figures.contacts / totalFigures.orders.placed,
          };
        }
        return { key, figures };
      });
    return {
      tenantId: query.tenantId,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      total: totalFigures,
      groupBy,
      groups: groupFigures,
      backlog,
    };
  }

  function contactVolume(tenantId: string): Map<Channel, Map<number, number>> {
    const volume = new Map<Channel, Map<number, number>>();
    const count = (at: number, channel: Channel) => {
      let hours = volume.get(channel);
      if (!hours) {
        hours = new Map();
        volume.set(channel, hours);
      }
      const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
      hours.set(hour, (hours.get(hour) ?? 0) + 1);
    };
    const tenant = tenants.get(tenantId);
    if (!tenant) return volume;
    for (const state of tenant.cases.values()) {
      state.facts ??= deriveCaseFacts(state.events, reopenWindowMs);
      for (const contact of state.facts.contacts) count(contact.at, contact.channel);
    }
    for (const contact of tenant.looseContacts.values()) if (!contact.repeat) count(contact.at, contact.channel);
    return volume;
  }

  return {
    add,
    snapshot,
    contactVolume,
    get eventCount() {
      return eventCount;
    },
  };
}
