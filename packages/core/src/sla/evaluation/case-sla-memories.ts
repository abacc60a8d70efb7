import type { CaseSlaMemory } from './case-sla-memory';

/**
 * The {@link CaseSlaMemory} of recently evaluated cases, by tenant and case, least recently used
 * going first once the capacity is reached. A memory is taken out while a case is evaluated and
 * kept again after, so an evaluation that throws half-way leaves nothing behind.
 */
export class CaseSlaMemories {
  /** By tenant, then case (two lookups of ids the caller already holds, rather than a joined key built on every call). */
  private readonly tenants = new Map<string, Map<string, CaseSlaMemory>>();
  private readonly capacity: number;
  private count = 0;

  /**
   * Creates an empty set of memories.
   *
   * @param capacity - Most cases remembered (default 10,000).
   */
  constructor(capacity = 10_000) {
    this.capacity = capacity;
  }

  /** Number of cases remembered. */
  get size(): number {
    return this.count;
  }

  /**
   * Takes a case's memory out (the caller keeps it again when done).
   *
   * @param tenantId - The tenant.
   * @param caseId - The case.
   * @returns The memory, or `undefined` when the case is not remembered.
   */
  take(tenantId: string, caseId: string): CaseSlaMemory | undefined {
    const cases = this.tenants.get(tenantId);
    const memory = cases?.get(caseId);
    if (memory !== undefined) {
      cases!.delete(caseId);
      this.count -= 1;
    }
    return memory;
  }

  /**
   * Keeps a case's memory as the most recently used.
   *
   * @param tenantId - The tenant.
   * @param caseId - The case.
   * @param memory - Its memory.
   */
  keep(tenantId: string, caseId: string, memory: CaseSlaMemory): void {
    let cases = this.tenants.get(tenantId);
    if (cases === undefined) {
      cases = new Map();
      this.tenants.set(tenantId, cases);
    }
    if (cases.delete(caseId)) this.count -= 1;
    cases.set(caseId, memory);
    this.count += 1;
    if (this.count > this.capacity) this.evict(cases);
  }

  /** Drops the least recently used case of the busiest tenant (every tenant's cases are kept in use order). */
  private evict(preferred: Map<string, CaseSlaMemory>): void {
    let victims = preferred;
    for (const cases of this.tenants.values()) if (cases.size > victims.size) victims = cases;
    const oldest = victims.keys().next();
    if (oldest.done) return;
    victims.delete(oldest.value);
    this.count -= 1;
  }
}
