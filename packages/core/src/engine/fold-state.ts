import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity } from '../model/identity';
import type { SupportCase } from '../model/support-case';
import type { TimelineEvent, TimelinePlacement } from '../model/timeline-event';
import type { IdentityNormaliser } from './normalise-identity';

/** Settings the fold needs. */
export interface FoldSettings {
  tenantId: string;
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
  customers: Map<string, Customer>;
  /** Identity key → identity. */
  identities: Map<string, Identity>;
  merges: Map<string, CustomerMerge>;
  proposals: Map<string, MergeProposal>;
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

/** An empty fold state. */
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

/** The key of an unordered customer pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Whether an event was produced by the engine rather than received from a source. */
export function isDerivedEvent(event: { source: { system: string }; type: string; data: unknown }): boolean {
  if (event.source.system !== 'throughline') return false;
  if (event.type.startsWith('sla.')) return true;
  return event.type === 'identity.merged' && (event.data as { kind?: string }).kind === 'automatic';
}
