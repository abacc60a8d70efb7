export {
  type BusinessCalendar,
  createBusinessCalendar,
} from './calendar/business-calendar';
export {
  type BusinessCalendarDefinition,
  type BusinessCalendarDefinitionInput,
  businessCalendarSchema,
  calendarDateSchema,
  clockTimeSchema,
  dayHoursSchema,
  type Holiday,
  type HoursOverride,
  holidaySchema,
  hoursOverrideSchema,
  type OpeningHours,
  openingHoursSchema,
  type WeeklyHours,
  weeklyHoursSchema,
} from './calendar/business-calendar-schema';
export {
  type IcsHolidayImport,
  type IcsHolidayImportOptions,
  importIcsHolidays,
  type SkippedIcsEvent,
} from './calendar/ics-holidays';
export type { Instant } from './calendar/instant';
export { isKnownTimeZone } from './calendar/zone-offsets';
export { DEFAULT_WARNING_SHARE, type FoldCaseSlaOptions, foldCaseSla } from './clock/case-sla-fold';
export { SLA_METRICS } from './clock/metric-rules';
export type {
  CaseSla,
  PendingSlaEvent,
  SlaClock,
  SlaClockStatus,
  SlaEventType,
  SlaTimelineEvent,
} from './clock/sla-clock-state';
export { slaClockId, slaEventId } from './clock/sla-event-factory';
export { matchSlaPolicy, type SlaPolicyContext } from './policy/match-sla-policy';
export {
  type SlaPolicy,
  type SlaPolicyConditions,
  type SlaTarget,
  slaPoliciesSchema,
  slaPolicyConditionsSchema,
  slaPolicySchema,
  slaTargetSchema,
} from './policy/sla-policy-schema';
export {
  createSlaScheduler,
  type SlaDueClock,
  type SlaDueSoonOptions,
  type SlaScheduler,
  type SlaSchedulerOptions,
} from './scheduler/sla-scheduler';
export { SlaError, type SlaErrorCode } from './sla-error';
