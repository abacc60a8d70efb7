import { type SupportLanguage, toSupportLanguage } from '../intent/support-language';
import {
  defaultOrderStatusTemplates,
  type OrderStatusTemplateKey,
  orderStatusTemplateKeys,
  type OrderStatusTemplateSet,
} from './default-order-status-templates';
import type { OrderFacts } from './order-facts';
import type { HandoffDetail, OrderStatusDecision } from './order-status-answer';
import { renderTemplate, unknownPlaceholders } from './render-template';
import { sanitiseTrackingText, sanitiseTrackingUrl } from './sanitise-tracking';

/** Settings of the order-status answerer. */
export interface OrderStatusAnswererOptions {
  /** Merchant templates per language; a missing language or key falls back to the built-in one. */
  readonly templates?: Readonly<Record<string, Partial<OrderStatusTemplateSet>>>;
  /** Language used when the customer's has no templates. Default `en`. */
  readonly defaultLanguage?: SupportLanguage;
  /** IANA time zone for delivery dates. Default `UTC`. */
  readonly timeZone?: string;
  /** Days past the delivery estimate after which an undelivered parcel counts as possibly lost. Default 2. */
  readonly overdueAfterDays?: number;
  /** How far back the customer's orders count as candidates when no number is given. Default 60 days. */
  readonly recentOrderDays?: number;
}

/** What the answerer needs to decide. */
export interface OrderStatusQuestion {
  /** The orders found: one for a quoted number, the customer's recent orders otherwise. */
  readonly candidates: readonly OrderFacts[];
  /** The customer asking; an order of another customer is never described. */
  readonly customerId: string;
  /** The order number quoted in the message, if any. */
  readonly orderNumber?: string;
  /** The customer's language (ISO 639-1). */
  readonly language: string;
  /** The current time. */
  readonly now: Date;
}

/** Answers order-status questions from facts, or says why a person must. */
export interface OrderStatusAnswerer {
  /**
   * Picks the order the question is about and renders the answer, or decides to hand over.
   *
   * @param question - candidates, customer, language and time
   * @returns an answer with the facts it used, or a handoff with its reason
   */
  decide(question: OrderStatusQuestion): OrderStatusDecision;
  /**
   * Renders one template in a language, with fallback to the default language and built-ins.
   *
   * @param key - the situation
   * @param language - the customer's language
   * @param values - placeholder values (already safe)
   * @returns the text and the language actually used
   */
  render(
    key: OrderStatusTemplateKey,
    language: string,
    values?: Readonly<Record<string, string | null>>,
  ): {
    /** The rendered text. */
    body: string;
    /** The language of the template used: the customer's (its primary subtag), or the default language when there is no template for it. */
    language: string;
  };
}

const placeholderNames = ['orderName', 'carrier', 'trackingNumber', 'trackingUrl', 'estimatedDelivery'];
const dayMs = 86_400_000;
/** Shipment statuses that mean the facts cannot answer the question (Shopify `shipment_status`). */
const troubleStatuses: Readonly<Record<string, HandoffDetail>> = { delayed: 'shipment_delayed', failure: 'shipment_failed' };
/** Shipment statuses a template answers; others are open-ended values we do not guess about. */
const answerableStatuses: Readonly<Record<string, OrderStatusTemplateKey>> = {
  label_printed: 'in_transit',
  label_purchased: 'in_transit',
  confirmed: 'in_transit',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  attempted_delivery: 'attempted_delivery',
  ready_for_pickup: 'ready_for_pickup',
  picked_up: 'delivered',
  delivered: 'delivered',
};

/**
 * Creates the order-status answerer with merchant templates layered over the built-in ones.
 *
 * @param options - templates, default language, time zone and thresholds
 * @returns the answerer
 * @throws Error with code `invalid_template` when a merchant template uses an unknown placeholder
 * @example
 * const answerer = createOrderStatusAnswerer({ templates: { en: { in_transit: 'On its way: {trackingUrl}' } } });
 * answerer.decide({ candidates: [order], customerId: 'c1', language: 'en', now: new Date() });
 */
