import { createMemoryStore, createThroughline } from '@throughline/core';
import { createTestClock } from '@throughline/core/testing/fakes';
import { describe, expect, it } from 'vitest';
import { customerNumber, shopNumber, testAdapter, webhooks } from '../test-fixtures';
import { twilioSid } from '../testing/twilio-sids';

const policies = [{ id: 'phone-and-text', targets: [{ metric: 'first_reply' as const, priority: 'normal' as const, targetMinutes: 30 }] }];
const start = Date.parse('2026-11-27T15:00:00.000Z');
const minutes = (count: number) => count * 60_000;

describe('a call an agent answers through the queue', () => {
  it('fulfils the first-reply clock a text started, at the moment the agent picked up, though Twilio reports it after the call', async () => {
    const clock = createTestClock(start);
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [testAdapter()], clock, sla: { policies, calendars: [], timers: false } });
    const acme = throughline.tenant('acme');
    const callSid = twilioSid('CA', 0x5a);

    expect((await throughline.webhooks.handle(await webhooks.inboundSms({ from: customerNumber, to: shopNumber, body: 'Where is my order?' }))).status).toBe(200);
    // Ten minutes later the customer calls; the answer enqueues them, with the call's start in the action URL.
    clock.set(start + minutes(10));
    const answer = await throughline.webhooks.handle(await webhooks.incomingCall({ callSid, from: customerNumber, to: shopNumber }));
    const actionUrl = /<Enqueue action="([^"]+)"/.exec(await answer.text())?.[1]?.replaceAll('&amp;', '&');
    expect(actionUrl).toBeDefined();
    // 95 s in the queue, then 20 minutes with an agent: Twilio requests the action URL once both hung up.
    clock.set(start + minutes(10) + 95_000 + minutes(20));
    const action = await webhooks.enqueueAction({ callSid, from: customerNumber, to: shopNumber, queueResult: 'bridged', queueTime: 95 }, { url: actionUrl! });
    expect((await throughline.webhooks.handle(action)).status).toBe(200);

    const customer = (await acme.customers.findByIdentity({ kind: 'phone', value: customerNumber }))!.customer;
    const supportCase = (await acme.cases.openCaseOf(customer.id))!;
    const firstReply = (await acme.sla.forCase(supportCase.id)).find((clock) => clock.metric === 'first_reply');
    // Answered 11:35 into a 30-minute target: fulfilled on time, though the callback came 31:35 in.
    expect(firstReply).toMatchObject({ status: 'fulfilled', startedAt: start, fulfilledAt: start + minutes(10) + 95_000, breachedAt: null });
    const answered = await acme.timeline.forCase(supportCase.id, { types: ['call.answered'] });
    expect(answered.events).toEqual([expect.objectContaining({ actor: { kind: 'agent' }, channel: 'voice', data: { callId: callSid, waitSeconds: 95 } })]);
    await throughline.close();
  });
});
