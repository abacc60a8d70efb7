import type { Customer } from '../model/customer';
import type { IncomingEvent, TimelineEvent } from '../model/timeline-event';
import { eventIdentityKeys } from './event-identity-keys';
import { type FoldSettings, type FoldState, pairKey } from './fold-state';
import { platformNamespaceOf } from './normalise-identity';
import { stableHash } from './stable-hash';

/** The customer an event resolved to, and whether resolution merged customers. */
export interface Resolution {
  /** The customer (a survivor) the event belongs to. */
  customerId: string;
  /** True when resolving the event merged customers. */
  merged: boolean;
}

function platformKeysOf(state: FoldState, customerId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const identity of state.identities.values()) {
    if (identity.customerId === customerId && identity.kind === 'platform') out.set(platformNamespaceOf(identity.key), identity.key);
  }
  return out;
}

function createdOrder(a: Customer, b: Customer): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Resolves the customer of one source event inside the fold: links customers that share a
 * normalised identifier (recording each merge and its evidence), proposes instead of merging when
 * two customers hold different ids of the same platform or were unmerged before, and adds the
 * event's new identifiers to the customer with the event as evidence.
 *
 * @param state - the fold state, changed in place
 * @param event - a source event in canonical order
 * @param settings - tenant and normalisation settings
 * @returns the customer id and whether a merge happened
 * @example
 * ```ts
 * const resolution = resolveCustomer(state, event, settings);
 * const placement = assignCase(state, event, resolution.customerId, settings);
 * ```
 */
export function resolveCustomer(state: FoldState, event: IncomingEvent, settings: FoldSettings): Resolution {
  const keys = eventIdentityKeys(event, settings.normaliser);
  if (keys.length === 0 && event.thread?.startsWith('case:')) {
    let customerId = state.cases.get(event.thread.slice(5))?.customerId;
    while (customerId !== undefined && state.customers.get(customerId)?.mergedInto) customerId = state.customers.get(customerId)!.mergedInto!;
    if (customerId !== undefined && state.customers.has(customerId)) return { customerId, merged: false };
  }
  const owners: Customer[] = [];
  const ownerOfPlatformKey = new Set<string>();
  for (const { key, kind } of keys) {
    const identity = state.identities.get(key);
    if (!identity) continue;
    const owner = state.customers.get(identity.customerId);
    if (!owner) continue;
    if (!owners.includes(owner)) owners.push(owner);
    if (kind === 'platform') ownerOfPlatformKey.add(owner.id);
  }
  owners.sort((a, b) => {
    const aAnchored = ownerOfPlatformKey.has(a.id) ? 0 : 1;
    const bAnchored = ownerOfPlatformKey.has(b.id) ? 0 : 1;
    return aAnchored - bAnchored || createdOrder(a, b);
  });

  // The group starts with the event's own unowned platform ids: a candidate holding another id of
  // the same platform cannot be this event's customer.
  const groupPlatform = new Map<string, string>();
  for (const { key, kind } of keys) if (kind === 'platform' && !state.identities.has(key)) groupPlatform.set(platformNamespaceOf(key), key);
  const members: Customer[] = [];
  const conflicts: Array<{ customer: Customer; reason: 'conflicting_platform_ids' | 'previously_unmerged' }> = [];
  for (const owner of owners) {
    const ownerPlatform = platformKeysOf(state, owner.id);
    let compatible = true;
    for (const [namespace, key] of ownerPlatform) {
      const held = groupPlatform.get(namespace);
      if (held !== undefined && held !== key) compatible = false;
    }
    if (!compatible) {
      conflicts.push({ customer: owner, reason: 'conflicting_platform_ids' });
      continue;
    }
    if (members.some((member) => state.vetoedPairs.has(pairKey(member.id, owner.id)))) {
      conflicts.push({ customer: owner, reason: 'previously_unmerged' });
      continue;
    }
    members.push(owner);
    for (const [namespace, key] of ownerPlatform) groupPlatform.set(namespace, key);
  }

  if (members.length === 0) {
    const created: Customer = {
      tenantId: settings.tenantId,
      id: `cus_${stableHash(event.id)}`,
      profile: {},
      tier: settings.defaultTier,
      createdAt: event.occurredAt,
      createdByEventId: event.id,
      mergedInto: null,
      lastEventKey: '',
    };
    state.customers.set(created.id, created);
    members.push(created);
  }
  members.sort(createdOrder);
  const survivor = members[0]!;
  let merged = false;
  for (const absorbed of members.slice(1)) {
    const sharedKey = keys.find(({ key }) => state.identities.get(key)?.customerId === absorbed.id)?.key ?? null;
    const mergeId = `merge_${stableHash(`${event.id}|${absorbed.id}`)}`;
    const undoneAt = state.undoneMerges.get(mergeId);
    if (undoneAt !== undefined) {
      state.vetoedPairs.add(pairKey(survivor.id, absorbed.id));
      recordMerge(state, settings, event, survivor.id, absorbed.id, mergeId, 'automatic', sharedKey, undoneAt);
      addProposal(state, settings, event, survivor.id, absorbed.id, 'previously_unmerged', sharedKey);
      continue;
    }
    recordMerge(state, settings, event, survivor.id, absorbed.id, mergeId, 'automatic', sharedKey, null);
    merged = true;
  }
  for (const { customer, reason } of conflicts) {
    const sharedKey = keys.find(({ key }) => state.identities.get(key)?.customerId === customer.id)?.key ?? null;
    addProposal(state, settings, event, survivor.id, customer.id, reason, sharedKey);
  }
  for (const { key, kind } of keys) {
    if (state.identities.has(key)) continue;
    state.identities.set(key, {
      tenantId: settings.tenantId,
      key,
      kind,
      customerId: survivor.id,
      evidenceEventId: event.id,
      observedAt: event.occurredAt,
    });
  }
  if (event.profile) {
    const profile = { ...survivor.profile };
    for (const [field, value] of Object.entries(event.profile)) if (value) (profile as Record<string, string>)[field] = value;
    state.customers.set(survivor.id, { ...state.customers.get(survivor.id)!, profile });
  }
  return { customerId: survivor.id, merged };
}

