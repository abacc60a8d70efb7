import type { BusinessCalendar, DueSoonEntry, SlaClock, SlaPolicy, TenantApi, Throughline, ThroughlineClock } from '@throughline/core';
// #region engine
import { createMemoryStore, createThroughline, type SlaSettings } from '@throughline/core';

// #endregion engine
/**
 * An instance that runs SLA clocks inside ingest, as the guide sets it up.
 * @param policies - the ordered policies
 * @param calendar - the calendar business-hours targets count on
 * @param clock - a test clock, or the system clock when left out
 * @returns the instance
 */
export function supportDesk(policies: SlaPolicy[], calendar: BusinessCalendar, clock?: ThroughlineClock): Throughline {
  // #region engine
  const sla: SlaSettings = {
    policies,              // ordered: the first whose conditions hold applies
    calendars: [calendar], // the calendars business-hours targets name
    warningShare: 0.75,    // `sla.warning` at 75 % of a target (the default)
    timers: true,          // an in-process timer fires warnings and breaches at their instant (the default)
  };
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [], sla, ...(clock ? { clock } : {}) });

  // Each SLA event is appended to the case's timeline and announced once, after its transaction commits.
  throughline.events.on('sla.breached', (event) => {
    if (event.type === 'sla.breached') console.log(`${event.data.metric} of ${event.caseId} breached at ${event.occurredAt}`);
  });
  // #endregion engine
  return throughline;
}

/**
 * Reads a case's clocks and the tenant's next breaches.
 * @param acme - the tenant
 * @param caseId - a case
 * @returns the case's clocks and the breaches due in the next two hours
 */
export async function readClocks(acme: TenantApi, caseId: string): Promise<{ clocks: SlaClock[]; next: DueSoonEntry[] }> {
  // #region queries
  const clocks = await acme.sla.forCase(caseId);                                   // folded from the case's events, as of now
  const next = await acme.sla.dueSoon({ within: 2 * 3_600_000, limit: 20 });       // breach timers due within two hours, soonest first
  // #endregion queries
  return { clocks, next };
}

/**
 * Fires what is due without an in-process timer, as a serverless cron would.
 * @param throughline - an instance created with `timers: false`
 * @param now - the instant to fire up to, epoch ms
 * @returns how many SLA events were appended
 */
export async function cronTick(throughline: Throughline, now: number): Promise<number> {
  // #region serverless
  // createThroughline({ …, sla: { ...sla, timers: false } }), then from a scheduled function, every minute:
  const appended = (await throughline.sla?.tick(now)) ?? 0;
  // #endregion serverless
  return appended;
}
