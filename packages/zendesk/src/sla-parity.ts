import type { SlaMetric } from '@throughline/core/adapter';
import { zendeskId } from './map-identities';
import type { ZendeskTicketMetricEvent } from './zendesk-api-types';

/** One of Zendesk's SLA clocks on a ticket, read from its exported `ticket_metric_events`. */
export interface ZendeskSlaClock {
  /** The Zendesk ticket id. */
  ticketId: string;
  /** The metric. */
  metric: SlaMetric;
  /** 1 for the metric's first clock on the ticket, then 2, 3, … (next replies are numbered from 1). */
  instance: number;
  /** The Zendesk policy that applied the target. */
  policyId: string | null;
  /** The target, in minutes. */
  targetMinutes: number | null;
  /** Whether the target counts business hours. */
  businessHours: boolean | null;
  /** When the clock was last fulfilled (null while it runs or was re-activated since). */
  fulfilledAt: string | null;
  /** The breach instant Zendesk scheduled (latest one not deleted), or null. */
  breachAt: string | null;
}

/** A Throughline clock reduced to what the parity check compares. */
export interface ComparableSlaClock {
  /** The Zendesk ticket the case maps to. */
  ticketId: string;
  /** The metric. */
  metric: SlaMetric;
  /** 1 for the metric's first clock on the ticket, then 2, 3, … (next replies are numbered from 1). */
  instance: number;
  /** When the clock was fulfilled (ISO-8601); null while it runs. */
  fulfilledAt: string | null;
  /** When it breached or will breach (ISO-8601); null when fulfilled in time. */
  breachAt: string | null;
}

/** One place where Throughline's clocks and Zendesk's disagree. */
export interface SlaParityDifference {
  /** The ticket. */
  ticketId: string;
  /** The metric. */
  metric: SlaMetric;
  /** Which clock of the metric. */
  instance: number;
  /** What differs: the fulfil instant, the breach instant, or a clock only one side has. */
  kind: 'fulfilled_at' | 'breach_at' | 'missing_in_throughline' | 'missing_in_zendesk';
  /** Zendesk's instant (ISO-8601), or null. */
  zendesk: string | null;
  /** Throughline's instant (ISO-8601), or null. */
  throughline: string | null;
  /** Throughline minus Zendesk in ms, when both have an instant. */
  deltaMs: number | null;
}

/** The outcome of a parity check. */
export interface SlaParityReport {
  /** Zendesk clocks compared. */
  compared: number;
  /** Of those, clocks both sides agree on. */
  matching: number;
  /** Every disagreement. */
  differences: SlaParityDifference[];
}

const metricNames: Readonly<Record<string, SlaMetric>> = {
  agent_work_time: 'agent_work',
  requester_wait_time: 'requester_wait',
  periodic_update_time: 'periodic_update',
  pausable_update_time: 'pausable_update',
  resolution_time: 'total_resolution',
};

/**
 * Reads Zendesk's own SLA clocks from exported ticket metric events
 * (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-metric-event-types-reference/):
 * `reply_time` instance 1 is the first reply, later instances are next replies (renumbered from 1);
 * only clocks an SLA was applied to are kept.
 *
 * @param events - metric events of one or more tickets, in any order
 * @returns one clock per ticket, metric and instance
 * @example
 * ```ts
 * const zendeskClocks = readZendeskSlaClocks(metricEvents); // rows of `incremental/ticket_metric_events`
 * zendeskClocks.filter((clock) => clock.breachAt !== null); // the clocks Zendesk says breached (or will)
 * ```
 */
