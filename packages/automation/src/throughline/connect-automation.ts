import type { TenantApi, Throughline, TimelineEvent } from '@throughline/core';
import { createAutomation, type Automation, type AutomationOptions } from '../runtime/create-automation';
import type { AutomationEvent, Handoff, HumanQueue } from '../runtime/automation-ports';
import { createStoreOrderLookup } from './store-order-lookup';

/** Settings for running automation on a Throughline instance. */
export interface ConnectAutomationOptions
  extends Omit<AutomationOptions, 'orders' | 'replies' | 'humanQueue' | 'customers' | 'events'> {
  /** Where handoffs go (the case and its timeline are attached by the runtime). Default: kept in `handoffs`. */
  humanQueue?: HumanQueue;
  /** Customers who opted out of proactive messages. */
  isOptedOut?: (tenantId: string, customerId: string) => boolean | Promise<boolean>;
  /** Called with every automation event (answered, suggested, notified, skipped, handoff). */
  onEvent?: (event: AutomationEvent) => void;
  /** Called when handling an event fails (automation never breaks ingest). */
  onError?: (error: unknown, event: TimelineEvent) => void;
}

/** Automation running on a Throughline instance. */
export interface ConnectedAutomation {
  /** The runtime handling the instance's events, for `transcript` and `release`. */
  automation: Automation;
  /** Handoffs received by the default human queue, oldest first. */
  handoffs: Handoff[];
  /** Waits until every event handed to automation so far has been handled. */
  idle(): Promise<void>;
  /** Stops listening. */
  disconnect(): void;
}

/**
 * Runs automation on a Throughline instance: every committed `message.received` and
 * `fulfillment.updated` is handled; answers go out through `cases.reply` on the customer's channel
 * as the bot (never satisfying a human-reply SLA clock, and recorded with the facts used); handoffs
 * land on the timeline as `automation.handoff` and in the human queue.
 *
 * @param throughline - the instance
 * @param options - automation settings
 * @returns the connected automation
 * @example
 * ```ts
 * const { handoffs } = connectAutomation(throughline, { defaultLanguage: 'en' });
 * ```
 */
export function connectAutomation(throughline: Throughline, options: ConnectAutomationOptions = {}): ConnectedAutomation {
  const handoffs: Handoff[] = [];
  const botId = options.botId ?? 'throughline-automation';
  const tenants = (tenantId: string): TenantApi => throughline.tenant(tenantId);
  const { humanQueue, isOptedOut, onEvent, onError, ...settings } = options;
  const automation = createAutomation({
    ...settings,
    botId,
    orders: createStoreOrderLookup(throughline.store),
    humanQueue: humanQueue ?? { enqueue: async (handoff) => void handoffs.push(handoff) },
    customers: {
      async getCustomer({ tenantId, customerId }) {
        const view = await tenants(tenantId).customers.get(customerId);
        if (!view) return null;
        const locale = view.customer.profile.locale;
        return { id: view.customer.id, tier: view.customer.tier, ...(locale ? { locale } : {}), proactiveOptOut: (await isOptedOut?.(tenantId, customerId)) ?? false };
      },
    },
    replies: {
      async reply(caseId, message) {
        const api = tenants(message.tenantId);
        const targetCase = caseId ?? (await api.cases.openCaseOf(message.customerId))?.id ?? (await api.cases.forCustomer(message.customerId))[0]?.id;
        if (!targetCase) return { ok: false, reason: 'the customer has no case to answer on' };
        try {
          const result = await api.cases.reply(targetCase, {
            body: message.body,
            ...(message.channel ? { channel: message.channel } : {}),
            automated: { botId, facts: { ...message.facts } },
          });
          const channel = result.event.channel ?? message.channel ?? 'other';
          return { ok: true, messageId: result.externalId, channel };
        } catch (error) {
          return { ok: false, reason: error instanceof Error ? error.message : String(error) };
        }
      },
    },
    events: {
      async record(event) {
        onEvent?.(event);
        if (event.type !== 'automation.handoff' || event.caseId === null) return;
        await throughline.ingest(event.tenantId, [
          {
            id: `automation:handoff:${event.causedBy}`,
            tenantId: event.tenantId,
            occurredAt: new Date(event.occurredAt).toISOString(),
            source: { system: 'throughline', externalId: event.causedBy },
            channel: null,
            actor: { kind: 'bot', id: botId },
            identities: [],
            thread: `case:${event.caseId}`,
            type: 'automation.handoff',
            data: event.data,
          },
        ]);
      },
    },
  });
  let pending: Promise<void> = Promise.resolve();
  const off = throughline.events.on('timeline.appended', (event) => {
    if (event.type !== 'message.received' && event.type !== 'fulfillment.updated') return;
    pending = pending.then(() => automation.handle(event).then(() => undefined, (error: unknown) => onError?.(error, event)));
  });
  return { automation, handoffs, idle: () => pending, disconnect: off };
}
