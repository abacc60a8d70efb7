import type { SlaMetric } from '../../model/engine-event-data';
import type { Priority } from '../../model/primitives';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { SlaError } from '../sla-error';
import { targetOf } from './match-sla-policy';
import type { SlaPolicy } from './sla-policy-schema';

/** A policy target made ready to count: the limit in ms and the calendar to count it on. */
export interface ResolvedSlaTarget {
  readonly policyId: string;
  readonly targetMs: number;
  readonly businessHours: boolean;
  readonly calendarId: string | null;
  /** The calendar for business hours, or `null` for calendar time. */
  readonly calendar: BusinessCalendar | null;
}

/**
 * Resolves a policy's targets at one priority, by metric.
 *
 * @param policy - The applied policy.
 * @param priority - The case's priority.
 * @param metrics - The metrics to resolve.
 * @param calendars - Calendars by id.
 * @returns The targets the policy sets at that priority.
 * @throws SlaError (`unknown_calendar`) when a business-hours target names a calendar that is not given.
 */
export function resolveSlaTargets(
  policy: SlaPolicy,
  priority: Priority,
  metrics: readonly SlaMetric[],
  calendars: ReadonlyMap<string, BusinessCalendar>,
): ReadonlyMap<SlaMetric, ResolvedSlaTarget> {
  const resolved = new Map<SlaMetric, ResolvedSlaTarget>();
  for (const metric of metrics) {
    const target = targetOf(policy, metric, priority);
    if (!target) continue;
    const businessHours = target.businessHours === true;
    const calendarId = businessHours ? (target.calendarId ?? policy.calendarId ?? null) : null;
    const calendar = calendarId === null ? null : (calendars.get(calendarId) ?? null);
    if (calendarId !== null && calendar === null) {
      throw new SlaError('unknown_calendar', `Policy ${policy.id} needs calendar ${calendarId}, which was not given`);
    }
    resolved.set(metric, {
      policyId: policy.id,
      targetMs: Math.round(target.targetMinutes * 60_000),
      businessHours,
      calendarId,
      calendar,
    });
  }
  return resolved;
}
