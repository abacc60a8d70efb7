import type { PrivacyRequest } from '../adapter/channel-adapter';
import type { StoreReader } from '../store/timeline-store';
import { type IdentityNormaliser, platformNamespaceOf } from './normalise-identity';

/**
 * The customers a customer privacy request is about. A platform id (`shopify:customer:…`) or a
 * reference the request names (its orders) decides; an email or phone adds only customers that
 * hold no other id of a platform the request names. Two people can share a phone or an email (a
 * household): the guard rail kept them apart, and one's request must never export or erase the
 * other's history.
 *
 * @param store - where identities are looked up
 * @param normaliser - normalises the request's identifiers
 * @param request - a customer data request or redact
 * @returns the customer ids, each once
 * @example
 * ```ts
 * const ids = await privacySubjects(store, normaliser, request);
 * ```
 */
export async function privacySubjects(store: StoreReader, normaliser: IdentityNormaliser, request: PrivacyRequest): Promise<string[]> {
  if (request.kind === 'tenant_redact') return [];
  const tenantId = request.tenantId;
  const named = request.identities.map((claim) => normaliser.normalise(claim)).flatMap((result) => (result.ok ? [result] : []));
  const namedPlatformKeys = new Map(named.filter((identity) => identity.kind === 'platform').map((identity) => [platformNamespaceOf(identity.key), identity.key]));
  const found = await store.findIdentities(tenantId, [...new Set(named.map((identity) => identity.key))]);
  const subjects = new Set<string>();
  const byContact = new Set<string>();
  for (const identity of found) {
    if (identity.kind === 'platform' || identity.kind === 'reference') subjects.add(identity.customerId);
    else byContact.add(identity.customerId);
  }
  for (const customerId of byContact) {
    if (subjects.has(customerId)) continue;
    const held = await store.identitiesOf(tenantId, customerId);
    // Another id of a platform the request names: someone else who shares the email or phone.
    const someoneElse = held.some((identity) => identity.kind === 'platform' && (namedPlatformKeys.get(platformNamespaceOf(identity.key)) ?? identity.key) !== identity.key);
    if (!someoneElse) subjects.add(customerId);
  }
  return [...subjects];
}
