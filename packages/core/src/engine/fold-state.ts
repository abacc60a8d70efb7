import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity } from '../model/identity';
import type { SupportCase } from '../model/support-case';
import type { TimelineEvent, TimelinePlacement } from '../model/timeline-event';
import type { IdentityNormaliser } from './normalise-identity';

/** Settings the fold needs. */
export interface FoldSettings {
  /** The tenant whose records are folded (and stamped on new ones). */
  tenantId: string;
  /** Normalises the identity claims of events. */
  normaliser: IdentityNormaliser;
  /** A solved case reopens when the customer writes again within this window. */
  reopenWindowMs: number;
  /** Tier given to new customers. */
  defaultTier: string;
}

/**
 * The derived state of a set of connected customers: what folding their events in canonical
 * order produces. The engine loads it from the store, folds, and writes back the difference.
 */
export interface FoldState {
  /** Customer id → customer, merged-away customers included. */
  customers: Map<string, Customer>;
  /** Identity key → identity. */
  identities: Map<string, Identity>;
  /** Merge id → merge record (undone ones included). */
  merges: Map<string, CustomerMerge>;
  /** Proposal id → merge proposal. */
  proposals: Map<string, MergeProposal>;
  /** Case id → case. */
  cases: Map<string, SupportCase>;
  /** Event id → where the event sits. */
  placements: Map<string, TimelinePlacement>;
  /** Events the fold itself produced (automatic `identity.merged`). */
  derivedEvents: Map<string, TimelineEvent>;
  /** Merge ids an unmerge undid: the fold never applies them again. */
  undoneMerges: Map<string, string>;
  /** Sorted customer-id pairs that must not be merged automatically again. */
  vetoedPairs: Set<string>;
}

/**
 * An empty fold state.
 * @returns a state with every map and set empty
 * @example
 * ```ts
 * const state = createFoldState();
 * foldAll(state, events, settings);
 * ```
 */
export function createFoldState(): FoldState {
  return {
    customers: new Map(),
    identities: new Map(),
    merges: new Map(),
    proposals: new Map(),
    cases: new Map(),
    placements: new Map(),
    derivedEvents: new Map(),
    undoneMerges: new Map(),
    vetoedPairs: new Set(),
  };
}

/**
 * The key of an unordered customer pair: the same whichever way round the ids come.
 * @param a - one customer id
 * @param b - the other
 * @returns the two ids in order, joined by `|`
 * @example
 * ```ts
 * pairKey('cus_b', 'cus_a'); // 'cus_a|cus_b'
 * ```
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Whether an event was produced by the engine rather than received from a source: SLA events and
 * automatic merges, which a re-fold derives again instead of replaying.
 * @param event - a stored or incoming event
 * @returns true for an engine-made `sla.*` event or automatic `identity.merged`
 * @example
 * ```ts
 * const sources = storedEvents.filter((event) => !isDerivedEvent(event));
 * ```
 */
export function isDerivedEvent(event: { source: { system: string }; type: string; data: unknown }): boolean {
  if (event.source.system !== 'throughline') return false;
  if (event.type.startsWith('sla.')) return true;
  return event.type === 'identity.merged' && (event.data as { kind?: string }).kind === 'automatic';
}
