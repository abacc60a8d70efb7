import { createMemoryStore, createThroughline, type IdentityClaim, type IncomingEvent } from '@throughline/core';
import { createTestClock } from '@throughline/core/testing/fakes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeCases, readOpenCase, withReopenWindow } from './cases';
import { explainCustomer, reviewProposals, undoMerge } from './identity';
import { readClocks, serverlessTick, withSlaPolicies } from './sla-clocks';
import { describeTimeline, filterTimeline } from './timeline';

const day = '2026-11-27T';
const at = (minute: number) => new Date(Date.parse(`${day}09:00:00Z`) + minute * 60_000).toISOString();
const email = (value: string): IdentityClaim => ({ kind: 'email', value });
const phone = (value: string): IdentityClaim => ({ kind: 'phone', value });
const shopifyCustomer = (value: string): IdentityClaim => ({ kind: 'platform', namespace: 'shopify:customer', value });

function message(id: string, minute: number, channel: 'web' | 'whatsapp' | 'sms', identities: IdentityClaim[], body = 'Where is my order?'): IncomingEvent {
  const system = channel === 'web' ? 'zendesk' : 'twilio';
  return {
    id: `${system}:${id}`, tenantId: 'acme', occurredAt: at(minute), source: { system, externalId: id }, channel, actor: { kind: 'customer' }, identities,
    type: 'message.received', data: { messageId: id, body, subject: null, media: [], from: null, to: null },
  };
}

function call(id: string, minute: number, identities: IdentityClaim[]): IncomingEvent {
  return {
    id: `twilio:${id}`, tenantId: 'acme', occurredAt: at(minute), source: { system: 'twilio', externalId: id }, channel: 'voice', actor: { kind: 'customer' }, identities,
    type: 'call.started', data: { callId: id, direction: 'inbound', from: null, to: null },
  };
}

function order(id: string, minute: number, identities: IdentityClaim[], financialStatus = 'paid', type: 'order.placed' | 'order.updated' = 'order.placed', version = minute): IncomingEvent {
  return {
    id: `shopify:${id}:${type}:${version}`, tenantId: 'acme', occurredAt: at(minute), source: { system: 'shopify', externalId: id }, channel: null, actor: { kind: 'customer' }, identities,
    entity: { key: `shopify:order:${id}`, version },
    type, data: { orderId: id, orderName: '#1042', orderNumber: '1042', financialStatus, fulfillmentStatus: null, total: { amount: '59.90', currency: 'GBP' }, itemCount: 2, statusUrl: null, cancelledAt: null, cancelReason: null },
  };
}

function printed(): unknown[][] {
  const lines: unknown[][] = [];
  vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => void lines.push(values));
  return lines;
}

