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
   * @param capacity - Most cases remembered (default 10,000; at least 1).
   */
  constructor(capacity = 10_000) {
    this.capacity = Math.max(1, capacity);
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
    if (this.count > this.capacity) this.evict(tenantId);
  }

  /** Number of tenants with a case remembered. */
  get tenantCount(): number {
    return this.tenants.size;
  }

  /**
   * Drops the least recently used case of the tenant with the most cases (every tenant's cases are
   * kept in use order), and the tenant once it has none left. The case just kept never goes: its
   * tenant counts without it.
   */
  private evict(keptTenantId: string): void {
    let victimTenantId: string | undefined;
    let victimSize = 0;
    for (const [tenantId, cases] of this.tenants) {
      const size = tenantId === keptTenantId ? cases.size - 1 : cases.size;
      if (size > victimSize) {
        victimTenantId = tenantId;
        victimSize = size;
      }
    }
    if (victimTenantId === undefined) return;
    const victims = this.tenants.get(victimTenantId)!;
    victims.delete(victims.keys().next().value!);
    this.count -= 1;
    if (victims.size === 0) this.tenants.delete(victimTenantId);
  }
}
