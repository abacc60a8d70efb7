import type { WebhookDelivery } from '@throughline/core/adapter';
import { groupParams, parseFormParams, type TwilioParams } from './signature/form-params';

/** A delivery's parameters, read once: what was signed and what the mapping reads. */
export interface TwilioDeliveryContent {
  /** `form` for a form POST, `query` for a GET, `json` for a JSON body signed with `bodySHA256`. */
  kind: 'form' | 'query' | 'json';
  /** Parameters that enter the signature (form POSTs only). */
  signedParams: TwilioParams;
  /** Every parameter in arrival order (from the body, or the query for GETs). */
  params: TwilioParams;
  /** Every parameter by name, built on first use. */
  readonly fields: Map<string, string[]>;
  /** The `bodySHA256` query value of a JSON delivery. */
  bodySha256: string | null;
  /** Why a JSON body could not be read, when it could not. */
  bodyError: string | null;
}

// One delivery is verified then parsed right away: remembering the last one spares a second read without
// the garbage-collection cost a WeakMap of short-lived deliveries would bring.
let lastDelivery: WebhookDelivery | null = null;
let lastContent: TwilioDeliveryContent | null = null;

function readJsonParams(bodyText: string): { params: TwilioParams; error: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return { params: [], error: 'the JSON body is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { params: [], error: 'the JSON body is not an object' };
  const params: Array<readonly [string, string]> = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string') params.push([name, value]);
    else if (typeof value === 'number' || typeof value === 'boolean') params.push([name, String(value)]);
    else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string' || typeof item === 'number') params.push([name, String(item)]);
    }
  }
  return { params, error: null };
}

/** The parameters of one delivery; the by-name map is built only when the mapping needs it. */
class DeliveryContent implements TwilioDeliveryContent {
  readonly signedParams: TwilioParams;
  readonly bodySha256: string | null;
  readonly bodyError: string | null;
  private grouped: Map<string, string[]> | null = null;

  constructor(
    readonly kind: TwilioDeliveryContent['kind'],
    readonly params: TwilioParams,
    extra: { bodySha256?: string; bodyError?: string | null } = {},
  ) {
    this.signedParams = kind === 'form' ? params : [];
    this.bodySha256 = extra.bodySha256 ?? null;
    this.bodyError = extra.bodyError ?? null;
  }

  get fields(): Map<string, string[]> {
    this.grouped ??= groupParams(this.params);
    return this.grouped;
  }
}

/**
 * Reads a delivery's parameters the way Twilio sent them: a form POST, a GET with the parameters in the
 * query, or a JSON body whose hash is in the `bodySHA256` query parameter.
 *
 * @param delivery - the webhook delivery
 * @returns its parameters
 */
export function readTwilioDelivery(delivery: WebhookDelivery): TwilioDeliveryContent {
  if (delivery === lastDelivery && lastContent !== null) return lastContent;
  let read: TwilioDeliveryContent;
  const search = delivery.url.search;
  const bodySha256 = search.includes('bodySHA256=') ? delivery.url.searchParams.get('bodySHA256') : null;
  if (bodySha256 !== null) {
    const { params, error } = readJsonParams(delivery.bodyText);
    read = new DeliveryContent('json', params, { bodySha256, bodyError: error });
  } else if (delivery.request.method === 'GET') {
    read = new DeliveryContent('query', parseFormParams(search.slice(1)));
  } else {
    read = new DeliveryContent('form', parseFormParams(delivery.bodyText));
  }
  lastDelivery = delivery;
  lastContent = read;
  return read;
}

/**
 * The first value of a parameter, or null.
 * @param read - the delivery's parameters
 * @param name - the parameter name
 * @returns the value
 */
export function firstField(read: TwilioDeliveryContent, name: string): string | null {
  for (const [candidate, value] of read.params) if (candidate === name) return value;
  return null;
}

/**
 * The first values of every parameter, as an object for schema parsing.
 * @param read - the delivery's parameters
 * @returns name to first value
 */
export function fieldRecord(read: TwilioDeliveryContent): Record<string, string> {
  // No prototype: a parameter named `__proto__` stays a plain field.
  const record = Object.create(null) as Record<string, string>;
  for (const [name, value] of read.params) if (!(name in record)) record[name] = value;
  return record;
}
