import type { TimelineEvent } from '../../model/timeline-event';
import { type CaseSlaInput, compareCaseSlaInputs, readCaseSlaInput, sameCaseSlaInput, sortCaseSlaInputs } from './case-sla-input';
import { CaseSlaFolder } from './case-sla-folder';
import type { SlaFoldContext } from './sla-fold-context';

/** One case's fold as last computed: what was folded, in fold order, and the state after it. */
interface CachedCaseFold {
  readonly folder: CaseSlaFolder;
  readonly inputs: readonly CaseSlaInput[];
  readonly customerTier: string | null;
}

/** How the cache answered so far (for benchmarks and tests). */
export interface SlaFoldCacheStats {
  /** Folds that went on from a cached state (new events after everything folded, or none). */
  resumed: number;
  /** Folds run from the first event: no cached state, or one the events no longer extend. */
  refolded: number;
}

/** A case's fold as the cache gives it. */
export interface CaseSlaFold {
  /** The fold state after the case's last input. */
  readonly folder: CaseSlaFolder;
  /**
   * Whether the cached fold went on and every input it had folded came back as the very same
   * object: the store handed out the stored events themselves (the memory store), so they are the
   * committed ones and not new copies written again after a rolled-back attempt.
   */
  readonly sameObjects: boolean;
}

const NOT_A_CLOCK_INPUT = null;

/** Inputs by event object: a store that hands out the same objects (the memory store) is read only once. */
const inputsByEvent = new WeakMap<TimelineEvent, CaseSlaInput | typeof NOT_A_CLOCK_INPUT>();

/**
 * Reads an event's SLA input, remembering it for the same event object.
 *
 * @param event - A timeline event (never changed after it is stored).
 * @returns The input, or `undefined` when the event cannot move a clock.
 */
export function slaInputOf(event: TimelineEvent): CaseSlaInput | undefined {
  const known = inputsByEvent.get(event);
  if (known !== undefined) return known ?? undefined;
  const input = readCaseSlaInput(event);
  inputsByEvent.set(event, input ?? NOT_A_CLOCK_INPUT);
  return input;
}

const REFOLD = 0;
const RESUME = 1;
const RESUME_SAME_OBJECTS = 2;

/** Whether the sorted inputs extend the cached fold: not at all, with equal inputs, or with the very same input objects. */
function extension(cached: CachedCaseFold, sorted: readonly CaseSlaInput[], customerTier: string | null): number {
  const folded = cached.inputs;
  if (cached.customerTier !== customerTier || folded.length > sorted.length) return REFOLD;
  // The fold names the customer of the latest event on every SLA event: a new latest customer means a new fold.
  if (cached.folder.customerId !== sorted[sorted.length - 1]!.customerId) return REFOLD;
  let same = true;
  for (let index = folded.length - 1; index >= 0; index--) {
    const left = folded[index]!;
    const right = sorted[index]!;
    if (left === right) continue;
    if (!sameCaseSlaInput(left, right)) return REFOLD;
    same = false;
  }
  return same ? RESUME_SAME_OBJECTS : RESUME;
}

/**
 * The common case without reading old inputs: the store lists a case's events newest first, so
 * when the cached inputs come back as the very same objects at the end of the list, only the
 * ones before them are new. They are returned in fold order when they all come after the last
 * folded input and keep its customer; otherwise `undefined` (the caller sorts and compares all).
 */
function newerInputs(cached: CachedCaseFold, inputs: readonly CaseSlaInput[]): CaseSlaInput[] | undefined {
  const folded = cached.inputs;
  const count = inputs.length - folded.length;
  if (count < 0) return undefined;
  for (let index = 0; index < folded.length; index++) if (inputs[inputs.length - 1 - index] !== folded[index]) return undefined;
  if (count === 0) return [];
  const fresh = inputs.slice(0, count).reverse();
  if (count > 1) fresh.sort(compareCaseSlaInputs);
  const last = folded[folded.length - 1];
  if (last !== undefined && compareCaseSlaInputs(last, fresh[0]!) >= 0) return undefined;
  for (let index = 1; index < count; index++) if (fresh[index - 1]!.id === fresh[index]!.id) return undefined;
  if (fresh[count - 1]!.customerId !== cached.folder.customerId) return undefined;
  return fresh;
}

/**
 * Keeps the latest fold state of recently evaluated cases in process memory (least recently used
 * go first), so an event that comes after everything already folded continues the fold instead of
 * restarting it. The store stays the source of truth: the cached state is used only when the
 * case's events, read afresh, are exactly the folded ones plus newer ones (same ids, instants,
 * placement and signals) and the customer tier is unchanged; anything else — an event that
 * arrived out of order, one moved to another case, a write rolled back, another process's write —
 * folds from the first event. Either way the state equals a full fold of the same events.
 */
export class SlaFoldCache {
  /** How the cache answered so far. */
  readonly stats: SlaFoldCacheStats = { resumed: 0, refolded: 0 };
  private readonly entries = new Map<string, CachedCaseFold>();
  private readonly context: SlaFoldContext;
  private readonly capacity: number;

  /**
   * Creates an empty cache.
   *
   * @param context - Policies, calendars and warning share every fold uses.
   * @param capacity - Most cases kept (default 10,000).
   */
  constructor(context: SlaFoldContext, capacity = 10_000) {
    this.context = context;
    this.capacity = capacity;
  }

  /** Number of cases held. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Folds a case's clock inputs, resuming the cached state when the inputs extend it.
   *
   * @param key - The case (tenant and case id).
   * @param inputs - Every clock input of the case, each id once (as a store lists them); any order, newest first is cheapest (sorted in place).
   * @param customerTier - The customer's tier.
   * @returns The fold state after the last input, or `undefined` when there is none.
   * @throws SlaError (`unknown_calendar`) when an applied policy names a calendar that is not given.
   */
  fold(key: string, inputs: CaseSlaInput[], customerTier: string | null): CaseSlaFold | undefined {
    const cached = this.entries.get(key);
    // Taken out while folding: a fold that throws leaves nothing half-done behind.
    if (cached !== undefined) {
      this.entries.delete(key);
      const fresh = cached.customerTier === customerTier ? newerInputs(cached, inputs) : undefined;
      if (fresh !== undefined) {
        for (let index = 0; index < fresh.length; index++) cached.folder.add(fresh[index]!);
        this.stats.resumed += 1;
        this.remember(key, { folder: cached.folder, inputs: fresh.length === 0 ? cached.inputs : cached.inputs.concat(fresh), customerTier });
        return { folder: cached.folder, sameObjects: true };
      }
    }
    const sorted = sortCaseSlaInputs(inputs);
    if (sorted.length === 0) return undefined;
    let folder: CaseSlaFolder;
    let from = 0;
    const resumed = cached === undefined ? REFOLD : extension(cached, sorted, customerTier);
    if (cached !== undefined && resumed !== REFOLD) {
      folder = cached.folder;
      from = cached.inputs.length;
      this.stats.resumed += 1;
    } else {
      folder = new CaseSlaFolder(this.context, sorted[0]!, sorted[sorted.length - 1]!.customerId, customerTier);
      this.stats.refolded += 1;
    }
    for (let index = from; index < sorted.length; index++) folder.add(sorted[index]!);
    this.remember(key, { folder, inputs: sorted, customerTier });
    return { folder, sameObjects: resumed === RESUME_SAME_OBJECTS };
  }

  private remember(key: string, fold: CachedCaseFold): void {
    this.entries.set(key, fold);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * Forgets a case (the next fold starts from its first event).
   *
   * @param key - The case key given to {@link SlaFoldCache.fold}.
   */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
