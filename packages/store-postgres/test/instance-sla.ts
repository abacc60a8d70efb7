import type { SlaSettings } from '@throughline/core';

/** The instant the instances' clocks stand at: after the scenario's events, so clocks run and breach. */
export const instanceClockStart = '2026-11-27T12:00:00.000Z';

/** SLA policies of the multi-instance test, on calendar time, timers fired by explicit ticks. */
export const instanceSla: SlaSettings = {
  policies: [
    {
      id: 'standard',
      targets: [
        { metric: 'first_reply', priority: 'normal', targetMinutes: 20 },
        { metric: 'total_resolution', priority: 'normal', targetMinutes: 150 },
      ],
    },
  ],
  calendars: [],
  warningShare: 0.5,
  timers: false,
};
