import type { ChannelAdapterV1, OutboundMessage, SendResult } from '../adapter/channel-adapter';
import { ThroughlineError } from '../errors/throughline-error';
import type { Channel } from '../model/primitives';
import type { SupportCase } from '../model/support-case';
import type { TimelineStore } from '../store/timeline-store';

/** A reply to a case's customer. */
export interface CaseReply {
  /** The text to send. */
  body: string;
  /** Channel to answer on; the case's latest inbound channel by default. */
  channel?: Channel;
  /** WhatsApp template for answers outside the 24-hour window. */
  template?: {
    /** The approved template's id (Twilio Content SID). */
    id: string;
    /** Values for the template's placeholders, by placeholder name. */
    variables: Record<string, string>;
  };
  /** An internal note instead of a public reply (where the platform has notes). */
  internal?: boolean;
  /**
   * Marks the reply as automated: recorded with a bot actor (which never satisfies a human-reply
   * SLA clock) and the facts the answer used.
   */
  automated?: {
    /** The bot recorded as the actor. */
    botId: string;
    /** The facts the answer was built from (an order's status, a tracking link), for audit. */
    facts: Record<string, string>;
  };
}

/** Why a reply could not be routed. */
export class ReplyRoutingError extends ThroughlineError {
  /**
   * Builds the error.
   * @param code - `no_adapter_for_channel` or `no_address_for_channel`
   * @param message - what could not be routed
   * @example
   * ```ts
   * throw new ReplyRoutingError('no_adapter_for_channel', 'No configured adapter sends on voice');
   * ```
   */
  constructor(code: 'no_adapter_for_channel' | 'no_address_for_channel', message: string) {
    super(code, message);
    this.name = 'ReplyRoutingError';
  }
}

const threadedChannels: ReadonlySet<Channel> = new Set(['email', 'web', 'chat', 'social', 'other']);

/**
 * Builds the outbound message for a reply: the channel (the customer's last inbound one unless
 * told otherwise), the adapter that serves it, the address on it (a phone for SMS and WhatsApp,
 * the helpdesk ticket for email-like channels) and when the customer last wrote there.
 *
 * @param store - the store
 * @param adapters - the configured adapters
 * @param supportCase - the case being answered
 * @param reply - what to send
 * @returns the adapter and the message to hand it
 * @throws {ReplyRoutingError} when no adapter sends on the channel or the customer has no address on it
 * @example
 * ```ts
 * const { adapter, message } = await routeReply(store, adapters, supportCase, { body: 'Your parcel left our warehouse today.' });
 * const result = await adapter.doSend!(message);
 * ```
 */
export async function routeReply(
  store: TimelineStore,
  adapters: ReadonlyArray<ChannelAdapterV1>,
  supportCase: SupportCase,
  reply: CaseReply,
): Promise<{
  /** The adapter that sends on the channel. */
  adapter: ChannelAdapterV1;
  /** The message to hand to its `doSend`. */
  message: OutboundMessage;
}> {
  const channel = reply.channel ?? supportCase.lastInboundChannel;
  const adapter = adapters.find((candidate) => candidate.capabilities.send && candidate.doSend && candidate.capabilities.channels.includes(channel));
  if (!adapter) throw new ReplyRoutingError('no_adapter_for_channel', `No configured adapter sends on ${channel}`);
  const tenantId = supportCase.tenantId;
  let to: string | undefined;
  if (channel === 'sms' || channel === 'whatsapp' || channel === 'voice') {
    const phone = (await store.identitiesOf(tenantId, supportCase.customerId)).find((identity) => identity.kind === 'phone');
    if (phone) to = channel === 'whatsapp' ? `whatsapp:${phone.key.slice('phone:'.length)}` : phone.key.slice('phone:'.length);
  } else if (threadedChannels.has(channel)) {
    const thread = supportCase.threads.find((candidate) => candidate.startsWith(`${adapter.id}:`));
    if (thread) to = thread.slice(thread.lastIndexOf(':') + 1);
  }
  if (to === undefined) throw new ReplyRoutingError('no_address_for_channel', `Customer ${supportCase.customerId} has no ${channel} address ${adapter.id} can send to`);
  const [lastInbound] = await store.listEvents({ tenantId, customerId: supportCase.customerId, types: ['message.received'], channels: [channel], limit: 1 });
  return {
    adapter,
    message: {
      tenantId,
      caseId: supportCase.id,
      channel,
      to,
      body: reply.body,
      ...(reply.internal ? { internal: true } : {}),
      ...(reply.template ? { template: reply.template } : {}),
      lastInboundAt: lastInbound ? new Date(lastInbound.occurredAt) : null,
      priority: supportCase.priority,
    },
  };
}

/**
 * Places a sent message on the case it answers, as the bot when the reply is automated.
 * @param result - what the adapter's `doSend` returned
 * @param caseId - the case answered: the event's thread when it has none of its own
 * @param automated - the bot and facts of an automated reply
 * @returns the result with its event placed (and, when automated, with a bot actor and the facts)
 * @example
 * ```ts
 * const placed = onCase(await adapter.doSend!(message), supportCase.id, { botId: 'wismo', facts: { orderStatus: 'shipped' } });
 * ```
 */
export function onCase(result: SendResult, caseId: string, automated?: CaseReply['automated']): SendResult {
  const placed = { ...result.event, thread: result.event.thread ?? `case:${caseId}` };
  if (!automated) return { ...result, event: placed };
  const actor = { kind: 'bot' as const, id: automated.botId };
  const event = placed.type === 'message.sent' ? { ...placed, actor, data: { ...placed.data, facts: automated.facts } } : { ...placed, actor };
  return { ...result, event };
}
