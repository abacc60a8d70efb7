import { describe, expect, it } from 'vitest';
import { type CaseEvaluator, createMemoryStore, createThroughline, type TimelineEvent } from '../src/index';
import { createTestClock } from '../src/testing/fakes';
import { at, email, inbound, reply } from './event-factory';

const policies = [
  {
    id: 'standard',
    targets: [
      { metric: 'first_reply' as const, priority: 'normal' as const, targetMinutes: 120 },
      { metric: 'total_resolution' as const, priority: 'normal' as const, targetMinutes: 60 * 24 },
    ],
  },
];

function setup() {
  const clock = createTestClock(at(0));
  const store = createMemoryStore();
  const throughline = createThroughline({ store, adapters: [], clock, sla: { policies, calendars: [], warningShare: 0.75 } });
  const emitted: TimelineEvent[] = [];
  for (const name of ['sla.applied', 'sla.warning', 'sla.breached', 'sla.fulfilled'] as const) throughline.events.on(name, (event) => emitted.push(event));
  return { clock, store, throughline, emitted, acme: throughline.tenant('acme') };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SLA clocks inside ingest', () => {
  it('applies a policy, warns at 75% and breaches once at the breach instant with no other event', async () => {
    const { clock, throughline, emitted, acme } = setup();
    const ana = [email('ana@example.com')];
    await throughline.ingest('acme', [inbound('m1', 0, ana)]);
    const customer = (await acme.customers.findByIdentity(ana[0]!))!.customer;
    const supportCase = (await acme.cases.openCaseOf(customer.id))!;
    expect(emitted.map((event) => event.type)).toEqual(['sla.applied', 'sla.applied']);
    const [dueSoon] = await acme.sla.dueSoon({ within: 3 * 3_600_000 });
    expect(dueSoon).toMatchObject({ caseId: supportCase.id, metric: 'first_reply', dueAt: at(120) });

    clock.advance(89 * 60_000);
    await flush();
    expect(emitted.filter((event) => event.type === 'sla.warning')).toHaveLength(0);
    clock.advance(2 * 60_000);
    await flush();
    await flush();
    const warnings = emitted.filter((event) => event.type === 'sla.warning');
    expect(warnings.map((event) => event.occurredAt)).toEqual([at(90)]);

    clock.advance(40 * 60_000);
    await flush();
    await flush();
    const breaches = emitted.filter((event) => event.type === 'sla.breached');
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ occurredAt: at(120), caseId: supportCase.id, data: { metric: 'first_reply' } });
    const onTimeline = await acme.timeline.forCase(supportCase.id, { types: ['sla.breached'] });
    expect(onTimeline.events.map((event) => event.id)).toEqual([breaches[0]!.id]);

    await throughline.sla!.tick(clock.now());
    expect(emitted.filter((event) => event.type === 'sla.breached')).toHaveLength(1);
    await throughline.close();
  });

  it('a public reply on another channel fulfils the clock; a repeat contact does not restart it', async () => {
    const { throughline, acme } = setup();
    const ana = [email('ana@example.com'), { kind: 'phone' as const, value: '+14155550100' }];
    await throughline.ingest('acme', [inbound('m1', 0, ana, 'email'), inbound('m2', 30, ana, 'whatsapp'), reply('r1', 50, ana, 'sms')]);
    const customer = (await acme.customers.findByIdentity(ana[0]!))!.customer;
    const supportCase = (await acme.cases.openCaseOf(customer.id))!;
    const clocks = await acme.sla.forCase(supportCase.id);
    const firstReply = clocks.find((clock) => clock.metric === 'first_reply');
    expect(firstReply).toMatchObject({ status: 'fulfilled', instance: 1, startedAt: Date.parse(at(0)), fulfilledAt: Date.parse(at(50)), breachedAt: null });
    await throughline.close();
  });

  it('serverless: tick(now) fires what is due, exactly once', async () => {
    const clock = createTestClock(at(0));
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [], clock, sla: { policies, calendars: [], timers: false } });
    await throughline.ingest('acme', [inbound('m1', 0, [email('ana@example.com')])]);
    expect(await throughline.sla!.tick(Date.parse(at(60)))).toBe(0);
    expect(await throughline.sla!.tick(Date.parse(at(130)))).toBe(2);
    expect(await throughline.sla!.tick(Date.parse(at(130)))).toBe(0);
  });

  it('sees what an app case evaluator appends while a timer fires', async () => {
    const clock = createTestClock(at(0));
    // When the breach timer fires, the app sends the customer an automatic public answer.
    const answered = new Set<string>();
    const autoAnswer: CaseEvaluator = async (transaction, tenantId, caseIds, now) => {
      const appended: TimelineEvent[] = [];
      for (const caseId of caseIds) {
        if (now < Date.parse(at(120)) || answered.has(caseId)) continue;
        const supportCase = (await transaction.getCase(tenantId, caseId))!;
        const id = `auto-answer:${caseId}`;
        appended.push({
          id,
          tenantId,
          customerId: supportCase.customerId,
          caseId,
          repeatContact: false,
          occurredAt: new Date(now).toISOString(),
          source: { system: 'app', externalId: id },
          channel: 'web',
          actor: { kind: 'agent', id: 'auto' },
          identities: [],
          type: 'message.sent',
          data: { messageId: id, body: 'Your parcel is on its way.', to: null, templateId: null, facts: null },
        });
        answered.add(caseId);
      }
      if (appended.length > 0) await transaction.putEvents(appended);
      return appended;
    };
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [], clock, caseEvaluators: [autoAnswer], sla: { policies, calendars: [], timers: false } });
    await throughline.ingest('acme', [inbound('m1', 0, [email('ana@example.com')])]);
    await throughline.sla!.tick(Date.parse(at(120)));
    const supportCase = (await throughline.tenant('acme').cases.openCaseOf((await throughline.tenant('acme').customers.findByIdentity(email('ana@example.com')))!.customer.id))!;
    const slaEvents = await throughline.tenant('acme').timeline.forCase(supportCase.id, { types: ['sla.breached', 'sla.fulfilled'] });
    // Answered in the firing, at the due instant itself: the first reply is met, not breached.
    expect(slaEvents.events.map((event) => [event.type, event.occurredAt, (event.data as { metric: string }).metric])).toEqual([['sla.fulfilled', at(120), 'first_reply']]);
  });

  describe('a customer tier written in the same transaction', () => {
    const tiered = [
      { id: 'vip', conditions: { customerTiers: ['vip'] }, targets: [{ metric: 'first_reply' as const, priority: 'normal' as const, targetMinutes: 5 }] },
      ...policies,
    ];
    const firstReplyDue = async (throughline: ReturnType<typeof createThroughline>) => {
      const due = await throughline.tenant('acme').sla.dueSoon({ within: 24 * 3_600_000 });
      return due.find((clock) => clock.metric === 'first_reply')?.dueAt;
    };

    it('a new customer is measured under the policy of the tier the ingest gave it', async () => {
      const clock = createTestClock(at(0));
      const throughline = createThroughline({ store: createMemoryStore(), adapters: [], clock, defaultTier: 'vip', sla: { policies: tiered, calendars: [], timers: false } });
      await throughline.ingest('acme', [inbound('m1', 0, [email('ana@example.com')])]);
      expect(await firstReplyDue(throughline)).toBe(at(5));
    });

    it('a tier an app case evaluator sets before the SLA evaluator runs is the one policies see', async () => {
      const clock = createTestClock(at(0));
      // The app promotes every customer who writes about a broken parcel to the VIP queue.
      const promote: CaseEvaluator = async (transaction, tenantId, caseIds) => {
        for (const caseId of caseIds) {
          const supportCase = await transaction.getCase(tenantId, caseId);
          const customer = supportCase && (await transaction.getCustomer(tenantId, supportCase.customerId));
          if (customer && customer.tier !== 'vip') await transaction.putCustomers([{ ...customer, tier: 'vip' }]);
        }
        return [];
      };
      const throughline = createThroughline({ store: createMemoryStore(), adapters: [], clock, caseEvaluators: [promote], sla: { policies: tiered, calendars: [], timers: false } });
      await throughline.ingest('acme', [inbound('m1', 0, [email('ana@example.com')], 'web', 'acme', 'My parcel arrived broken')]);
      expect(await firstReplyDue(throughline)).toBe(at(5));
    });
  });
});
