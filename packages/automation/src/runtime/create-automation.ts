import type { Channel, TimelineEvent, TimelineEventOf } from '@throughline/core/adapter';
import { createOrderStatusAnswerer, type OrderStatusAnswerer } from '../answer/create-order-status-answerer';
import type { OrderFacts } from '../answer/order-facts';
import type { HandoffDetail, HandoffReason } from '../answer/order-status-answer';
import { createRuleIntentRecogniser } from '../intent/create-rule-intent-recogniser';
import type { IntentRecogniser } from '../intent/intent-recogniser';
import { type SupportLanguage, toSupportLanguage } from '../intent/support-language';
import type { KnowledgeBase } from '../knowledge/create-knowledge-base';
import type {
  AutomatedReply,
  AutomationEvent,
  AutomationEventSink,
  CustomerDirectory,
  Handoff,
  HumanQueue,
  OrderLookup,
  ReplySender,
  TranscriptEntry,
} from './automation-ports';
import { sanitiseTrackingText, sanitiseTrackingUrl } from '../answer/sanitise-tracking';
import { createPerCustomerRateLimit, type RateLimitOptions } from './per-customer-rate-limit';
import { createTranscriptLog } from './transcript-log';

/** Settings and collaborators of the automation runtime. */
export interface AutomationOptions {
  /** Finds the orders a status question is about (the Shopify adapter or the store's order projection). */
  readonly orders: OrderLookup;
  /** Sends answers, handoff notices, suggestions and shipment notices as the bot. */
  readonly replies: ReplySender;
  /** Where cases go when automation hands them to people. */
  readonly humanQueue: HumanQueue;
  /** Reads a customer's tier, locale and proactive opt-out. */
  readonly customers: CustomerDirectory;
  /** Receives what automation did; default: nowhere. */
  readonly events?: AutomationEventSink;
  /** Default: the built-in multilingual rules. */
  readonly recogniser?: IntentRecogniser;
  /** Default: built-in templates, UTC dates. */
  readonly answerer?: OrderStatusAnswerer;
  /** Knowledge base for suggestions on messages automation does not answer. */
  readonly knowledgeBase?: KnowledgeBase;
  /** Send good self-service articles to the customer, not only to the agent. Default false. */
  readonly sendSelfServiceArticles?: boolean;
  /** Recognitions below this confidence are left to people. Default 0.6. */
  readonly minConfidence?: number;
  /** Customer tiers that always go straight to a person. Default `['vip']`. */
  readonly vipTiers?: readonly string[];
  /** The queue for a handoff. Default `'support'`. */
  readonly queueFor?: (reason: HandoffReason, detail: HandoffDetail) => string;
  /** Language used when nothing else says. Default `en`. */
  readonly defaultLanguage?: SupportLanguage;
  /** Shipment statuses that trigger a proactive notice. Default `delayed`, `failure`. */
  readonly proactiveShipmentStatuses?: readonly string[];
  /** Proactive rate limit per customer. Default one message per 24 hours. */
  readonly proactiveRateLimit?: RateLimitOptions;
  /** Bot identity on the timeline. Default `{ kind: 'bot', id: 'throughline-automation' }`. */
  readonly botId?: string;
  /** The current time. Default `() => new Date()`. */
  readonly now?: () => Date;
}

/** What automation did with one event. */
export type AutomationOutcome =
  | {
      /** An order-status question was answered from the shop's facts. */
      readonly kind: 'answered';
      /** The id of the sent answer. */
      readonly messageId: string;
      /** The order the answer described. */
      readonly order: OrderFacts;
    }
  | {
      /** The case went to people. */
      readonly kind: 'handed_over';
      /** What was put in the human queue. */
      readonly handoff: Handoff;
    }
  | {
      /** Knowledge-base articles were suggested for a message automation did not answer. */
      readonly kind: 'suggested';
      /** Articles suggested to the agent, best first. */
      readonly articleIds: readonly string[];
      /** Article ids also sent to the customer as self-service (at most one, and only with `sendSelfServiceArticles`). */
      readonly sentToCustomer: readonly string[];
    }
  | {
      /** A proactive shipment notice was sent. */
      readonly kind: 'notified';
      /** The id of the sent notice. */
      readonly messageId: string;
    }
  | {
      /** A proactive shipment notice was due but not sent. */
      readonly kind: 'skipped';
      /** Why not, as on the `automation.skipped` event. */
      readonly reason: 'opted_out' | 'rate_limited' | 'duplicate' | 'send_failed';
    }
  | {
      /** Automation did nothing with the event. */
      readonly kind: 'ignored';
      /**
       * Why: `not_from_customer`, `no_case`, `case_with_people` (handed over and not released),
       * `not_automated` (another event type, or no knowledge base to suggest from), `no_suggestion` or `shipment_on_track`.
       */
      readonly reason: string;
    };

