/**
 * The day's summary, computed from what the store holds (the tenant's timeline), with the core's
 * service-metrics module: nothing here reads the generator's own counters.
 */
import {
  createServiceMetrics,
  type DurationDistribution,
  type ServiceMetricsFigures,
  type SlaMetric,
  type TimelineEvent,
  type TimelineStore,
} from '@throughline/core';

/** SLA attainment of one metric on one channel. */
export interface SlaAttainmentRow {
  /** A channel, or `all`. */
  channel: string;
  metric: SlaMetric;
  achieved: number;
  breached: number;
  active: number;
  /** achieved ÷ (achieved + breached); NaN when no clock finished. */
  attainment: number;
}

/** One local hour of the day. */
export interface HourRow {
  /** Start of the hour (ISO-8601, UTC). */
  at: string;
  /** Local label, `09:00`. */
  label: string;
  contacts: number;
  repeatContacts: number;
  ordersPlaced: number;
  /** Cases open at the start of the hour. */
  backlog: number;
  breaches: number;
  callsOffered: number;
  callsAbandoned: number;
}

/** What the day came to, read from the store. */
export interface PeakDaySummary {
  /** Customers on the tenant's timelines (merged customers count once). */
  customers: number;
  /**
   * Customer ids events still name although the store no longer holds the customer (SLA events
   * keep the customer their case had when they were first written; see docs/peak-day.md).
   */
  staleCustomerIds: number;
  /** Automatic merges: one person recognised across channels. */
  mergesAcrossChannels: number;
  /** Merges identity resolution proposed but would not make alone (shared household phones). */
  mergeProposals: number;
  cases: number;
  contacts: number;
  repeatContacts: number;
  ordersPlaced: number;
  /** `sla.breached` events on the day. */
  breaches: number;
  /** Attainment per channel and metric, then `all` per metric. */
  sla: SlaAttainmentRow[];
  /** First reply time (calendar seconds) of cases opened on the day, from the metrics module. */
  firstReply: DurationDistribution;
  /** First reply time of each case that got one, seconds (for the distribution chart). */
  firstReplySeconds: number[];
  calls: ServiceMetricsFigures['calls'];
  voicemails: number;
  csat: ServiceMetricsFigures['csat'];
  firstContactResolution: ServiceMetricsFigures['firstContactResolution'];
  hours: HourRow[];
}

const HOUR = 3_600_000;
const inboundTypes = new Set(['message.received', 'voicemail.left', 'ticket.opened']);

function isInbound(event: TimelineEvent): boolean {
  return inboundTypes.has(event.type) || (event.type === 'call.started' && event.data.direction === 'inbound');
}

function isAgentReply(event: TimelineEvent): boolean {
  return (event.type === 'message.sent' && event.actor.kind === 'agent') || (event.type === 'call.answered' && event.actor.kind !== 'bot');
}

function slaRows(channel: string, figures: ServiceMetricsFigures): SlaAttainmentRow[] {
  return (Object.entries(figures.sla) as Array<[SlaMetric, NonNullable<ServiceMetricsFigures['sla'][SlaMetric]>]>).map(([metric, value]) => ({ channel, metric, ...value }));
}

/**
 * Reads the day back from the store and computes the summary.
 * @param store - the store the demo wrote
 * @param options - tenant, the day's bounds, the zone offset and the open merge proposals
 * @returns the summary
 * @example
 * const summary = await summarisePeakDay(store, { tenantId: 'acme', from, to, utcOffsetMinutes: -300, mergeProposals: 0 });
 */
export async function summarisePeakDay(
  store: TimelineStore,
  options: { tenantId: string; from: number; to: number; utcOffsetMinutes: number; mergeProposals: number },
): Promise<PeakDaySummary> {
  const { tenantId, from, to } = options;
  const metrics = createServiceMetrics();
  const customers = new Set<string>();
  const voicemails = new Set<string>();
  const caseTimes = new Map<string, { openedAt: number; replies: number[] }>();
  const breachesByHour = new Array<number>(24).fill(0);
  let merges = 0;
  let breaches = 0;
  for await (const event of store.scanEvents(tenantId)) {
    metrics.add(event);
    customers.add(event.customerId);
    const at = Date.parse(event.occurredAt);
    if (event.type === 'identity.merged' && event.data.kind === 'automatic') merges++;
    const inDay = at >= from && at < to;
    if (event.type === 'sla.breached' && inDay) {
      breaches++;
      breachesByHour[Math.floor((at - from) / HOUR)]!++;
    }
    if (event.type === 'voicemail.left' && inDay) voicemails.add(event.data.recordingId);
    if (event.caseId !== null && (isInbound(event) || isAgentReply(event))) {
      const times = caseTimes.get(event.caseId) ?? { openedAt: Number.POSITIVE_INFINITY, replies: [] };
      if (isInbound(event)) times.openedAt = Math.min(times.openedAt, at);
      else times.replies.push(at);
      caseTimes.set(event.caseId, times);
    }
  }
  const query = { tenantId, from: new Date(from).toISOString(), to: new Date(to).toISOString(), utcOffsetMinutes: options.utcOffsetMinutes, backlogStep: 'hour' as const };
  const total = metrics.snapshot(query);
  const byChannel = metrics.snapshot({ ...query, groupBy: 'channel' });
  const byHour = metrics.snapshot({ ...query, groupBy: 'hour' });

  const firstReplySeconds: number[] = [];
  for (const times of caseTimes.values()) {
    if (times.openedAt < from || times.openedAt >= to) continue;
    const first = times.replies.filter((at) => at >= times.openedAt).sort((a, b) => a - b)[0];
    if (first !== undefined && first < to) firstReplySeconds.push((first - times.openedAt) / 1000);
  }
  const hourFigures = new Map(byHour.groups.map((group) => [Date.parse(group.key), group.figures]));
  const hours: HourRow[] = Array.from({ length: 24 }, (_, hour) => {
    const start = from + hour * HOUR;
    const figures = hourFigures.get(start);
    return {
      at: new Date(start).toISOString(),
      label: `${String(hour).padStart(2, '0')}:00`,
      contacts: figures?.contacts ?? 0,
      repeatContacts: figures?.repeatContacts ?? 0,
      ordersPlaced: figures?.orders.placed ?? 0,
      backlog: total.backlog[hour]?.open ?? 0,
      breaches: breachesByHour[hour] ?? 0,
      callsOffered: figures?.calls.offered ?? 0,
      callsAbandoned: figures?.calls.abandoned ?? 0,
    };
  });
  // Merged customers count once: follow each id to the customer that absorbed it.
  const survivors = new Set<string>();
  let staleCustomerIds = 0;
  for (const id of customers) {
    let customer = await store.getCustomer(tenantId, id);
    for (let hops = 0; customer?.mergedInto && hops < 100; hops++) customer = await store.getCustomer(tenantId, customer.mergedInto);
    if (customer) survivors.add(customer.id);
    else staleCustomerIds++;
  }
  return {
    customers: survivors.size,
    staleCustomerIds,
    mergesAcrossChannels: merges,
    mergeProposals: options.mergeProposals,
    cases: total.total.casesOpened,
    contacts: total.total.contacts,
    repeatContacts: total.total.repeatContacts,
    ordersPlaced: total.total.orders.placed,
    breaches,
    sla: [...byChannel.groups.flatMap((group) => slaRows(group.key, group.figures)), ...slaRows('all', total.total)],
    firstReply: total.total.firstReply,
    firstReplySeconds,
    calls: total.total.calls,
    voicemails: voicemails.size,
    csat: total.total.csat,
    firstContactResolution: total.total.firstContactResolution,
    hours,
  };
}
