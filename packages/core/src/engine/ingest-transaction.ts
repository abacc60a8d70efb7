import type { Customer } from '../model/customer';
import type { IncomingEvent, TimelineEvent } from '../model/timeline-event';
import { eventPosition } from '../store/sorted-event-index';
import type { StoreTransaction } from '../store/timeline-store';
import { eventIdentityKeys } from './event-identity-keys';
import { foldAll, foldEvent } from './fold-event';
import { createFoldState, type FoldSettings, type FoldState, isDerivedEvent, pairKey } from './fold-state';

/** What one ingest changed, for events out and for the SLA fold. */
export interface IngestChanges {
  appended: TimelineEvent[];
  duplicates: string[];
  createdCustomers: Customer[];
  touchedCaseIds: Set<string>;
  touchedCustomerIds: Set<string>;
  newMergeIds: string[];
  newProposalIds: string[];
  openedCaseIds: string[];
}

/** A fresh change record. */
export function createChanges(): IngestChanges {
  return {
    appended: [],
    duplicates: [],
    createdCustomers: [],
    touchedCaseIds: new Set(),
    touchedCustomerIds: new Set(),
    newMergeIds: [],
    newProposalIds: [],
    openedCaseIds: [],
  };
}

interface LoadedComponent {
  state: FoldState;
  events: TimelineEvent[];
}

function keysOf(event: IncomingEvent, settings: FoldSettings): string[] {
  return eventIdentityKeys(event, settings.normaliser).map(({ key }) => key);
}

async function loadCustomers(transaction: StoreTransaction, tenantId: string, ids: Iterable<string>, state: FoldState): Promise<void> {
  const pending = [...ids];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (state.customers.has(id)) continue;
    const customer = await transaction.getCustomer(tenantId, id);
    if (!customer) continue;
    state.customers.set(id, customer);
    for (const absorbed of await transaction.customersMergedInto(tenantId, id)) pending.push(absorbed.id);
    for (const identity of await transaction.identitiesOf(tenantId, id)) state.identities.set(identity.key, identity);
    for (const supportCase of await transaction.casesOf(tenantId, id)) state.cases.set(supportCase.id, supportCase);
    for (const merge of await transaction.mergesOf(tenantId, id)) {
      state.merges.set(merge.id, merge);
      if (merge.undoneAt !== null) state.vetoedPairs.add(pairKey(merge.survivorId, merge.absorbedId));
    }
    for (const proposal of await transaction.proposalsOf(tenantId, id)) state.proposals.set(proposal.id, proposal);
  }
}

