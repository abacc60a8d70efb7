import type { PrivacyRequest } from '../adapter/channel-adapter';
import type { Identity } from '../model/identity';
import type { StoreReader } from '../store/timeline-store';
import { type IdentityNormaliser, platformNamespaceOf } from './normalise-identity';

/**
 * The customers a customer privacy request is about.
 *
 * - A platform id (`shopify:customer:…`) or a reference the request names (its orders) decides.
 * - An email the request names adds whoever holds it: a platform keeps emails unique to one of its
 *   customers, so a holder with another id of that platform is the same person under an id the
 *   platform merged away.
 * - A phone adds only customers holding no other id of a platform the subjects hold (or the request
 *   names): two people of one household can share a phone, the guard rail kept them apart, and one's
 *   request must never export or erase the other's history.
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
  const found = await store.findIdentities(tenantId, [...new Set(named.map((identity) => identity.key))]);
  const subjects = new Set<string>();
  const byPhone = new Set<string>();
  for (const identity of found) {
    if (identity.kind === 'phone' || identity.kind === 'social') byPhone.add(identity.customerId);
    else subjects.add(identity.customerId);
  }
  if (byPhone.size === 0) return [...subjects];
  // The platform ids the subject holds: named in the request, or held by a customer already decided on.
  const subjectIds = new Set(named.filter((identity) => identity.kind === 'platform').map((identity) => identity.key));
  for (const customerId of subjects) {
    for (const identity of await store.identitiesOf(tenantId, customerId)) if (identity.kind === 'platform') subjectIds.add(identity.key);
  }
  const subjectNamespaces = new Set([...subjectIds].map(platformNamespaceOf));
  const someoneElse = (identity: Identity) => identity.kind === 'platform' && subjectNamespaces.has(platformNamespaceOf(identity.key)) && !subjectIds.has(identity.key);
  for (const customerId of byPhone) {
    if (subjects.has(customerId)) continue;
    if (!(await store.identitiesOf(tenantId, customerId)).some(someoneElse)) subjects.add(customerId);
  }
  return [...subjects];
}