describe('concepts guide', () => {
  afterEach(() => vi.restoreAllMocks());

  it('explains identities by their evidence, proposes the household merge, and unmerges exactly', async () => {
    const lines = printed();
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [], defaultRegion: 'GB' });
    const acme = throughline.tenant('acme');
    await throughline.ingest('acme', [message('web-1', 0, 'web', [email('Ana@Example.com')]), message('wa-1', 30, 'whatsapp', [phone('whatsapp:+447700900123')])]);
    // The Shopify order knows both the email and the phone: the two customers become one.
    await throughline.ingest('acme', [order('5001', 60, [shopifyCustomer('1001'), email('ana@example.com'), phone('07700 900123')])]);
    await explainCustomer(acme, 'ana@example.com');
    const explained = new Map(lines.map((line) => [line[0], line]));
    expect(explained.get('email:ana@example.com')?.slice(1, 3)).toEqual(['message.received', 'zendesk']);
    expect(explained.get('phone:+447700900123')?.slice(1, 3)).toEqual(['message.received', 'twilio']);
    expect(explained.get('phone:+447700900123')?.[3]).toMatch(/^merge_\S+ automatic$/);
    expect(explained.get('shopify:customer:1001')?.slice(1, 3)).toEqual(['order.placed', 'shopify']);

    // Another Shopify customer on the same (household) phone is proposed, not merged.
    await throughline.ingest('acme', [order('5002', 90, [shopifyCustomer('1002'), email('ben@example.com'), phone('+44 7700 900123')])]);
    const ben = (await acme.customers.findByIdentity(email('ben@example.com')))!;
    const ana = (await acme.customers.findByIdentity(email('ana@example.com')))!;
    expect(ben.customer.id).not.toBe(ana.customer.id);
    lines.length = 0;
    const accepted = await reviewProposals(acme);
    expect(lines).toEqual([[[ana.customer.id, ben.customer.id].sort(), 'conflicting_platform_ids', 'phone:+447700900123']]);
    expect(accepted?.kind).toBe('accepted_proposal');
    expect((await acme.customers.findByIdentity(email('ben@example.com')))?.customer.id).toBe(ana.customer.id);

    // Undoing the accepted merge gives Ben back everything he had.
    await undoMerge(acme, accepted!.id);
    const restored = (await acme.customers.findByIdentity(email('ben@example.com')))!;
    expect(restored.customer.id).toBe(ben.customer.id);
    expect(restored.identities.map((identity) => identity.key).sort()).toEqual(ben.identities.map((identity) => identity.key).sort());
    await throughline.close();
  });

  it('joins contacts on other channels to the open case as repeats, reads and narrows the timeline', async () => {
    const lines = printed();
    const throughline = withReopenWindow();
    const acme = throughline.tenant('acme');
    const ana = [email('ana@example.com'), phone('+447700900123')];
    await throughline.ingest('acme', [
      order('5001', 0, ana),
      message('web-1', 10, 'web', ana),
      message('wa-1', 40, 'whatsapp', ana, 'Any news?'),
      order('5001', 50, ana, 'refunded', 'order.updated', 50),
      order('5001', 45, ana, 'partially_refunded', 'order.updated', 45), // arrives late, older version
    ]);
    const customerId = (await acme.customers.findByIdentity(ana[0]!))!.customer.id;
    const caseId = await readOpenCase(acme, customerId);
    expect(lines[0]).toEqual(['new', 'whatsapp', 2, 1]);
    expect(lines.slice(1)).toEqual([
      ['whatsapp', 'message.received', 'repeat'],
      ['web', 'message.received', 'first ask'],
    ]);
    expect(await describeTimeline(acme, customerId)).toEqual(['order.updated', 'order.updated', 'whatsapp: "Any news?" (asked again)', 'web: "Where is my order?"', '#1042 placed, 59.90 GBP']);
    expect(await filterTimeline(acme, customerId, '5001')).toEqual({ financialStatus: 'refunded', whatsapp: 1 });

    // Solved, then the customer calls within the reopen window: the same case reopens.
    await throughline.ingest('acme', [call('call-1', 60, ana)]);
    await acme.cases.setStatus(caseId!, 'solved');
    await throughline.ingest('acme', [call('call-2', 24 * 60, ana)]);
    expect((await acme.cases.openCaseOf(customerId))?.id).toBe(caseId);
    await throughline.close();
  });

  it('splits and merges cases by hand', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [] });
    const acme = throughline.tenant('acme');
    const ana = [email('ana@example.com')];
    await throughline.ingest('acme', [message('web-1', 0, 'web', ana), message('web-2', 5, 'web', ana, 'Also, a return')]);
    const customerId = (await acme.customers.findByIdentity(ana[0]!))!.customer.id;
    const first = (await acme.cases.openCaseOf(customerId))!.id;
    await acme.cases.setStatus(first, 'solved');
    await throughline.ingest('acme', [message('web-3', 7 * 24 * 60, 'web', ana, 'New question')]);
    const second = (await acme.cases.openCaseOf(customerId))!.id;
    expect(second).not.toBe(first);
    await changeCases(acme, first, 'zendesk:web-2', second);
    const secondEvents = await acme.timeline.forCase(second, { types: ['message.received'] });
    expect(secondEvents.events.map((event) => event.id).sort()).toEqual(['zendesk:web-2', 'zendesk:web-3']);
    expect((await acme.timeline.forCase(first, { types: ['message.received'] })).events.map((event) => event.id)).toEqual(['zendesk:web-1']);
    await throughline.close();
  });

  it('runs SLA clocks by policy, warns and breaches on time, and ticks without timers', async () => {
    const lines = printed();
    const clock = createTestClock(at(0));
    const throughline = withSlaPolicies(clock);
    const acme = throughline.tenant('acme');
    await throughline.ingest('acme', [message('web-1', 0, 'web', [email('ana@example.com')])]);
    const customerId = (await acme.customers.findByIdentity(email('ana@example.com')))!.customer.id;
    const caseId = (await acme.cases.openCaseOf(customerId))!.id;
    clock.advance(30 * 60_000);
    await readClocks(acme, caseId);
    expect(lines).toContainEqual(['first_reply', 'active', `${90 * 60_000} ms left`, 'policy standard']);
    expect(lines).toContainEqual([caseId, 'first_reply', at(120), 90 * 60_000]);
    lines.length = 0;
    clock.advance(60 * 60_000); // to the warning at 75 % of 120 minutes
    await vi.waitFor(() => expect(lines).toEqual([[`first_reply of ${caseId} is due at ${at(120)}`]]));
    clock.advance(40 * 60_000);
    await vi.waitFor(() => expect(lines.at(-1)).toEqual([`first_reply of ${caseId} breached`]));
    expect(await serverlessTick({ policies: [], calendars: [] })).toBe(0);
    await throughline.close();
  });
});
