/**
 * Generates a seeded, realistic Black Friday for one shop: shoppers and their orders and
 * shipments, who gets in touch and how, and how the team answers. Pure: the same seed and size
 * always give the same plan.
 */
import { contactChance, firstContactAt, JourneyPlanner, pickJourney } from './generate-journeys';
import { generatePeople } from './generate-people';
import type { PeakDayPlan, PlannedEvent } from './peak-day-plan';
import { createSeededRandom } from './seeded-random';
import { supportTimeZone } from './sla-settings';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** What to generate. */
export interface PeakDayPlanOptions {
  /** Seed of the pseudo-random generator. */
  seed: number;
  /** Number of shoppers (each with one order). */
  customers: number;
  /** The peak day, `YYYY-MM-DD` in the support time zone (default Black Friday 2026, `2026-11-27`). */
  date?: string;
}

/**
 * The offset of a time zone from UTC at an instant, in minutes (New York in late November: −300).
 * @param timeZone - an IANA zone
 * @param at - the instant
 * @returns the offset in minutes
 */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / MINUTE);
}

function comparePlanned(a: PlannedEvent, b: PlannedEvent): number {
  return a.at - b.at || a.person - b.person;
}

/**
 * Moves a person's events that share a second apart (one second each, in planned order), so the
 * order every platform reports them in is the order they were planned in.
 */
function separateTies(events: PlannedEvent[]): void {
  const byPerson = new Map<number, PlannedEvent[]>();
  for (const event of events) {
    const list = byPerson.get(event.person) ?? [];
    list.push(event);
    byPerson.set(event.person, list);
  }
  for (const list of byPerson.values()) {
    list.sort((a, b) => a.at - b.at);
    for (let index = 1; index < list.length; index++) {
      const previous = list[index - 1]!;
      const event = list[index]!;
      if (event.at <= previous.at) event.at = previous.at + 1000;
    }
  }
}

/**
 * Generates the peak day.
 * @param options - seed, number of shoppers and date
 * @returns the plan: people, events in time order (order history first), and the day's bounds
 * @example
 * const plan = generatePeakDay({ seed: 7, customers: 60 });
 */
export function generatePeakDay(options: PeakDayPlanOptions): PeakDayPlan {
  const date = options.date ?? '2026-11-27';
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const utcOffsetMinutes = zoneOffsetMinutes(supportTimeZone, midnightUtc + 12 * 3_600_000);
  const from = midnightUtc - utcOffsetMinutes * MINUTE;
  const to = from + DAY;
  const random = createSeededRandom(options.seed);
  const { people, events } = generatePeople(random.fork('people'), options.customers, from);
  const contacts = random.fork('contacts');
  for (const person of people) {
    if (!contacts.chance(contactChance(person))) continue;
    const placedAt = Date.parse(person.order.createdAt);
    const delayNotice = person.order.fulfillments.find((fulfillment) => fulfillment.shipmentStatus === 'delayed');
    const notBefore = Math.max(from, placedAt + 30 * MINUTE, delayNotice ? Date.parse(delayNotice.updatedAt) + 10 * MINUTE : 0);
    const start = firstContactAt({ random: contacts, dayStart: from }, notBefore);
    if (start === null) continue;
    person.journey = pickJourney(contacts, person);
    const planner = new JourneyPlanner({ random: contacts, dayStart: from }, person);
    planner.plan(person.journey, start);
    events.push(...planner.events);
  }
  separateTies(events);
  // The simulation stops at midnight: what would happen later is not part of the day.
  const planned = events.filter((event) => event.at < to).sort(comparePlanned);
  return { seed: options.seed, day: { from, to, date, timeZone: supportTimeZone, utcOffsetMinutes }, people, events: planned };
}