export function createOrderStatusAnswerer(options: OrderStatusAnswererOptions = {}): OrderStatusAnswerer {
  const defaultLanguage = options.defaultLanguage ?? 'en';
  const timeZone = options.timeZone ?? 'UTC';
  const overdueMs = (options.overdueAfterDays ?? 2) * dayMs;
  const recentMs = (options.recentOrderDays ?? 60) * dayMs;
  const merchant = options.templates ?? {};
  for (const [language, set] of Object.entries(merchant)) {
    for (const [key, template] of Object.entries(set)) {
      const unknown = template === undefined ? [] : unknownPlaceholders(template, placeholderNames);
      if (!(orderStatusTemplateKeys as readonly string[]).includes(key) || unknown.length > 0) {
        throw Object.assign(new Error(`Template ${language}.${key} is invalid: unknown key or placeholders ${unknown.join(', ')}`), {
          code: 'invalid_template',
        });
      }
    }
  }

  const templateFor = (key: OrderStatusTemplateKey, language: string): { template: string; language: string } => {
    const primary = language.toLowerCase().split(/[-_]/)[0] ?? language;
    const own = merchant[language]?.[key] ?? merchant[primary]?.[key];
    if (own !== undefined) return { template: own, language: primary };
    const supported = toSupportLanguage(language);
    if (supported !== undefined) {
      return { template: merchant[supported]?.[key] ?? defaultOrderStatusTemplates[supported][key], language: supported };
    }
    return { template: merchant[defaultLanguage]?.[key] ?? defaultOrderStatusTemplates[defaultLanguage][key], language: defaultLanguage };
  };

  const render: OrderStatusAnswerer['render'] = (key, language, values = {}) => {
    const { template, language: used } = templateFor(key, language);
    return { body: renderTemplate(template, values), language: used };
  };

  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const formatDate = (iso: string | null, language: string): string | null => {
    if (iso === null) return null;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    let formatter = dateFormats.get(language);
    if (formatter === undefined) {
      const locale = language === 'no' ? 'nb' : language;
      formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', weekday: 'long', timeZone });
      dateFormats.set(language, formatter);
    }
    return formatter.format(date);
  };

  const decide = (question: OrderStatusQuestion): OrderStatusDecision => {
    const handoff = (reason: 'unanswerable' | 'automation_failed', detail: HandoffDetail, candidates = question.candidates) =>
      ({ kind: 'handoff', reason, detail, candidates }) as const;
    const own = question.candidates.filter((order) => order.customerId === question.customerId);
    let order: OrderFacts | undefined;
    if (question.orderNumber !== undefined) {
      const wanted = normaliseOrderNumber(question.orderNumber);
      const matching = question.candidates.filter((candidate) => normaliseOrderNumber(candidate.orderName) === wanted);
      if (matching.length === 0) return handoff('unanswerable', 'order_not_found');
      // Never describe another customer's order to whoever typed its number.
      order = matching.find((candidate) => candidate.customerId === question.customerId);
      if (order === undefined) return handoff('unanswerable', 'order_of_another_customer', []);
    } else {
      const recent = own.filter((candidate) => question.now.getTime() - Date.parse(candidate.placedAt) <= recentMs);
      if (recent.length === 0) return handoff('unanswerable', 'no_order_found');
      const open = recent.filter((candidate) => !isSettled(candidate));
      if (open.length === 1) order = open[0];
      else if (open.length === 0 && recent.length === 1) order = recent[0];
      else return handoff('unanswerable', 'several_orders', recent);
    }
    if (order === undefined) return handoff('unanswerable', 'no_order_found');
    const only = [order];
    if (order.cancelledAt !== null && order.cancelledAt !== undefined) return handoff('unanswerable', 'order_cancelled', only);
    const status = order.shipmentStatus?.toLowerCase() ?? null;
    const trouble = status === null ? undefined : troubleStatuses[status];
    if (trouble !== undefined) return handoff('unanswerable', trouble, only);

    let key: OrderStatusTemplateKey;
    const fulfilment = order.fulfilmentStatus?.toLowerCase() ?? null;
    if (status !== null) {
      const mapped = answerableStatuses[status];
      if (mapped === undefined) return handoff('unanswerable', 'unknown_shipment_status', only);
      key = mapped === 'in_transit' && fulfilment === 'partial' ? 'partially_shipped' : mapped;
    } else if (fulfilment === null || fulfilment === 'unfulfilled' || fulfilment === 'unshipped' || fulfilment === 'pending') {
      key = 'not_shipped';
    } else if (fulfilment === 'partial' || fulfilment === 'partially_fulfilled') {
      key = 'partially_shipped';
    } else if (fulfilment === 'fulfilled') {
      key = 'in_transit';
    } else {
      return handoff('unanswerable', 'unknown_shipment_status', only);
    }
    if (key !== 'delivered' && key !== 'not_shipped' && order.estimatedDelivery !== null) {
      const estimate = Date.parse(order.estimatedDelivery);
      if (!Number.isNaN(estimate) && question.now.getTime() - estimate > overdueMs) return handoff('unanswerable', 'shipment_overdue', only);
    }

    const supported = toSupportLanguage(question.language) ?? defaultLanguage;
    const values = {
      orderName: sanitiseTrackingText(order.orderName),
      carrier: sanitiseTrackingText(order.carrier),
      trackingNumber: sanitiseTrackingText(order.trackingNumber),
      trackingUrl: sanitiseTrackingUrl(order.trackingUrl),
      estimatedDelivery: formatDate(order.estimatedDelivery, supported),
    };
    const { body, language } = render(key, question.language, values);
    const facts: Record<string, string> = { orderId: order.orderId, templateKey: key };
    for (const [name, value] of Object.entries(values)) if (value !== null) facts[name] = value;
    if (order.shipmentStatus !== null) facts.shipmentStatus = order.shipmentStatus;
    if (order.fulfilmentStatus !== null) facts.fulfilmentStatus = order.fulfilmentStatus;
    return { kind: 'answer', body, language, templateKey: key, order, facts };
  };

  return { decide, render };
}

/** `#1001`, `1001` and ` #1001 ` compare equal; so do `#EU1001` and `eu1001`. */
function normaliseOrderNumber(value: string): string {
  return value.replace(/[#\s]/g, '').toUpperCase();
}

/** Delivered or cancelled orders are settled: a "where is my order" is rarely about them. */
function isSettled(order: OrderFacts): boolean {
  const status = order.shipmentStatus?.toLowerCase();
  return (order.cancelledAt !== null && order.cancelledAt !== undefined) || status === 'delivered' || status === 'picked_up';
}
