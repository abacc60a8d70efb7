import type { BusinessCalendar, CaseSla, Customer, SlaPolicy, TimelineEvent } from '@throughline/core';
// #region fold
import { foldCaseSla } from '@throughline/core';

// #endregion fold
/**
 * Folds a case's timeline into its clocks, as the guide shows.
 * @param caseEvents - the case's timeline events
 * @param policies - the ordered policies
 * @param calendar - the calendar business-hours targets count on
 * @param customer - the case's customer (for tier conditions)
 * @param now - the instant to evaluate at, epoch ms
 * @returns the clocks, SLA events and pending warnings and breaches
 */
export function foldOneCase(caseEvents: TimelineEvent[], policies: SlaPolicy[], calendar: BusinessCalendar, customer: Customer, now: number): CaseSla | undefined {
  // #region fold
  const sla = foldCaseSla(caseEvents, { policies, calendars: [calendar], now, customerTier: customer.tier });
  sla?.clocks;   // per clock: status active | paused | breached | fulfilled, dueAt, warningAt, elapsedMs, remainingMs
  sla?.events;   // sla.applied / sla.warning / sla.breached / sla.fulfilled up to `now`, as timeline events
  sla?.pending;  // warnings and breaches after `now`: { at, event }
  // #endregion fold
  return sla;
}
