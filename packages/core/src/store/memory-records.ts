import { SortedEventIndex } from './sorted-event-index';

/** The undo steps of the open transaction, or null outside one. */
export type UndoJournal = () => Array<() => void> | null;

/**
 * Records of one kind partitioned by tenant (tenant → id → record), with an undo journal so a
 * failed transaction leaves no trace. Nested maps instead of `tenant\0id` keys: a lookup hashes
 * the id string the caller already holds instead of building and hashing a new one.
 */
export class TenantRecords<V> {
  private readonly tenants = new Map<string, Map<string, V>>();

  /**
   * Starts empty.
   * @param journal - reads the open transaction's undo steps (null outside one); every change pushes the step that reverts it
   * @example
   * ```ts
   * let undo: Array<() => void> | null = null;
   * const customers = new TenantRecords<Customer>(() => undo);
   * ```
   */
  constructor(private readonly journal: UndoJournal) {}

  /** The record, if any. */
  get(tenantId: string, id: string): V | undefined {
    return this.tenants.get(tenantId)?.get(id);
  }

  /** Whether a record is held. */
  has(tenantId: string, id: string): boolean {
    return this.tenants.get(tenantId)?.has(id) ?? false;
  }

  /** Inserts or replaces a record. */
  set(tenantId: string, id: string, value: V): void {
    let records = this.tenants.get(tenantId);
    if (!records) {
      records = new Map();
      this.tenants.set(tenantId, records);
    }
    const undo = this.journal();
    if (undo) {
      const owner = records;
      if (owner.has(id)) {
        const previous = owner.get(id) as V;
        undo.push(() => owner.set(id, previous));
      } else {
        undo.push(() => owner.delete(id));
      }
    }
    records.set(id, value);
  }

  /** Removes a record (no-op when absent). */
  delete(tenantId: string, id: string): void {
    const records = this.tenants.get(tenantId);
    if (!records?.has(id)) return;
    const undo = this.journal();
    if (undo) {
      const previous = records.get(id) as V;
      undo.push(() => records.set(id, previous));
    }
    records.delete(id);
  }

  /** A tenant's records as `[id, record]` pairs (a copy: safe to change the records while iterating). */
  entriesOf(tenantId: string): Array<[string, V]> {
    return [...(this.tenants.get(tenantId) ?? [])];
  }

  /** A tenant's records. */
  valuesOf(tenantId: string): IterableIterator<V> {
    return (this.tenants.get(tenantId) ?? new Map<string, V>()).values();
  }

  /** Every tenant's records. */
  *allValues(): Generator<V> {
    for (const records of this.tenants.values()) yield* records.values();
  }

  /** Drops every record of a tenant. */
  deleteTenant(tenantId: string): void {
    const records = this.tenants.get(tenantId);
    if (!records) return;
    this.journal()?.push(() => this.tenants.set(tenantId, records));
    this.tenants.delete(tenantId);
  }
}

/** A one-to-many index per tenant (customer → identity keys, customer → case ids), journaled. */
export class TenantIndex {
  private readonly tenants = new Map<string, Map<string, Set<string>>>();

  /**
   * Starts empty.
   * @param journal - reads the open transaction's undo steps (null outside one); every change pushes the step that reverts it
   * @example
   * ```ts
   * const casesByCustomer = new TenantIndex(() => undo);
   * casesByCustomer.add('acme', 'cus_1', 'case_1');
   * ```
   */
  constructor(private readonly journal: UndoJournal) {}

  /** Adds a member under a key (no-op when present). */
  add(tenantId: string, key: string, member: string): void {
    let sets = this.tenants.get(tenantId);
    if (!sets) {
      sets = new Map();
      this.tenants.set(tenantId, sets);
    }
    let set = sets.get(key);
    if (!set) {
      set = new Set();
      sets.set(key, set);
    }
    if (set.has(member)) return;
    set.add(member);
    const owner = set;
    this.journal()?.push(() => owner.delete(member));
  }

  /** Removes a member from a key (no-op when absent). */
  remove(tenantId: string, key: string, member: string): void {
    const set = this.tenants.get(tenantId)?.get(key);
    if (!set?.has(member)) return;
    set.delete(member);
    this.journal()?.push(() => set.add(member));
  }

  /** The members under a key (live: copy before changing the index while iterating). */
  members(tenantId: string, key: string): ReadonlySet<string> {
    return this.tenants.get(tenantId)?.get(key) ?? emptySet;
  }

  /** Drops a tenant's whole index. */
  deleteTenant(tenantId: string): void {
    const sets = this.tenants.get(tenantId);
    if (!sets) return;
    this.journal()?.push(() => this.tenants.set(tenantId, sets));
    this.tenants.delete(tenantId);
  }
}

