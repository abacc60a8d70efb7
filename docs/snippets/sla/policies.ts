// #region policies
import { type SlaPolicy, slaPoliciesSchema } from '@throughline/core';

// #endregion policies
/**
 * The guide's policies: VIP chats answered in minutes, everyone else in business hours of `support-eu`.
 * @returns the validated policies
 */
export function supportPolicies(): SlaPolicy[] {
  // #region policies
  const policies = slaPoliciesSchema.parse([
    {
      id: 'vip-chat',
      conditions: { customerTiers: ['vip'], channels: ['whatsapp', 'sms', 'chat'] },
      targets: [
        { metric: 'first_reply', priority: 'normal', targetMinutes: 5 },
        { metric: 'next_reply', priority: 'normal', targetMinutes: 10 },
      ],
    },
    {
      id: 'standard',
      calendarId: 'support-eu',
      targets: [
        { metric: 'first_reply', priority: 'normal', targetMinutes: 120, businessHours: true },
        { metric: 'first_reply', priority: 'urgent', targetMinutes: 30 },
        { metric: 'total_resolution', priority: 'normal', targetMinutes: 2880, businessHours: true },
      ],
    },
  ]);
  // #endregion policies
  return policies;
}
