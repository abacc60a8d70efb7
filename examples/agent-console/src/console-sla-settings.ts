import type { SlaSettings } from '@throughline/core';

type SlaPolicy = SlaSettings['policies'][number];
type SlaTarget = SlaPolicy['targets'][number];

/** Targets for every priority of one metric, in minutes (urgent, high, normal, low). */
function targets(metric: SlaTarget['metric'], urgent: number, high: number, normal: number, low: number): SlaTarget[] {
  return [
    { metric, priority: 'urgent', targetMinutes: urgent },
    { metric, priority: 'high', targetMinutes: high },
    { metric, priority: 'normal', targetMinutes: normal },
    { metric, priority: 'low', targetMinutes: low },
  ];
}

/**
 * The SLA policies the console runs with when none is given: calendar-time targets per channel
 * family (messaging answers in minutes, a missed call is called back within the hour, email and
 * web forms within hours). Business-hours calendars are left to the application (`--sla`).
 */
export const consoleSlaSettings: SlaSettings = {
  policies: [
    {
      id: 'messaging',
      name: 'WhatsApp, SMS, chat and social',
      conditions: { channels: ['whatsapp', 'sms', 'chat', 'social'] },
      targets: [...targets('first_reply', 5, 10, 30, 60), ...targets('next_reply', 10, 20, 45, 90), ...targets('total_resolution', 240, 480, 1_440, 2_880)],
    },
    {
      id: 'voice',
      name: 'Phone calls and voicemail',
      conditions: { channels: ['voice'] },
      targets: [...targets('first_reply', 15, 30, 60, 120), ...targets('total_resolution', 480, 960, 1_440, 2_880)],
    },
    {
      id: 'email-web',
      name: 'Email, web forms and everything else',
      targets: [...targets('first_reply', 60, 120, 240, 480), ...targets('next_reply', 120, 240, 480, 960), ...targets('total_resolution', 1_440, 2_880, 4_320, 7_200)],
    },
  ],
  calendars: [],
};
