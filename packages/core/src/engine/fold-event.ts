import type { IncomingEvent, TimelinePlacement } from '../model/timeline-event';
import { eventPosition } from '../store/sorted-event-index';
import { assignCase } from './assign-case';
import { type FoldSettings, type FoldState, pairKey } from './fold-state';
import { recordMerge, resolveCustomer } from './resolve-customer';

/**
 * The survivor a customer id resolves to after merges, following `mergedInto` links.
 * @param state - the fold state
 * @param customerId - any customer id, merged away or not
 * @returns the id of the customer that now holds it (the id itself when it was never merged)
 * @example
 * ```ts
 * survivorOf(state, 'cus_absorbed'); // 'cus_survivor' once cus_absorbed was merged into it
 * ```
 */
export function survivorOf(state: FoldState, customerId: string): string {
  let current = customerId;
  for (let hops = 0; hops < 1000; hops++) {
    const next = state.customers.get(current)?.mergedInto;
    if (!next) return current;
    current = next;
  }
  return current;
}

function touch(state: FoldState, customerId: string, event: IncomingEvent): void {
  const customer = state.customers.get(customerId);
  if (!customer) return;
  const position = eventPosition(event);
  if (position > customer.lastEventKey) state.customers.set(customerId, { ...customer, lastEventKey: position });
}

function place(state: FoldState, event: IncomingEvent, placement: TimelinePlacement): { merged: boolean } {
  state.placements.set(event.id, placement);
  touch(state, placement.customerId, event);
  return { merged: false };
}

/**
 * Folds one event into the state: operations (manual merges, accepted proposals, unmerges, case
 * merges and splits) act on it directly; every other event resolves its customer and its case.
 *
 * @param state - the fold state, changed in place
 * @param event - the next event in canonical (occurredAt, id) order
 * @param settings - fold settings
 * @returns whether customers were merged
 * @example
 * ```ts
 * const state = createFoldState();
 * for (const event of eventsInCanonicalOrder) foldEvent(state, event, settings);
 * ```
 */
export function foldEvent(
  state: FoldState,
  event: IncomingEvent,
  settings: FoldSettings,
): {
  /** True when the event merged customers (the caller then re-folds the connected customers). */
  merged: boolean;
} {
  switch (event.type) {
    case 'identity.merged': {
      const survivorId = survivorOf(state, event.data.survivorId);
      const absorbedId = survivorOf(state, event.data.absorbedId);
      if (survivorId !== absorbedId && state.customers.has(survivorId) && state.customers.has(absorbedId)) {
        const undoneAt = state.undoneMerges.get(event.data.mergeId) ?? null;
        if (undoneAt !== null) state.vetoedPairs.add(pairKey(survivorId, absorbedId));
        recordMerge(state, settings, event, survivorId, absorbedId, event.data.mergeId, event.data.kind, null, undoneAt);
        for (const [id, proposal] of state.proposals) {
          if (proposal.customerIds.includes(event.data.survivorId) && proposal.customerIds.includes(event.data.absorbedId)) {
            state.proposals.set(id, { ...proposal, status: undoneAt === null ? 'accepted' : 'rejected' });
          }
        }
      }
      place(state, event, { customerId: survivorId, caseId: null, repeatContact: false });
      return { merged: true };
    }
    case 'identity.unmerged': {
      const merge = state.merges.get(event.data.mergeId);
      const customerId = merge ? survivorOf(state, merge.survivorId) : [...state.customers.keys()][0];
      if (customerId === undefined) return { merged: false };
      return place(state, event, { customerId, caseId: null, repeatContact: false });
    }
    case 'case.merged': {
      const target = event.thread?.startsWith('case:') ? state.cases.get(event.thread.slice(5)) : undefined;
      const absorbed = state.cases.get(event.data.absorbedCaseId);
      if (target && absorbed && target.id !== absorbed.id) {
        for (const [id, placement] of state.placements) if (placement.caseId === absorbed.id) state.placements.set(id, { ...placement, caseId: target.id });
        state.cases.set(absorbed.id, { ...absorbed, mergedInto: target.id });
        state.cases.set(target.id, {
          ...target,
          contactCount: target.contactCount + absorbed.contactCount,
          repeatContactCount: target.repeatContactCount + absorbed.repeatContactCount,
          threads: [...new Set([...target.threads, ...absorbed.threads])],
          awaitingReplySince: [target.awaitingReplySince, absorbed.awaitingReplySince].filter((at): at is string => at !== null).sort()[0] ?? null,
        });
      }
      const customerId = target ? target.customerId : survivorOf(state, [...state.customers.keys()][0] ?? '');
      return place(state, event, { customerId, caseId: target?.id ?? null, repeatContact: false });
    }
    case 'case.split': {
      const source = event.thread?.startsWith('case:') ? state.cases.get(event.thread.slice(5)) : undefined;
      if (source && !state.cases.has(event.data.newCaseId)) {
        state.cases.set(event.data.newCaseId, {
          ...source,
          id: event.data.newCaseId,
          threads: [],
          openedAt: event.occurredAt,
          contactCount: 0,
          repeatContactCount: 0,
          lastActivityAt: event.occurredAt,
        });
        for (const id of event.data.eventIds) {
          const placement = state.placements.get(id);
          if (placement?.caseId === source.id) state.placements.set(id, { ...placement, caseId: event.data.newCaseId });
        }
      }
      const customerId = source?.customerId ?? survivorOf(state, [...state.customers.keys()][0] ?? '');
      return place(state, event, { customerId, caseId: source?.id ?? null, repeatContact: false });
    }
    default: {
      const resolution = resolveCustomer(state, event, settings);
      const placement = assignCase(state, event, resolution.customerId, settings);
      place(state, event, placement);
      return { merged: resolution.merged };
    }
  }
}

/**
 * Folds a set of source events from scratch, in canonical order: the same events, in any arrival
 * order and with duplicates, always give the same customers, merges, cases and placements.
 *
 * @param state - a fresh state (with undone merges and vetoes preset)
 * @param events - source events (derived ones are skipped by the caller)
 * @param settings - fold settings
 * @example
 * ```ts
 * const after = createFoldState();
 * foldAll(after, [...storedSourceEvents, newEvent], settings);
 * ```
 */
export function foldAll(state: FoldState, events: ReadonlyArray<IncomingEvent>, settings: FoldSettings): void {
  const unique = new Map<string, IncomingEvent>();
  for (const event of events) unique.set(event.id, event);
  const sorted = [...unique.values()].sort((a, b) => {
    const left = eventPosition(a);
    const right = eventPosition(b);
    return left < right ? -1 : left > right ? 1 : 0;
  });
  for (const event of sorted) if (event.type === 'identity.unmerged') state.undoneMerges.set(event.data.mergeId, event.occurredAt);
  for (const event of sorted) foldEvent(state, event, settings);
}
