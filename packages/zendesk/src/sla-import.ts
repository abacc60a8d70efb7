import type { Channel, Priority, SlaMetric } from '@throughline/core/adapter';
import { channelFromVia } from './map-channel';
import { zendeskId } from './map-identities';
import { priorityFromZendesk } from './map-status';
import {
  type ZendeskHoliday,
  type ZendeskSchedule,
  type ZendeskSlaPolicy,
  zendeskHolidaySchema,
  zendeskScheduleSchema,
  zendeskSlaPolicySchema,
} from './zendesk-api-types';
import type { ZendeskRestClient } from './zendesk-rest-client';
import { ianaTimeZoneOf } from './zendesk-time-zones';

// Plain JSON shapes of Throughline's business calendars and SLA policies (validated by the engine's
// `businessCalendarSchema` and `slaPolicySchema`); adapters do not import the engine.

/** An opening interval, `HH:MM` to `HH:MM` (`24:00` closes at midnight). */
export interface ImportedOpeningHours {
  /** When the interval opens, `HH:MM`. */
  opens: string;
  /** When it closes, `HH:MM` (`24:00` for midnight). */
  closes: string;
}
/** Weekday names as the calendar schema spells them. */
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
/** A business calendar definition imported from a Zendesk schedule. */
export interface ImportedBusinessCalendar {
  /** `zendesk-schedule-<id>`. */
  id: string;
  /** The schedule's name in Zendesk. */
  name: string;
  /** The IANA time zone, such as `Europe/Berlin` (Zendesk's Rails zone name translated). */
  timeZone: string;
  /** Opening intervals per weekday; a day left out is closed. */
  weeklyHours: Partial<Record<Weekday, ImportedOpeningHours[]>>;
  /** The schedule's holidays: closed from `date` through `through` (inclusive). */
  holidays: Array<{
    /** First closed day, `YYYY-MM-DD`. */
    date: string;
    /** Last closed day, `YYYY-MM-DD`, when the holiday lasts more than one day. */
    through?: string;
    /** The holiday's name. */
    name?: string;
  }>;
}
/** An SLA target imported from a Zendesk policy metric. */
export interface ImportedSlaTarget {
  /** The metric, in Throughline's (Zendesk-compatible) names. */
  metric: SlaMetric;
  /** The ticket priority the target applies to. */
  priority: Priority;
  /** The target, in minutes (fractions when Zendesk gave seconds). */
  targetMinutes: number;
  /** Whether the target counts business hours of the policy's calendar; calendar time when left out. */
  businessHours?: boolean;
}
/** An SLA policy imported from Zendesk, in Throughline's policy shape. */
export interface ImportedSlaPolicy {
  /** `zendesk-sla-<id>`. */
  id: string;
  /** The policy's title in Zendesk. */
  name: string;
  /** What a case must match for the policy to apply; every case when left out. */
  conditions?: {
    /** Case priorities the policy applies to. */
    priorities?: Priority[];
    /** Channels the policy applies to (from Zendesk's `via_id` conditions). */
    channels?: Channel[];
    /** Tags the case must carry: all of `all`, at least one of `any`, none of `none`. */
    tags?: {
      /** Tags the case must all carry. */
      all?: string[];
      /** Tags of which the case must carry at least one. */
      any?: string[];
      /** Tags the case must not carry. */
      none?: string[];
    };
  };
  /** The calendar business-hours targets count on. */
  calendarId?: string;
  /** The targets, one per metric and priority. */
  targets: ImportedSlaTarget[];
}
/** A policy left out, and why. */
export interface SkippedSlaPolicy {
  /** Zendesk's id of the policy. */
  zendeskPolicyId: string;
  /** Its title in Zendesk. */
  title: string;
  /** Why it was left out, such as a filter on groups or organisations. */
  reason: string;
}

const weekdays: ReadonlyArray<Weekday> = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Zendesk metric names → Throughline's. */
export const zendeskSlaMetrics: Readonly<Record<string, SlaMetric>> = {
  first_reply_time: 'first_reply',
  next_reply_time: 'next_reply',
  periodic_update_time: 'periodic_update',
  pausable_update_time: 'pausable_update',
  requester_wait_time: 'requester_wait',
  agent_work_time: 'agent_work',
  total_resolution_time: 'total_resolution',
};

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Converts a Zendesk schedule (intervals in minutes since Sunday 00:00, a Rails time-zone name) and its
 * holidays into a business calendar definition.
 *
 * @param schedule - the schedule
 * @param holidays - its holidays (dates inclusive)
 * @returns the calendar definition, id `zendesk-schedule-<id>`
 * @throws {RangeError} when the time zone is unknown
 * @example
 * ```ts
 * calendarFromZendeskSchedule({ id: 1, name: 'EU', time_zone: 'Berlin', intervals: [{ start_time: 1980, end_time: 2460 }] }, []);
 * ```
 */
