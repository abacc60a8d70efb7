import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The engine is not exported from @throughline/core yet (no `./sla` subpath): tests read its source.
import { businessCalendarSchema, createBusinessCalendar, slaPoliciesSchema } from '../../core/src/sla/index';
import { calendarFromZendeskSchedule, policiesFromZendesk } from './sla-import';
import { createVirtualTime, createZendeskHandlers, FakeZendeskAccount, seedZendeskSla } from './testing/index';
import { createZendesk } from './zendesk-adapter';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const credentials = { kind: 'oauth' as const, accessToken: 'oauth-token-1' };

describe('Zendesk SLA import', () => {
  it('reads schedules, holidays and policies into shapes the engine schemas accept', async () => {
    const account = new FakeZendeskAccount('acme', 1);
    seedZendeskSla(account);
    const time = createVirtualTime('2026-11-27T09:00:00Z');
    server.use(...createZendeskHandlers(account, { credentials, now: time.now }).handlers);
    const zendesk = createZendesk({ subdomain: 'acme', credentials, webhookSecrets: ['s'], accounts: { '1': 'acme' }, clock: time.clock, sleep: time.sleep });
    const imported = await zendesk.importSla();

    expect(imported.defaultCalendarId).toBe('zendesk-schedule-1');
    const calendar = businessCalendarSchema.parse(imported.calendars[0]);
    expect(calendar.timeZone).toBe('Europe/Berlin');
    expect(calendar.weeklyHours.monday).toEqual([{ opens: '09:00', closes: '17:00' }]);
    expect(calendar.weeklyHours.saturday).toEqual([{ opens: '22:00', closes: '24:00' }]);
    expect(calendar.weeklyHours.sunday).toEqual([{ opens: '00:00', closes: '02:00' }]);
    expect(calendar.holidays).toEqual([{ date: '2026-12-24', through: '2026-12-26', name: 'Christmas' }]);

    const policies = slaPoliciesSchema.parse(imported.policies);
    expect(policies.map((policy) => policy.id)).toEqual(['zendesk-sla-14', 'zendesk-sla-11', 'zendesk-sla-12']);
    expect(policies[0]!.conditions).toEqual({ channels: ['chat'] });
    expect(policies[1]!.conditions).toEqual({ tags: { all: ['vip'] }, priorities: ['normal', 'high', 'urgent'] });
    expect(policies[2]).toMatchObject({ calendarId: 'zendesk-schedule-1' });
    expect(policies[2]!.targets).toContainEqual({ metric: 'total_resolution', priority: 'normal', targetMinutes: 2880 });
    expect(policies[2]!.targets).toContainEqual({ metric: 'first_reply', priority: 'urgent', targetMinutes: 60, businessHours: true });
    expect(imported.skipped).toEqual([{ zendeskPolicyId: '13', title: 'Enterprise org', reason: 'condition on organization_id' }]);

    // The night shift from Saturday 22:00 to Sunday 02:00 is one opening: 4 business hours.
    const engineCalendar = createBusinessCalendar(calendar);
    expect(engineCalendar.businessTimeBetween(Date.parse('2026-11-28T20:00:00Z'), Date.parse('2026-11-29T02:00:00Z'))).toBe(4 * 3_600_000);
    expect(engineCalendar.isOpen(Date.parse('2026-12-24T10:00:00Z'))).toBe(false);
  });

  it('maps Rails time zones, end-of-day intervals and inclusive holidays', () => {
    const calendar = calendarFromZendeskSchedule(
      { id: 7, name: 'US', time_zone: 'Eastern Time (US & Canada)', intervals: [{ start_time: 1440 + 1200, end_time: 2880 }] },
      [{ name: 'July 4th', start_date: '2026-07-04', end_date: '2026-07-04' }],
    );
    expect(businessCalendarSchema.parse(calendar)).toMatchObject({
      timeZone: 'America/New_York',
      weeklyHours: { monday: [{ opens: '20:00', closes: '24:00' }] },
      holidays: [{ date: '2026-07-04', name: 'July 4th' }],
    });
    expect(() => calendarFromZendeskSchedule({ id: 8, name: 'x', time_zone: 'Atlantis Standard', intervals: [] }, [])).toThrow(RangeError);
  });

  it('skips policies it cannot express instead of widening them, and needs a calendar for business hours', () => {
    const result = policiesFromZendesk(
      [
        { id: 1, title: 'Any of two fields', filter: { all: [], any: [{ field: 'priority', operator: 'is', value: 'high' }, { field: 'current_tags', operator: 'includes', value: 'vip' }] }, policy_metrics: [{ priority: 'high', metric: 'first_reply_time', target: 10, business_hours: false }] },
        { id: 2, title: 'Business hours', filter: { all: [{ field: 'current_tags', operator: 'not_includes', value: 'spam bulk' }] }, policy_metrics: [{ priority: 'low', metric: 'agent_work_time', target: 600, business_hours: true }] },
        { id: 3, title: 'Seconds', filter: null, policy_metrics: [{ priority: 'urgent', metric: 'pausable_update_time', target_in_seconds: 90, business_hours: false }, { priority: 'urgent', metric: 'unknown_metric', target: 5 }] },
      ],
      {},
    );
    expect(result.skipped.map((policy) => policy.zendeskPolicyId)).toEqual(['1', '2']);
    expect(result.policies).toEqual([{ id: 'zendesk-sla-3', name: 'Seconds', targets: [{ metric: 'pausable_update', priority: 'urgent', targetMinutes: 1.5 }] }]);
    expect(slaPoliciesSchema.safeParse(result.policies).success).toBe(true);
  });
});
