import type { IdentityKind } from '../model/identity';
import type { IncomingEvent } from '../model/timeline-event';
import { type IdentityNormaliser, platformNamespaceOf } from './normalise-identity';

/**
 * The normalised identity keys an event claims, as identity resolution uses them: invalid claims
 * dropped, duplicates removed, and at most one platform id per platform (an event naming two
 * Shopify customers keeps the key that sorts first as text), so resolution never depends on claim order.
 *
 * @param event - an incoming event
 * @param normaliser - the tenant's normaliser
 * @returns keys with their kinds
 * @example
 * ```ts
 * eventIdentityKeys(event, new IdentityNormaliser('US'));
 * // for claims of email ' Ana@Example.com' and Shopify customers 9 and 10:
 * // [{ key: 'email:ana@example.com', kind: 'email' }, { key: 'shopify:customer:10', kind: 'platform' }]
 * ```
 */
export function eventIdentityKeys(
  event: IncomingEvent,
  normaliser: IdentityNormaliser,
): Array<{
  /** The normalised key, such as `email:ana@example.com`. */
  key: string;
  /** What kind of identifier it is. */
  kind: IdentityKind;
}> {
  const keys: Array<{ key: string; kind: IdentityKind }> = [];
  for (const claim of event.identities) {
    const normalised = normaliser.normalise(claim);
    if (normalised.ok && !keys.some((known) => known.key === normalised.key)) keys.push({ key: normalised.key, kind: normalised.kind });
  }
  const platforms = new Map<string, string>();
  for (const { key, kind } of keys) {
    if (kind !== 'platform') continue;
    const namespace = platformNamespaceOf(key);
    const held = platforms.get(namespace);
    if (held === undefined || key < held) platforms.set(namespace, key);
  }
  return keys.filter(({ key, kind }) => kind !== 'platform' || platforms.get(platformNamespaceOf(key)) === key);
}
