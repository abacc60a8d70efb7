import type { FakeZendeskAccount } from './fake-zendesk-account';

const day = 1440;

/**
 * Seeds the SLA settings the parity fixtures use, as Zendesk's API returns them: an "EU support" schedule
 * (Berlin, Monday–Friday 09:00–17:00, a Saturday-night shift running into Sunday, Christmas holidays)
 * and four policies: chat-only first (`via_id` 29), VIP by tag, one on an organisation (which Throughline
 * cannot express), and a default policy.
 *
 * @param account - the fake account
 * @returns the schedule id and the policy ids
 * @example
 * ```ts
 * seedZendeskSla(account);
 * const imported = await zendesk.importSla(); // the chat, VIP and default policies; the organisation one is in `skipped`
 * ```
 */
export function seedZendeskSla(account: FakeZendeskAccount): {
  /** The "EU support" schedule. */
  scheduleId: number;
  /** The four policies' ids in match order: chat, VIP, organisation, default. */
  policyIds: number[];
} {
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ start_time: weekday * day + 9 * 60, end_time: weekday * day + 17 * 60 }));
  account.schedules = [
    {
      id: 1,
      name: 'EU support',
      time_zone: 'Berlin',
      intervals: [{ start_time: 0, end_time: 120 }, ...weekdays, { start_time: 6 * day + 22 * 60, end_time: 7 * day }],
    },
  ];
  account.holidays.set(1, [{ id: 1, name: 'Christmas', start_date: '2026-12-24', end_date: '2026-12-26' }]);
  const targets = (metric: string, minutes: number, businessHours: boolean) =>
    ['low', 'normal', 'high', 'urgent'].map((priority) => ({ priority, metric, target: minutes, business_hours: businessHours }));
  account.slaPolicies = [
    { id: 12, title: 'Default', position: 4, filter: { all: [], any: [] }, policy_metrics: [...targets('first_reply_time', 60, true), ...targets('next_reply_time', 120, true), ...targets('requester_wait_time', 480, true), ...targets('total_resolution_time', 2880, false)] },
    { id: 11, title: 'VIP', position: 2, filter: { all: [{ field: 'current_tags', operator: 'includes', value: 'vip' }, { field: 'priority', operator: 'greater_than', value: 'low' }], any: [] }, policy_metrics: targets('first_reply_time', 30, true) },
    { id: 14, title: 'Chat', position: 1, filter: { all: [], any: [{ field: 'via_id', operator: 'is', value: 29 }] }, policy_metrics: targets('first_reply_time', 5, false) },
    { id: 13, title: 'Enterprise org', position: 3, filter: { all: [{ field: 'organization_id', operator: 'is', value: 5 }], any: [] }, policy_metrics: targets('first_reply_time', 15, true) },
  ];
  return { scheduleId: 1, policyIds: [14, 11, 13, 12] };
}