const emptySet: ReadonlySet<string> = new Set();

/** Sorted timelines per tenant and key (a customer, a case, or the whole tenant), journaled. */
export class TenantTimelines {
  private readonly tenants = new Map<string, Map<string, SortedEventIndex>>();

  /**
   * Starts empty.
   * @param journal - reads the open transaction's undo steps (null outside one); every change pushes the step that reverts it
   * @example
   * ```ts
   * const customerTimelines = new TenantTimelines(() => undo);
   * customerTimelines.add('acme', 'cus_1', eventPosition(event));
   * ```
   */
  constructor(private readonly journal: UndoJournal) {}

  /** Adds an event position to a timeline. */
  add(tenantId: string, key: string, position: string): void {
    let indexes = this.tenants.get(tenantId);
    if (!indexes) {
      indexes = new Map();
      this.tenants.set(tenantId, indexes);
    }
    let index = indexes.get(key);
    if (!index) {
      index = new SortedEventIndex();
      indexes.set(key, index);
    }
    index.add(position);
    const owner = index;
    this.journal()?.push(() => owner.remove(position));
  }

  /** Removes an event position from a timeline. */
  remove(tenantId: string, key: string, position: string): void {
    const index = this.tenants.get(tenantId)?.get(key);
    if (!index) return;
    index.remove(position);
    this.journal()?.push(() => index.add(position));
  }

  /** A timeline, if it has ever held an event. */
  get(tenantId: string, key: string): SortedEventIndex | undefined {
    return this.tenants.get(tenantId)?.get(key);
  }

  /** Drops every timeline of a tenant. */
  deleteTenant(tenantId: string): void {
    const indexes = this.tenants.get(tenantId);
    if (!indexes) return;
    this.journal()?.push(() => this.tenants.set(tenantId, indexes));
    this.tenants.delete(tenantId);
  }
}

/**
 * Records that belong to customers (identities, cases, merges, proposals, absorbed customers),
 * kept with the index from each owner to its records: every put and delete updates both, so
 * "the records of this customer" is one index lookup and always agrees with the records.
 */
export class OwnedTenantRecords<V extends { tenantId: string }> {
  private readonly records: TenantRecords<V>;
  private readonly byOwner: TenantIndex;

  /**
   * @param journal - the undo steps of the open transaction
   * @param keyOf - a record's key within its tenant
   * @param ownersOf - the customer ids a record belongs to
   */
  constructor(
    journal: UndoJournal,
    private readonly keyOf: (record: V) => string,
    private readonly ownersOf: (record: V) => ReadonlyArray<string>,
  ) {
    this.records = new TenantRecords(journal);
    this.byOwner = new TenantIndex(journal);
  }

  /** The record under a key, if any. */
  get(tenantId: string, key: string): V | undefined {
    return this.records.get(tenantId, key);
  }

  /** A tenant's records. */
  valuesOf(tenantId: string): IterableIterator<V> {
    return this.records.valuesOf(tenantId);
  }

  /** Inserts or replaces a record, moving it between owners when they changed. */
  put(record: V): void {
    const tenantId = record.tenantId;
    const key = this.keyOf(record);
    const owners = this.ownersOf(record);
    const previous = this.records.get(tenantId, key);
    const previousOwners = previous === undefined ? [] : this.ownersOf(previous);
    if (!sameOwners(previousOwners, owners)) {
      for (const owner of previousOwners) this.byOwner.remove(tenantId, owner, key);
      for (const owner of owners) this.byOwner.add(tenantId, owner, key);
    }
    this.records.set(tenantId, key, record);
  }

  /** Removes a record and its owners' links to it (no-op when absent). */
  delete(tenantId: string, key: string): void {
    const previous = this.records.get(tenantId, key);
    if (previous === undefined) return;
    for (const owner of this.ownersOf(previous)) this.byOwner.remove(tenantId, owner, key);
    this.records.delete(tenantId, key);
  }

  /** Keys of the records a customer owns (live: copy before changing them while iterating). */
  keysOwnedBy(tenantId: string, owner: string): ReadonlySet<string> {
    return this.byOwner.members(tenantId, owner);
  }

  /** The records a customer owns. */
  ownedBy(tenantId: string, owner: string): V[] {
    const out: V[] = [];
    for (const key of this.byOwner.members(tenantId, owner)) {
      const record = this.records.get(tenantId, key);
      if (record !== undefined) out.push(record);
    }
    return out;
  }

  /** Drops every record of a tenant, with its owner index. */
  deleteTenant(tenantId: string): void {
    this.records.deleteTenant(tenantId);
    this.byOwner.deleteTenant(tenantId);
  }
}

function sameOwners(left: ReadonlyArray<string>, right: ReadonlyArray<string>): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}
