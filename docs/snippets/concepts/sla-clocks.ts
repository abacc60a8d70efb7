import { createMemoryStore, createThroughline, type SlaSettings, type TenantApi, type Throughline, type ThroughlineClock } from '@throughline/core';

/**
 * An instance with one policy for VIPs and one for everyone else, on calendar time.
 * @param clock - a test clock, or the system clock when left out
 * @returns the instance
 */
export function withSlaPolicies(clock?: ThroughlineClock): Throughline {
  // #region policies
  const sla: SlaSettings = {
    policies: [
      {
        id: 'vip',
        conditions: { customerTiers: ['vip'] },
        targets: [{ metric: 'first_reply', priority: 'normal', targetMinutes: 30 }],
      },
      {
        id: 'standard',
        targets: [
          { metric: 'first_reply', priority: 'normal', targetMinutes: 120 },
          { metric: 'first_reply', priority: 'urgent', targetMinutes: 30 },
          { metric: 'total_resolution', priority: 'normal', targetMinutes: 3 * 24 * 60 },
        ],
      },
    ],
    calendars: [], // business-hours targets name a calendar: see docs/sla.md
    warningShare: 0.75, // `sla.warning` at 75 % of a target
  };
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [], sla, ...(clock ? { clock } : {}) });

  throughline.events.on('sla.warning', (event) => {
    if (event.type === 'sla.warning') console.log(`${event.data.metric} of ${event.caseId} is due at ${event.data.dueAt}`);
  });
  throughline.events.on('sla.breached', (event) => {
    if (event.type === 'sla.breached') console.log(`${event.data.metric} of ${event.caseId} breached`);
  });
  // #endregion policies
  return throughline;
}

/**
 * Prints a case's clocks and the tenant's next breaches.
 * @param acme - the tenant
 * @param caseId - a case
 */
export async function readClocks(acme: TenantApi, caseId: string): Promise<void> {
  // #region clocks
  for (const clock of await acme.sla.forCase(caseId)) {
    // first_reply active 5400000 ms left, policy standard
    console.log(clock.metric, clock.status, `${clock.remainingMs} ms left`, `policy ${clock.policyId}`);
  }
  // What breaches in the next two hours, soonest first, across the tenant's cases.
  for (const next of await acme.sla.dueSoon({ within: 2 * 3_600_000, limit: 20 })) {
    console.log(next.caseId, next.metric, next.dueAt, next.remainingMs);
  }
  // #endregion clocks
}

/**
 * Fires due warnings and breaches without in-process timers, as a serverless cron would.
 * @param sla - the SLA settings
 * @returns how many SLA events the tick appended
 */
export async function serverlessTick(sla: SlaSettings): Promise<number> {
  // #region serverless
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [], sla: { ...sla, timers: false } });
  // From a scheduled function, every minute:
  const fired = await throughline.sla?.tick(Date.now());
  // #endregion serverless
  await throughline.close();
  return fired ?? 0;
}
