import type { Priority } from '../../model/primitives';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { type ResolvedSlaTarget, resolveSlaTargets } from '../policy/resolve-sla-targets';
import type { SlaPolicy } from '../policy/sla-policy-schema';
import { SLA_METRICS } from './metric-rules';
import type { SlaTargetTable } from './sla-clock-ledger';

/** The share of a target at which `sla.warning` fires unless told otherwise. */
export const DEFAULT_WARNING_SHARE = 0.75;

/** Calendars as the fold options give them: a map by id or a list. */
export type SlaCalendars = ReadonlyMap<string, BusinessCalendar> | readonly BusinessCalendar[];

/** A policy's resolved targets at one priority, with the calendars they were resolved against. */
interface ResolvedTable {
  readonly table: SlaTargetTable;
  /** The business-hours targets' calendars, to check a later fold gives the same ones. */
  readonly calendars: readonly ResolvedSlaTarget[];
}

/** Resolved targets by policy object and priority: folds under one configuration resolve each only once. */
const resolvedTables = new WeakMap<SlaPolicy, Map<Priority, ResolvedTable>>();

/** What every fold under one SLA configuration shares: policies, calendars and the warning share. */
export class SlaFoldContext {
  readonly policies: readonly SlaPolicy[];
  readonly warningShare: number;
  private readonly calendars: SlaCalendars;

  /**
   * Validates the warning share.
   *
   * @param policies - The ordered policies.
   * @param calendars - The calendars business-hours targets refer to.
   * @param warningShare - Share of a target at which `sla.warning` fires, in (0, 1].
   * @throws RangeError when the warning share is outside (0, 1].
   */
  constructor(policies: readonly SlaPolicy[], calendars: SlaCalendars, warningShare = DEFAULT_WARNING_SHARE) {
    if (!(warningShare > 0 && warningShare <= 1)) throw new RangeError(`warningShare must be in (0, 1], got ${warningShare}`);
    this.policies = policies;
    this.calendars = calendars;
    this.warningShare = warningShare;
  }

  /**
   * The targets a policy sets at a priority, by metric index.
   *
   * @param policy - One of the context's policies.
   * @param priority - The case's priority.
   * @returns The target table (resolved on first use, then shared while the calendars stay the same).
   * @throws SlaError (`unknown_calendar`) when a business-hours target names a calendar that is not given.
   */
  targetsOf(policy: SlaPolicy, priority: Priority): SlaTargetTable {
    let byPriority = resolvedTables.get(policy);
    if (byPriority === undefined) {
      byPriority = new Map();
      resolvedTables.set(policy, byPriority);
    }
    const cached = byPriority.get(priority);
    if (cached !== undefined && this.sameCalendars(cached)) return cached.table;
    const calendars = this.calendars instanceof Map ? this.calendars : new Map((this.calendars as readonly BusinessCalendar[]).map((calendar) => [calendar.id, calendar]));
    const resolved = resolveSlaTargets(policy, priority, SLA_METRICS, calendars);
    const table = SLA_METRICS.map((metric) => resolved.get(metric) ?? null);
    byPriority.set(priority, { table, calendars: [...resolved.values()].filter((target) => target.calendarId !== null) });
    return table;
  }

  private sameCalendars(cached: ResolvedTable): boolean {
    for (const target of cached.calendars) if (this.calendarById(target.calendarId!) !== target.calendar) return false;
    return true;
  }

  private calendarById(id: string): BusinessCalendar | undefined {
    const calendars = this.calendars;
    if (calendars instanceof Map) return calendars.get(id);
    const list = calendars as readonly BusinessCalendar[];
    // The last calendar with an id wins, as in a map built from the list.
    for (let index = list.length - 1; index >= 0; index--) if (list[index]!.id === id) return list[index];
    return undefined;
  }
}
