/**
 * The peak-day shop's SLA settings: one business calendar in New York with Black Friday week's
 * extended hours, and two ordered policies (messaging and voice first, everything else second)
 * with first reply, next reply, requester wait and total resolution targets per priority, all
 * counted in business hours.
 *
 * The agent console loads this module with `--sla` to fold clocks exactly as the demo did:
 * `pnpm --filter @throughline-examples/agent-console start -- --db <file> --sla examples/peak-day/src/sla-settings.ts`.
 */
import {
  type BusinessCalendarDefinitionInput,
  createBusinessCalendar,
  type Priority,
  type SlaPolicy,
  type SlaSettings,
  slaPoliciesSchema,
} from '@throughline/core';

/** The support team's time zone. */
export const supportTimeZone = 'America/New_York';

/** The id of the support calendar the policies count business hours on. */
export const supportCalendarId = 'support-us-east';

const weekday = [{ opens: '08:00', closes: '20:00' }];

/** The calendar as plain JSON: weekly hours, holidays and Black Friday week's dated overrides. */
export const supportCalendarDefinition: BusinessCalendarDefinitionInput = {
  id: supportCalendarId,
  name: 'Support (New York)',
  timeZone: supportTimeZone,
  weeklyHours: {
    monday: weekday,
    tuesday: weekday,
    wednesday: weekday,
    thursday: weekday,
    friday: weekday,
    saturday: [{ opens: '10:00', closes: '16:00' }],
  },
  holidays: [
    { date: '2026-01-01', name: "New Year's Day", repeatsYearly: true },
    { date: '2026-11-26', name: 'Thanksgiving' },
    { date: '2026-12-25', name: 'Christmas Day', repeatsYearly: true },
  ],
  overrides: [
    { date: '2026-11-27', name: 'Black Friday', hours: [{ opens: '06:00', closes: '24:00' }] },
    { date: '2026-11-28', through: '2026-11-29', name: 'Black Friday weekend', hours: [{ opens: '08:00', closes: '22:00' }] },
    { date: '2026-11-30', name: 'Cyber Monday', hours: [{ opens: '07:00', closes: '23:00' }] },
  ],
};

type Minutes = Readonly<Record<Priority, number>>;

function targets(metric: SlaPolicy['targets'][number]['metric'], minutes: Minutes): SlaPolicy['targets'] {
  return (Object.keys(minutes) as Priority[]).map((priority) => ({ metric, priority, targetMinutes: minutes[priority], businessHours: true }));
}

/** The ordered policies: the first whose conditions match a case applies. */
export const supportPolicies: SlaPolicy[] = slaPoliciesSchema.parse([
  {
    id: 'messaging-and-voice',
    name: 'WhatsApp, SMS and phone',
    conditions: { channels: ['whatsapp', 'sms', 'voice'] },
    calendarId: supportCalendarId,
    targets: [
      ...targets('first_reply', { urgent: 10, high: 20, normal: 30, low: 60 }),
      ...targets('next_reply', { urgent: 15, high: 30, normal: 45, low: 90 }),
      ...targets('requester_wait', { urgent: 240, high: 360, normal: 480, low: 960 }),
      ...targets('total_resolution', { urgent: 480, high: 720, normal: 1440, low: 2880 }),
    ],
  },
  {
    id: 'web-and-email',
    name: 'Web form, email and everything else',
    calendarId: supportCalendarId,
    targets: [
      ...targets('first_reply', { urgent: 60, high: 120, normal: 240, low: 480 }),
      ...targets('next_reply', { urgent: 120, high: 240, normal: 480, low: 960 }),
      ...targets('requester_wait', { urgent: 480, high: 960, normal: 1440, low: 2880 }),
      ...targets('total_resolution', { urgent: 1440, high: 2160, normal: 2880, low: 4320 }),
    ],
  },
]);

/** The SLA settings the demo runs with (and the agent console loads with `--sla`). */
export const sla: SlaSettings = {
  policies: supportPolicies,
  calendars: [createBusinessCalendar(supportCalendarDefinition)],
  warningShare: 0.75,
};

export default sla;