export function readZendeskSlaClocks(events: ReadonlyArray<ZendeskTicketMetricEvent>): ZendeskSlaClock[] {
  const clocks = new Map<string, ZendeskSlaClock>();
  const ordered = [...events].sort((left, right) => Date.parse(left.time) - Date.parse(right.time) || String(left.id).localeCompare(String(right.id)));
  for (const event of ordered) {
    const metric = event.metric === 'reply_time' ? (event.instance_id <= 1 ? 'first_reply' : 'next_reply') : metricNames[event.metric];
    if (!metric) continue;
    const instance = event.metric === 'reply_time' && event.instance_id > 1 ? event.instance_id - 1 : event.instance_id;
    const ticketId = zendeskId(event.ticket_id)!;
    const key = `${ticketId}|${metric}|${instance}`;
    const clock = clocks.get(key) ?? {
      ticketId,
      metric,
      instance,
      policyId: null,
      targetMinutes: null,
      businessHours: null,
      fulfilledAt: null,
      breachAt: null,
    };
    clocks.set(key, clock);
    const at = new Date(event.time).toISOString();
    if (event.type === 'apply_sla' && event.sla) {
      clock.policyId = event.sla.policy ? String(event.sla.policy.id) : null;
      clock.targetMinutes = event.sla.target_in_seconds ? event.sla.target_in_seconds / 60 : (event.sla.target ?? null);
      clock.businessHours = event.sla.business_hours ?? null;
    } else if (event.type === 'breach' && event.deleted !== true) {
      clock.breachAt = at;
    } else if (event.type === 'fulfill') {
      clock.fulfilledAt = at;
    } else if (event.type === 'activate') {
      clock.fulfilledAt = null;
    }
  }
  return [...clocks.values()].filter((clock) => clock.policyId !== null || clock.targetMinutes !== null);
}

/**
 * Compares Throughline's clocks with Zendesk's on the same tickets: fulfil and breach instants must
 * agree within the tolerance (Zendesk counts in whole minutes), and each side's clocks must exist on the other.
 *
 * @param zendesk - clocks from `readZendeskSlaClocks`
 * @param throughline - Throughline's clocks for the same tickets (a breach instant only when one is due or past)
 * @param options - tolerance in ms (default 60 000)
 * @returns how many clocks were compared, how many matched, and every difference
 * @example
 * ```ts
 * const report = compareSlaClocks(readZendeskSlaClocks(metricEvents), throughlineClocks, { toleranceMs: 60_000 });
 * for (const difference of report.differences) console.log(difference.ticketId, difference.metric, difference.kind, difference.deltaMs);
 * ```
 */
export function compareSlaClocks(
  zendesk: ReadonlyArray<ZendeskSlaClock>,
  throughline: ReadonlyArray<ComparableSlaClock>,
  options: { toleranceMs?: number } = {},
): SlaParityReport {
  const tolerance = options.toleranceMs ?? 60_000;
  const key = (clock: { ticketId: string; metric: SlaMetric; instance: number }) => `${clock.ticketId}|${clock.metric}|${clock.instance}`;
  const ours = new Map(throughline.map((clock) => [key(clock), clock]));
  const differences: SlaParityDifference[] = [];
  let matching = 0;
  const instant = (value: string | null) => (value === null ? null : Date.parse(value));
  for (const theirs of zendesk) {
    const mine = ours.get(key(theirs));
    ours.delete(key(theirs));
    const base = { ticketId: theirs.ticketId, metric: theirs.metric, instance: theirs.instance };
    if (!mine) {
      differences.push({ ...base, kind: 'missing_in_throughline', zendesk: theirs.breachAt ?? theirs.fulfilledAt, throughline: null, deltaMs: null });
      continue;
    }
    let agrees = true;
    for (const [kind, zendeskValue, throughlineValue] of [
      ['fulfilled_at', theirs.fulfilledAt, mine.fulfilledAt],
      ['breach_at', theirs.breachAt, mine.breachAt],
    ] as const) {
      const left = instant(zendeskValue);
      const right = instant(throughlineValue);
      const same = left === null || right === null ? left === right : Math.abs(right - left) <= tolerance;
      if (same) continue;
      agrees = false;
      differences.push({ ...base, kind, zendesk: zendeskValue, throughline: throughlineValue, deltaMs: left !== null && right !== null ? right - left : null });
    }
    if (agrees) matching += 1;
  }
  for (const mine of ours.values()) {
    differences.push({ ticketId: mine.ticketId, metric: mine.metric, instance: mine.instance, kind: 'missing_in_zendesk', zendesk: null, throughline: mine.breachAt ?? mine.fulfilledAt, deltaMs: null });
  }
  return { compared: zendesk.length, matching, differences };
}