/** The automation runtime: give it timeline events, it answers, suggests, notifies or hands over. */
export interface Automation {
  /**
   * Handles one timeline event (`message.received` from a customer, `fulfillment.updated`); others are ignored.
   * @param event - a placed timeline event (customer and case resolved by the core)
   * @returns what automation did
   */
  handle(event: TimelineEvent): Promise<AutomationOutcome>;
  /**
   * Reads automation's conversation on a case.
   * @param caseId - the case
   * @returns the transcript, oldest first
   */
  transcript(caseId: string): readonly TranscriptEntry[];
  /**
   * Lets automation speak on a case again after people handled it (call when the case is solved).
   * @param caseId - the case
   */
  release(caseId: string): void;
}

/**
 * Creates the automation runtime over small interfaces the core and adapters implement.
 *
 * @param options - collaborators and settings
 * @returns the runtime
 * @example
 * const automation = createAutomation({ orders, replies, humanQueue, customers, events });
 * throughline.events.on('timeline.appended', (event) => void automation.handle(event));
 */
export function createAutomation(options: AutomationOptions): Automation {
  const recogniser = options.recogniser ?? createRuleIntentRecogniser(withDefaultLanguage(options.defaultLanguage));
  const answerer = options.answerer ?? createOrderStatusAnswerer(withDefaultLanguage(options.defaultLanguage));
  const defaultLanguage = options.defaultLanguage ?? 'en';
  const minConfidence = options.minConfidence ?? 0.6;
  const vipTiers = new Set(options.vipTiers ?? ['vip']);
  const queueFor = options.queueFor ?? (() => 'support');
  const proactiveStatuses = new Set(options.proactiveShipmentStatuses ?? ['delayed', 'failure']);
  const rateLimit = createPerCustomerRateLimit(options.proactiveRateLimit);
  const now = options.now ?? (() => new Date());
  const actor = { kind: 'bot', id: options.botId ?? 'throughline-automation' } as const;
  const transcripts = createTranscriptLog();
  const withPeople = new Set<string>();
  const notified = new Set<string>();
  const record = async (event: AutomationEvent) => {
    await options.events?.record(event);
  };

  const send = async (
    caseId: string | null,
    message: Omit<AutomatedReply, 'actor'>,
  ): Promise<{ ok: true; messageId: string; channel: Channel } | { ok: false; reason: string }> => {
    try {
      const outcome = await options.replies.reply(caseId, { ...message, actor });
      if (outcome.ok && caseId !== null) transcripts.add(caseId, { at: now().toISOString(), from: 'bot', text: message.body, note: message.purpose });
      return outcome;
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };

  const handOver = async (
    event: TimelineEventOf<'message.received'>,
    caseId: string,
    reason: HandoffReason,
    detail: HandoffDetail,
    language: string,
    summary: string,
    candidates: readonly OrderFacts[] = [],
  ): Promise<AutomationOutcome> => {
    const at = now().toISOString();
    transcripts.add(caseId, { at, from: 'bot', text: `handoff: ${reason} (${detail})`, note: 'handoff' });
    const handoff: Handoff = {
      tenantId: event.tenantId,
      caseId,
      customerId: event.customerId,
      reason,
      detail,
      queue: queueFor(reason, detail),
      summary,
      language,
      channel: event.channel,
      transcript: transcripts.read(caseId),
      candidates,
      triggeringEventId: event.id,
      at,
    };
    withPeople.add(caseId);
    await options.humanQueue.enqueue(handoff);
    await record({
      type: 'automation.handoff',
      tenantId: event.tenantId,
      customerId: event.customerId,
      caseId,
      occurredAt: at,
      causedBy: event.id,
      data: { reason, queue: handoff.queue, summary },
      detail,
      transcript: handoff.transcript,
    });
    const notice = answerer.render('handing_over', language);
    await send(caseId, {
      tenantId: event.tenantId,
      customerId: event.customerId,
      body: notice.body,
      channel: event.channel,
      facts: { handoffReason: reason, handoffDetail: detail },
      purpose: 'handoff_notice',
      language: notice.language,
      template: { key: 'handing_over', variables: {} },
    });
    return { kind: 'handed_over', handoff };
  };

  const answerOrderStatus = async (
    event: TimelineEventOf<'message.received'>,
    caseId: string,
    language: string,
    confidence: number,
    orderNumber: string | undefined,
  ): Promise<AutomationOutcome> => {
    let candidates: readonly OrderFacts[];
    try {
      if (orderNumber === undefined) {
        candidates = await options.orders.recentOrders({ tenantId: event.tenantId, customerId: event.customerId });
      } else {
        const found = await options.orders.findOrder({ tenantId: event.tenantId, orderNumber });
        candidates = found === null ? [] : [found];
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return handOver(event, caseId, 'automation_failed', 'lookup_failed', language, `Order lookup failed: ${message}`);
    }
    const decision = answerer.decide({
      candidates,
      customerId: event.customerId,
      language,
      now: now(),
      ...(orderNumber === undefined ? {} : { orderNumber }),
    });
    if (decision.kind === 'handoff') {
      const names = decision.candidates.map((order) => order.orderName).join(', ');
      const summary = `Order-status question${orderNumber === undefined ? '' : ` about ${orderNumber}`}: ${decision.detail.replaceAll('_', ' ')}${names === '' ? '' : ` (${names})`}`;
      return handOver(event, caseId, decision.reason, decision.detail, language, summary, decision.candidates);
    }
    const sent = await send(caseId, {
      tenantId: event.tenantId,
      customerId: event.customerId,
      body: decision.body,
      channel: event.channel,
      facts: decision.facts,
      purpose: 'order_status_answer',
      language: decision.language,
      template: { key: decision.templateKey, variables: decision.facts },
    });
    if (!sent.ok) {
      return handOver(event, caseId, 'automation_failed', 'reply_failed', language, `Automated answer could not be sent: ${sent.reason}`, [decision.order]);
    }
    await record({
      type: 'automation.answered',
      tenantId: event.tenantId,
      customerId: event.customerId,
      caseId,
      occurredAt: now().toISOString(),
      causedBy: event.id,
      intent: 'order_status',
      confidence,
      messageId: sent.messageId,
      facts: decision.facts,
    });
    return { kind: 'answered', messageId: sent.messageId, order: decision.order };
  };

  const suggest = async (event: TimelineEventOf<'message.received'>, caseId: string, language: string): Promise<AutomationOutcome> => {
    const knowledgeBase = options.knowledgeBase;
    if (knowledgeBase === undefined) return { kind: 'ignored', reason: 'not_automated' };
    const suggestions = knowledgeBase.suggest({ text: event.data.body, language });
    const articleIds = suggestions.forAgent.map((hit) => hit.article.id);
    const sentToCustomer: string[] = [];
    const best = suggestions.selfService[0];
    if (options.sendSelfServiceArticles === true && best !== undefined) {
      const body = best.article.url === undefined ? `${best.article.title}\n\n${best.article.body}` : `${best.article.title}: ${best.article.url}`;
      const sent = await send(caseId, {
        tenantId: event.tenantId,
        customerId: event.customerId,
        body,
        channel: event.channel,
        facts: { articleId: best.article.id },
        purpose: 'knowledge_suggestion',
        language: best.article.language,
        template: { key: 'knowledge_article', variables: { articleId: best.article.id } },
      });
      if (sent.ok) sentToCustomer.push(best.article.id);
    }
    if (articleIds.length === 0 && sentToCustomer.length === 0) return { kind: 'ignored', reason: 'no_suggestion' };
    await record({
      type: 'automation.suggested',
      tenantId: event.tenantId,
      customerId: event.customerId,
      caseId,
      occurredAt: now().toISOString(),
      causedBy: event.id,
      articleIds,
      sentToCustomer,
    });
    return { kind: 'suggested', articleIds, sentToCustomer };
  };

  const handleInbound = async (event: TimelineEventOf<'message.received'>): Promise<AutomationOutcome> => {
    if (event.actor.kind !== 'customer') return { kind: 'ignored', reason: 'not_from_customer' };
    const caseId = event.caseId;
    if (caseId === null) return { kind: 'ignored', reason: 'no_case' };
    if (withPeople.has(caseId)) return { kind: 'ignored', reason: 'case_with_people' };
    const customer = await options.customers.getCustomer({ tenantId: event.tenantId, customerId: event.customerId });
    const hint = customer?.locale ?? event.profile?.locale;
    const recognised = await recogniser.recognise(event.data.body, hint === undefined ? {} : { languageHint: hint });
    const language = recognised.language;
    transcripts.add(caseId, {
      at: event.occurredAt,
      from: 'customer',
      text: event.data.body,
      note: `${recognised.intent} ${recognised.confidence.toFixed(2)} ${language}`,
    });
    if (customer !== null && vipTiers.has(customer.tier)) {
      return handOver(event, caseId, 'vip', 'vip_customer', language, `VIP customer (${customer.tier}) wrote: ${preview(event.data.body)}`);
    }
    if (recognised.confidence < minConfidence) return suggest(event, caseId, language);
    if (recognised.intent === 'talk_to_human') {
      return handOver(event, caseId, 'customer_request', 'customer_asked_for_person', language, `Customer asked for a person: ${preview(event.data.body)}`);
    }
    if (recognised.intent === 'order_status') {
      return answerOrderStatus(event, caseId, language, recognised.confidence, recognised.orderNumber);
    }
    return suggest(event, caseId, language);
  };

  const handleFulfillment = async (event: TimelineEventOf<'fulfillment.updated'>): Promise<AutomationOutcome> => {
    const status = event.data.shipmentStatus?.toLowerCase() ?? null;
    if (status === null || !proactiveStatuses.has(status)) return { kind: 'ignored', reason: 'shipment_on_track' };
    const skipped = async (reason: 'opted_out' | 'rate_limited' | 'duplicate' | 'send_failed'): Promise<AutomationOutcome> => {
      await record({ type: 'automation.skipped', tenantId: event.tenantId, customerId: event.customerId, caseId: event.caseId, occurredAt: now().toISOString(), causedBy: event.id, reason });
      return { kind: 'skipped', reason };
    };
    const dedupeKey = `${event.tenantId}|${event.data.fulfillmentId}|${status}`;
    if (notified.has(dedupeKey)) return skipped('duplicate');
    const customer = await options.customers.getCustomer({ tenantId: event.tenantId, customerId: event.customerId });
    if (customer === null || customer.proactiveOptOut) return skipped('opted_out');
    if (!rateLimit.tryTake(`${event.tenantId}|${event.customerId}`, now())) return skipped('rate_limited');
    notified.add(dedupeKey);
    const language = toSupportLanguage(customer.locale ?? event.profile?.locale ?? '') ?? defaultLanguage;
    const key = status === 'failure' ? 'failure_notice' : 'delay_notice';
    const orderName = event.data.orderName ?? event.data.orderId;
    const values = answerValues(event, orderName);
    const rendered = answerer.render(key, language, values);
    const sent = await send(event.caseId, {
      tenantId: event.tenantId,
      customerId: event.customerId,
      body: rendered.body,
      channel: null,
      facts: compact({ ...values, shipmentStatus: status, fulfillmentId: event.data.fulfillmentId }),
      purpose: 'shipment_notice',
      language: rendered.language,
      template: { key, variables: compact(values) },
    });
    if (!sent.ok) {
      notified.delete(dedupeKey);
      return skipped('send_failed');
    }
    await record({
      type: 'automation.notified',
      tenantId: event.tenantId,
      customerId: event.customerId,
      caseId: event.caseId,
      occurredAt: now().toISOString(),
      causedBy: event.id,
      orderName,
      shipmentStatus: status,
      messageId: sent.messageId,
    });
    return { kind: 'notified', messageId: sent.messageId };
  };

  return {
    async handle(event) {
      if (event.type === 'message.received') return handleInbound(event);
      if (event.type === 'fulfillment.updated') return handleFulfillment(event);
      return { kind: 'ignored', reason: 'not_automated' };
    },
    transcript: (caseId) => transcripts.read(caseId),
    release(caseId) {
      withPeople.delete(caseId);
    },
  };
}

function withDefaultLanguage(language: SupportLanguage | undefined): { defaultLanguage?: SupportLanguage } {
  return language === undefined ? {} : { defaultLanguage: language };
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function compact(values: Readonly<Record<string, string | null>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (value !== null) result[name] = value;
  return result;
}

function answerValues(event: TimelineEventOf<'fulfillment.updated'>, orderName: string): Record<string, string | null> {
  return {
    orderName: sanitiseTrackingText(orderName),
    carrier: sanitiseTrackingText(event.data.carrier),
    trackingNumber: sanitiseTrackingText(event.data.trackingNumbers[0] ?? null),
    trackingUrl: sanitiseTrackingUrl(event.data.trackingUrls[0] ?? null),
  };
}