export function calendarFromZendeskSchedule(schedule: ZendeskSchedule, holidays: ReadonlyArray<ZendeskHoliday>): ImportedBusinessCalendar {
  const timeZone = ianaTimeZoneOf(schedule.time_zone);
  if (!timeZone) throw new RangeError(`Unknown Zendesk time zone "${schedule.time_zone}"`);
  const weeklyHours: Partial<Record<Weekday, ImportedOpeningHours[]>> = {};
  const intervals = [...(schedule.intervals ?? [])].sort((left, right) => left.start_time - right.start_time);
  for (const interval of intervals) {
    const day = Math.floor(interval.start_time / 1440);
    const weekday = weekdays[day % 7]!;
    const opens = interval.start_time - day * 1440;
    const closes = Math.min(1440, interval.end_time - day * 1440);
    if (closes <= opens) continue;
    const hours = weeklyHours[weekday] ?? [];
    hours.push({ opens: clock(opens), closes: clock(closes) });
    weeklyHours[weekday] = hours;
  }
  return {
    id: `zendesk-schedule-${String(schedule.id)}`,
    name: schedule.name,
    timeZone,
    weeklyHours,
    holidays: holidays.map((holiday) => ({
      date: holiday.start_date,
      ...(holiday.end_date && holiday.end_date !== holiday.start_date ? { through: holiday.end_date } : {}),
      ...(holiday.name ? { name: holiday.name } : {}),
    })),
  };
}

const priorityRank: ReadonlyArray<Priority> = ['low', 'normal', 'high', 'urgent'];

type Conditions = NonNullable<ImportedSlaPolicy['conditions']>;

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value === null || value === undefined ? [] : [String(value)];
}

function intersect<T>(current: T[] | undefined, next: T[]): T[] {
  return current ? current.filter((value) => next.includes(value)) : next;
}

// Filter conditions (https://developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/#filter):
// priority, tags and channel translate; group, organisation, brand, form and custom fields do not.
function applyAllCondition(conditions: Conditions, condition: { field: string; operator: string; value?: unknown }): string | null {
  const { field, operator, value } = condition;
  if (field === 'priority') {
    const priority = priorityFromZendesk(value);
    if (!priority) return `priority value ${String(value)}`;
    const rank = priorityRank.indexOf(priority);
    const allowed =
      operator === 'is'
        ? [priority]
        : operator === 'is_not'
          ? priorityRank.filter((candidate) => candidate !== priority)
          : operator === 'less_than'
            ? priorityRank.slice(0, rank)
            : operator === 'greater_than'
              ? priorityRank.slice(rank + 1)
              : null;
    if (!allowed) return `priority operator ${operator}`;
    conditions.priorities = intersect(conditions.priorities, allowed);
    return null;
  }
  if (field === 'current_tags' || field === 'tags') {
    const tags = listOf(value);
    conditions.tags ??= {};
    if (operator === 'includes') {
      // "Contains at least one of": several such conditions all have to hold, which `any` alone cannot say.
      if (conditions.tags.any) return 'two "tags contain at least one of" conditions';
      if (tags.length === 1) conditions.tags.all = [...(conditions.tags.all ?? []), ...tags];
      else conditions.tags.any = tags;
      return null;
    }
    if (operator === 'not_includes') {
      conditions.tags.none = [...(conditions.tags.none ?? []), ...tags];
      return null;
    }
    return `tags operator ${operator}`;
  }
  if (field === 'via_id' && operator === 'is') {
    conditions.channels = intersect(conditions.channels, [channelFromVia(String(value))]);
    return null;
  }
  return `condition on ${field}`;
}

function applyAnyConditions(conditions: Conditions, any: ReadonlyArray<{ field: string; operator: string; value?: unknown }>): string | null {
  if (any.length === 0) return null;
  const fields = new Set(any.map((condition) => `${condition.field}/${condition.operator}`));
  if (fields.size !== 1) return '"any" conditions across different fields';
  const [field] = [...fields];
  if (field === 'priority/is') {
    conditions.priorities = intersect(conditions.priorities, any.map((condition) => priorityFromZendesk(condition.value)).filter((p): p is Priority => p !== null));
    return null;
  }
  if (field === 'current_tags/includes' || field === 'tags/includes') {
    if (conditions.tags?.any) return 'tags in both "all" and "any"';
    conditions.tags = { ...conditions.tags, any: any.flatMap((condition) => listOf(condition.value)) };
    return null;
  }
  if (field === 'via_id/is') {
    conditions.channels = intersect(conditions.channels, [...new Set(any.map((condition) => channelFromVia(String(condition.value))))]);
    return null;
  }
  return `"any" condition on ${field}`;
}

/**
 * Converts Zendesk SLA policies (ordered by `position`) into Throughline policies. A policy whose filter
 * uses conditions Throughline cannot express (groups, organisations, brands, custom fields) is skipped
 * with its reason rather than imported with a looser filter that would match tickets it should not.
 *
 * @param policies - the Zendesk policies
 * @param options - the calendar business-hours targets count on (the account's default schedule)
 * @returns the imported policies in match order, and the skipped ones
 * @example
 * ```ts
 * const { policies, skipped } = policiesFromZendesk(zendeskPolicies, { calendarId: 'zendesk-schedule-1' });
 * for (const policy of skipped) console.warn(`${policy.title} not imported: ${policy.reason}`);
 * ```
 */
