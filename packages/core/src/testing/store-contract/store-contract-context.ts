import type { StoreTransaction, TimelineStore } from '../../store/timeline-store';

/** What each section of the store contract suite receives. */
export interface StoreContractContext {
  /** The store under test: a fresh, empty one for every test. */
  store(): TimelineStore;
  /**
   * A tenant id unique to the current test (`label` tells two tenants of one test apart).
   * @param label - a short name, such as `a` or `b`
   */
  tenant(label?: string): string;
}

/**
 * Runs writes in one transaction of the store under test.
 * @param store - the store
 * @param work - the writes
 * @returns what `work` returns
 */
export function write<T>(store: TimelineStore, work: (transaction: StoreTransaction) => Promise<T>): Promise<T> {
  return store.transaction(work);
}

/**
 * Sorts records by a text key, so results whose order the contract leaves open compare exactly.
 * @param records - the records
 * @param key - the key to sort on
 * @returns a sorted copy
 */
export function sortBy<T>(records: ReadonlyArray<T>, key: (record: T) => string): T[] {
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Collects an async iterable into an array.
 * @param iterable - the iterable
 * @returns its items in order
 */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

export { seededRandom } from '../../random/seeded-random';