/** Loads every customer connected to the seeds through shared identifiers, with all their events. */
async function loadComponent(transaction: StoreTransaction, tenantId: string, seeds: Iterable<string>, extraKeys: string[], settings: FoldSettings): Promise<LoadedComponent> {
  const state = createFoldState();
  const members = new Set<string>(seeds);
  for (const identity of await transaction.findIdentities(tenantId, extraKeys)) members.add(identity.customerId);
  const events = new Map<string, TimelineEvent>();
  let frontier = [...members];
  while (frontier.length > 0) {
    await loadCustomers(transaction, tenantId, frontier, state);
    const loadedEvents = await transaction.eventsOfCustomers(tenantId, frontier);
    const keys = new Set<string>();
    for (const event of loadedEvents) {
      events.set(event.id, event);
      for (const key of keysOf(event, settings)) if (!state.identities.has(key)) keys.add(key);
      if (event.type === 'identity.merged') for (const id of [event.data.survivorId, event.data.absorbedId]) keys.add(`\u0000customer:${id}`);
    }
    const next: string[] = [];
    const identityKeys = [...keys].filter((key) => !key.startsWith('\u0000'));
    for (const identity of await transaction.findIdentities(tenantId, identityKeys)) {
      if (!members.has(identity.customerId)) {
        members.add(identity.customerId);
        next.push(identity.customerId);
      }
    }
    for (const key of keys) {
      if (!key.startsWith('\u0000customer:')) continue;
      const id = key.slice('\u0000customer:'.length);
      if (!members.has(id)) {
        members.add(id);
        next.push(id);
      }
    }
    const related = [...state.customers.keys()];
    for (const proposal of state.proposals.values()) related.push(...proposal.customerIds);
    for (const merge of state.merges.values()) related.push(merge.survivorId, merge.absorbedId);
    for (const id of related) {
      if (!members.has(id)) {
        members.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
  return { state, events: [...events.values()] };
}

async function writeState(
  transaction: StoreTransaction,
  tenantId: string,
  before: FoldState,
  after: FoldState,
  sourceEvents: Map<string, IncomingEvent>,
  storedEvents: Map<string, TimelineEvent>,
  changes: IngestChanges,
): Promise<void> {
  const removedCustomers = [...before.customers.keys()].filter((id) => !after.customers.has(id));
  const removedIdentities = [...before.identities.keys()].filter((key) => !after.identities.has(key));
  const removedCases = [...before.cases.keys()].filter((id) => !after.cases.has(id));
  const removedMerges = [...before.merges.keys()].filter((id) => !after.merges.has(id));
  const removedProposals = [...before.proposals.keys()].filter((id) => !after.proposals.has(id));
  if (removedIdentities.length) await transaction.deleteIdentities(tenantId, removedIdentities);
  if (removedCases.length) await transaction.deleteCases(tenantId, removedCases);
  if (removedMerges.length) await transaction.deleteMerges(tenantId, removedMerges);
  if (removedProposals.length) await transaction.deleteProposals(tenantId, removedProposals);
  // A customer a re-fold no longer creates is gone: ids depend only on the events, never on
  // the order they arrived in (the multi-instance test compares whole stores).
  if (removedCustomers.length) await transaction.deleteCustomers(tenantId, removedCustomers);

  const customers = [...after.customers.values()].filter((customer) => before.customers.get(customer.id) !== customer);
  for (const customer of customers) {
    if (!before.customers.has(customer.id)) changes.createdCustomers.push(customer);
    changes.touchedCustomerIds.add(customer.id);
  }
  await transaction.putCustomers(customers);
  await transaction.putIdentities([...after.identities.values()].filter((identity) => before.identities.get(identity.key) !== identity));
  const cases = [...after.cases.values()].filter((supportCase) => before.cases.get(supportCase.id) !== supportCase);
  for (const supportCase of cases) {
    changes.touchedCaseIds.add(supportCase.id);
    if (!before.cases.has(supportCase.id)) changes.openedCaseIds.push(supportCase.id);
  }
  await transaction.putCases(cases);
  const merges = [...after.merges.values()].filter((merge) => before.merges.get(merge.id) !== merge);
  for (const merge of merges) if (!before.merges.has(merge.id)) changes.newMergeIds.push(merge.id);
  await transaction.putMerges(merges);
  const proposals = [...after.proposals.values()].filter((proposal) => before.proposals.get(proposal.id) !== proposal);
  for (const proposal of proposals) if (!before.proposals.has(proposal.id)) changes.newProposalIds.push(proposal.id);
  await transaction.putProposals(proposals);

  const eventsToPut: TimelineEvent[] = [];
  for (const [id, placement] of after.placements) {
    const stored = storedEvents.get(id);
    if (stored && stored.customerId === placement.customerId && stored.caseId === placement.caseId && stored.repeatContact === placement.repeatContact) continue;
    const source = stored ?? sourceEvents.get(id);
    if (!source) continue;
    const event = { ...source, ...placement } as TimelineEvent;
    eventsToPut.push(event);
    if (!stored) changes.appended.push(event);
    if (stored?.caseId) changes.touchedCaseIds.add(stored.caseId);
    if (placement.caseId) changes.touchedCaseIds.add(placement.caseId);
  }
  const staleDerived = [...storedEvents.values()].filter((event) => isDerivedEvent(event) && !event.type.startsWith('sla.') && !after.derivedEvents.has(event.id));
  if (staleDerived.length) await transaction.deleteEvents(tenantId, staleDerived.map((event) => event.id));
  for (const derived of after.derivedEvents.values()) {
    const stored = storedEvents.get(derived.id);
    if (stored && stored.customerId === derived.customerId) continue;
    eventsToPut.push(derived);
    if (!stored) changes.appended.push(derived);
  }
  await transaction.putEvents(eventsToPut);
}

function cloneState(state: FoldState): FoldState {
  return {
    customers: new Map(state.customers),
    identities: new Map(state.identities),
    merges: new Map(state.merges),
    proposals: new Map(state.proposals),
    cases: new Map(state.cases),
    placements: new Map(state.placements),
    derivedEvents: new Map(state.derivedEvents),
    undoneMerges: new Map(state.undoneMerges),
    vetoedPairs: new Set(state.vetoedPairs),
  };
}

async function refold(transaction: StoreTransaction, tenantId: string, seeds: Iterable<string>, event: IncomingEvent, settings: FoldSettings, changes: IngestChanges): Promise<void> {
  const component = await loadComponent(transaction, tenantId, seeds, keysOf(event, settings), settings);
  const stored = new Map(component.events.map((item) => [item.id, item]));
  const sources = component.events.filter((item) => !isDerivedEvent(item)) as IncomingEvent[];
  const after = createFoldState();
  foldAll(after, [...sources, event], settings);
  const before = component.state;
  for (const item of component.events) {
    if (isDerivedEvent(item) && item.type === 'identity.merged') before.derivedEvents.set(item.id, item);
  }
  await writeState(transaction, tenantId, before, after, new Map([[event.id, event]]), stored, changes);
}

function operationCustomers(event: IncomingEvent): string[] {
  if (event.type === 'identity.merged') return [event.data.survivorId, event.data.absorbedId];
  return [];
}

/**
 * Applies one new source event inside a store transaction. The common case (an event newer than
 * everything its customer has, resolving to at most one customer) folds incrementally; an event
 * that arrives out of order, merges customers, or is an operation re-folds the connected customers
 * from their events, so the result never depends on arrival order.
 *
 * @param transaction - the open store transaction
 * @param event - a validated source event, not yet stored
 * @param settings - fold settings
 * @param changes - collects what changed
 */
export async function applyEvent(transaction: StoreTransaction, event: IncomingEvent, settings: FoldSettings, changes: IngestChanges): Promise<void> {
  const tenantId = settings.tenantId;
  const keys = keysOf(event, settings);
  await transaction.lockKeys(tenantId, keys.length > 0 ? keys : [`event:${event.id}`]);
  if (event.type === 'identity.merged' || event.type === 'identity.unmerged' || event.type === 'case.merged' || event.type === 'case.split') {
    const seeds = new Set(operationCustomers(event));
    if (event.type === 'identity.unmerged') {
      const merge = await transaction.getMerge(tenantId, event.data.mergeId);
      if (merge) {
        seeds.add(merge.survivorId);
        seeds.add(merge.absorbedId);
      }
    }
    if (event.thread?.startsWith('case:')) {
      const supportCase = await transaction.getCase(tenantId, event.thread.slice(5));
      if (supportCase) seeds.add(supportCase.customerId);
    }
    await refold(transaction, tenantId, seeds, event, settings, changes);
    return;
  }
  const owners = new Set((await transaction.findIdentities(tenantId, keys)).map((identity) => identity.customerId));
  if (keys.length === 0 && event.thread?.startsWith('case:')) {
    const supportCase = await transaction.getCase(tenantId, event.thread.slice(5));
    if (supportCase) owners.add(supportCase.customerId);
  }
  if (owners.size > 1) {
    await refold(transaction, tenantId, owners, event, settings, changes);
    return;
  }
  const before = createFoldState();
  await loadCustomers(transaction, tenantId, owners, before);
  const position = eventPosition(event);
  for (const customer of before.customers.values()) {
    if (customer.lastEventKey > position) {
      await refold(transaction, tenantId, owners, event, settings, changes);
      return;
    }
  }
  const after = cloneState(before);
  const result = foldEvent(after, event, settings);
  if (result.merged) {
    await refold(transaction, tenantId, owners, event, settings, changes);
    return;
  }
  await writeState(transaction, tenantId, before, after, new Map([[event.id, event]]), new Map(), changes);
}
