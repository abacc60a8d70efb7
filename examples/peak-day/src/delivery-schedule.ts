/**
 * When each planned event reaches Throughline: Twilio posts as things happen (its inbound
 * callbacks carry no timestamp of their own), Zendesk triggers fire within seconds, Shopify
 * webhooks arrive from seconds to an hour late and out of order. A share of deliveries is sent
 * twice, as platforms retry. Agent actions run in Throughline at their planned instant.
 */
import type { PeakDayPlan, PlannedEvent } from './peak-day-plan';
import type { SeededRandom } from './seeded-random';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One step of the run, in arrival order. */
export type ScheduledItem =
  /** The shop's own state changes (the Shopify API fake answers order lookups from it). */
  | { kind: 'shop-change'; at: number; event: PlannedEvent }
  /** A webhook delivery; `duplicate` marks a platform's retry of one already sent. */
  | { kind: 'delivery'; at: number; event: PlannedEvent; duplicate: boolean; order: number }
  /** An agent working in Throughline (reply on the customer's channel, solve). */
  | { kind: 'action'; at: number; event: PlannedEvent };

function lag(random: SeededRandom, source: string): number {
  if (source === 'twilio') return 0;
  if (source === 'zendesk') return (1 + random.next() * 19) * SECOND;
  const roll = random.next();
  if (roll < 0.6) return (1 + random.next() * 29) * SECOND;
  if (roll < 0.9) return (30 + random.next() * 570) * SECOND;
  return (10 + random.next() * 50) * MINUTE;
}

function retryDelay(random: SeededRandom, source: string): number {
  if (source === 'twilio') return (2 + random.next() * 13) * SECOND;
  // Zendesk signs with the original timestamp: a retry must land inside the 5-minute replay window.
  if (source === 'zendesk') return (20 + random.next() * 180) * SECOND;
  return (1 + random.next() * 29) * MINUTE;
}

const kindRank = { 'shop-change': 0, delivery: 1, action: 2 } as const;

/**
 * Schedules a plan's events as deliveries, retries and actions, in arrival order (ties shuffled).
 * @param plan - the generated day
 * @param random - the schedule's random stream
 * @param duplicateShare - share of deliveries sent twice (default 0.05)
 * @returns the items in the order the runner plays them
 * @example
 * scheduleDeliveries(plan, createSeededRandom(2026).fork('deliveries'));
 */
export function scheduleDeliveries(plan: PeakDayPlan, random: SeededRandom, duplicateShare = 0.05): ScheduledItem[] {
  const items: ScheduledItem[] = [];
  for (const event of plan.events) {
    const source = event.spec.source;
    if (source === 'agent') {
      items.push({ kind: 'action', at: event.at, event });
      continue;
    }
    if (source === 'shopify') items.push({ kind: 'shop-change', at: event.at, event });
    const arrival = Math.round(event.at + lag(random, source));
    items.push({ kind: 'delivery', at: arrival, event, duplicate: false, order: random.next() });
    if (random.chance(duplicateShare)) items.push({ kind: 'delivery', at: Math.round(arrival + retryDelay(random, source)), event, duplicate: true, order: random.next() });
  }
  return items.sort((a, b) => a.at - b.at || kindRank[a.kind] - kindRank[b.kind] || (a.kind === 'delivery' && b.kind === 'delivery' ? a.order - b.order : 0));
}