export function policiesFromZendesk(
  policies: ReadonlyArray<ZendeskSlaPolicy>,
  options: { calendarId?: string },
): {
  /** The policies Throughline can express, in match order. */
  policies: ImportedSlaPolicy[];
  /** The policies left out, with the reason. */
  skipped: SkippedSlaPolicy[];
} {
  const imported: ImportedSlaPolicy[] = [];
  const skipped: SkippedSlaPolicy[] = [];
  const ordered = [...policies].sort((left, right) => (left.position ?? Number.MAX_SAFE_INTEGER) - (right.position ?? Number.MAX_SAFE_INTEGER));
  for (const policy of ordered) {
    const zendeskPolicyId = String(policy.id);
    const conditions: Conditions = {};
    const problems = [
      ...(policy.filter?.all ?? []).map((condition) => applyAllCondition(conditions, condition)),
      applyAnyConditions(conditions, policy.filter?.any ?? []),
    ].filter((problem): problem is string => problem !== null);
    const targets: ImportedSlaTarget[] = [];
    for (const metric of policy.policy_metrics ?? []) {
      const name = zendeskSlaMetrics[metric.metric];
      const priority = priorityFromZendesk(metric.priority);
      const minutes = metric.target_in_seconds ? metric.target_in_seconds / 60 : metric.target;
      if (!name || !priority || !minutes || minutes <= 0) continue;
      targets.push({ metric: name, priority, targetMinutes: minutes, ...(metric.business_hours ? { businessHours: true } : {}) });
    }
    const needsCalendar = targets.some((target) => target.businessHours);
    if (needsCalendar && !options.calendarId) problems.push('business-hours targets but no schedule to count them on');
    if (problems.length > 0) {
      skipped.push({ zendeskPolicyId, title: policy.title, reason: problems.join('; ') });
      continue;
    }
    const hasConditions = Object.keys(conditions).length > 0;
    imported.push({
      id: `zendesk-sla-${zendeskPolicyId}`,
      name: policy.title,
      ...(hasConditions ? { conditions } : {}),
      ...(needsCalendar ? { calendarId: options.calendarId! } : {}),
      targets,
    });
  }
  return { policies: imported, skipped };
}

/** Everything an SLA import reads from Zendesk, converted. */
export interface ZendeskSlaImport {
  /** A calendar per Zendesk schedule. */
  calendars: ImportedBusinessCalendar[];
  /** The calendar of the account's first schedule, which business-hours targets count on. */
  defaultCalendarId: string | null;
  /** The policies Throughline can express, in Zendesk's match order. */
  policies: ImportedSlaPolicy[];
  /** The policies left out, with the reason. */
  skipped: SkippedSlaPolicy[];
}

/**
 * Reads the account's SLA policies, schedules and holidays and converts them.
 * @param client - the REST client
 * @param signal - aborts the requests
 * @returns calendars, policies and the policies left out
 * @throws {ApiCallError} when Zendesk refuses (SLA policies need an admin and a plan that has them)
 * @example
 * ```ts
 * // Through the adapter, which holds the REST client: `zendesk.importSla()`.
 * const imported = await importZendeskSla(client);
 * const sla: SlaSettings = {
 *   policies: slaPoliciesSchema.parse(imported.policies),
 *   calendars: imported.calendars.map((calendar) => createBusinessCalendar(businessCalendarSchema.parse(calendar))),
 * };
 * ```
 */
export async function importZendeskSla(client: ZendeskRestClient, signal?: AbortSignal): Promise<ZendeskSlaImport> {
  const options = signal ? { signal } : {};
  const scheduleBody = (await client.request({ method: 'GET', path: 'business_hours/schedules.json', ...options })) as { schedules?: unknown[] };
  const schedules = (scheduleBody.schedules ?? [])
    .map((value) => zendeskScheduleSchema.safeParse(value))
    .filter((result) => result.success)
    .map((result) => result.data);
  const calendars: ImportedBusinessCalendar[] = [];
  for (const schedule of schedules) {
    const body = (await client.request({ method: 'GET', path: `business_hours/schedules/${zendeskId(schedule.id)}/holidays.json`, ...options })) as {
      holidays?: unknown[];
    };
    const holidays = (body.holidays ?? [])
      .map((value) => zendeskHolidaySchema.safeParse(value))
      .filter((result) => result.success)
      .map((result) => result.data);
    calendars.push(calendarFromZendeskSchedule(schedule, holidays));
  }
  const body = (await client.request({ method: 'GET', path: 'slas/policies.json', ...options })) as { sla_policies?: unknown[] };
  const zendeskPolicies = (body.sla_policies ?? [])
    .map((value) => zendeskSlaPolicySchema.safeParse(value))
    .filter((result) => result.success)
    .map((result) => result.data);
  const defaultCalendarId = calendars[0]?.id ?? null;
  const { policies, skipped } = policiesFromZendesk(zendeskPolicies, defaultCalendarId ? { calendarId: defaultCalendarId } : {});
  return { calendars, defaultCalendarId, policies, skipped };
}