/**
 * Records a merge and, unless it was undone, moves the absorbed customer's identities, events
 * and cases to the survivor. An automatic merge also produces its derived `identity.merged` event.
 * @param state - the fold state, changed in place
 * @param settings - tenant settings
 * @param evidence - the event that caused the merge (its id and instant)
 * @param survivorId - the customer that holds everything after the merge
 * @param absorbedId - the customer merged into the survivor
 * @param mergeId - the merge's id
 * @param kind - automatic, manual or an accepted proposal
 * @param sharedIdentityKey - the identity both customers shared (automatic merges), or null
 * @param undoneAt - when a later unmerge undid it, or null: an undone merge is recorded but not applied
 * @example
 * ```ts
 * recordMerge(state, settings, event, survivor.id, absorbed.id, `merge_${stableHash(event.id)}`, 'automatic', 'email:ana@example.com', null);
 * ```
 */
export function recordMerge(
  state: FoldState,
  settings: FoldSettings,
  evidence: { id: string; occurredAt: string },
  survivorId: string,
  absorbedId: string,
  mergeId: string,
  kind: 'automatic' | 'manual' | 'accepted_proposal',
  sharedIdentityKey: string | null,
  undoneAt: string | null,
): void {
  const absorbedIdentityKeys = [...state.identities.values()].filter((identity) => identity.customerId === absorbedId).map((identity) => identity.key);
  const absorbedEventIds = [...state.placements].filter(([, placement]) => placement.customerId === absorbedId).map(([id]) => id);
  state.merges.set(mergeId, {
    tenantId: settings.tenantId,
    id: mergeId,
    survivorId,
    absorbedId,
    kind,
    sharedIdentityKey,
    evidenceEventId: evidence.id,
    mergedAt: evidence.occurredAt,
    absorbedIdentityKeys: absorbedIdentityKeys.sort(),
    absorbedEventIds: absorbedEventIds.sort(),
    undoneAt,
  });
  if (kind === 'automatic') {
    const derived: TimelineEvent = {
      id: mergeId,
      tenantId: settings.tenantId,
      occurredAt: evidence.occurredAt,
      source: { system: 'throughline', externalId: mergeId },
      channel: null,
      actor: { kind: 'system' },
      identities: [],
      type: 'identity.merged',
      data: { mergeId, survivorId, absorbedId, kind, sharedIdentityKey },
      customerId: survivorId,
      caseId: null,
      repeatContact: false,
    };
    state.derivedEvents.set(mergeId, derived);
  }
  if (undoneAt !== null) return;
  for (const [key, identity] of state.identities) if (identity.customerId === absorbedId) state.identities.set(key, { ...identity, customerId: survivorId });
  for (const [id, placement] of state.placements) if (placement.customerId === absorbedId) state.placements.set(id, { ...placement, customerId: survivorId });
  for (const [id, supportCase] of state.cases) if (supportCase.customerId === absorbedId) state.cases.set(id, { ...supportCase, customerId: survivorId });
  const absorbed = state.customers.get(absorbedId);
  const survivor = state.customers.get(survivorId);
  if (absorbed && survivor) {
    state.customers.set(absorbedId, { ...absorbed, mergedInto: survivorId });
    state.customers.set(survivorId, {
      ...survivor,
      profile: { ...absorbed.profile, ...survivor.profile },
      lastEventKey: survivor.lastEventKey > absorbed.lastEventKey ? survivor.lastEventKey : absorbed.lastEventKey,
    });
  }
  for (const [id, customer] of state.customers) if (customer.mergedInto === absorbedId) state.customers.set(id, { ...customer, mergedInto: survivorId });
}

function addProposal(
  state: FoldState,
  settings: FoldSettings,
  event: { id: string; occurredAt: string },
  a: string,
  b: string,
  reason: 'conflicting_platform_ids' | 'previously_unmerged',
  sharedIdentityKey: string | null,
): void {
  const id = `prop_${stableHash(pairKey(a, b))}`;
  if (state.proposals.has(id)) return;
  const pair = a < b ? ([a, b] as [string, string]) : ([b, a] as [string, string]);
  state.proposals.set(id, {
    tenantId: settings.tenantId,
    id,
    customerIds: pair,
    reason,
    sharedIdentityKey,
    evidenceEventId: event.id,
    proposedAt: event.occurredAt,
    status: 'open',
  });
}
