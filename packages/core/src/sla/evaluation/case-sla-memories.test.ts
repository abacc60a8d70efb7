import { describe, expect, it } from 'vitest';
import { CaseSlaMemories } from './case-sla-memories';
import type { CaseSlaMemory } from './case-sla-memory';

/** A stand-in memory: the container only holds and hands back what it is given. */
const memory = (label: string) => ({ label }) as unknown as CaseSlaMemory;

describe('CaseSlaMemories', () => {
  it('hands a memory back once, and forgets it until it is kept again', () => {
    const memories = new CaseSlaMemories(10);
    const kept = memory('a');
    memories.keep('acme', 'case-1', kept);
    expect(memories.take('acme', 'case-1')).toBe(kept);
    expect(memories.take('acme', 'case-1')).toBeUndefined();
    expect(memories.size).toBe(0);
  });

  it('once full, drops the least recently used case of the tenant with the most cases', () => {
    const memories = new CaseSlaMemories(4);
    memories.keep('acme', 'a1', memory('a1'));
    memories.keep('acme', 'a2', memory('a2'));
    memories.keep('globex', 'g1', memory('g1'));
    // Used again: a1 is now acme's most recent.
    memories.keep('acme', 'a1', memories.take('acme', 'a1')!);
    memories.keep('acme', 'a3', memory('a3'));
    memories.keep('globex', 'g2', memory('g2'));
    expect(memories.size).toBe(4);
    expect(memories.take('acme', 'a2')).toBeUndefined();
    for (const [tenantId, caseId] of [['acme', 'a1'], ['acme', 'a3'], ['globex', 'g1'], ['globex', 'g2']] as const) {
      expect(memories.take(tenantId, caseId)).toBeDefined();
    }
  });

  it('never drops the case it just kept, and forgets tenants left with no case', () => {
    const memories = new CaseSlaMemories(2);
    for (let tenant = 0; tenant < 50; tenant++) memories.keep(`tenant-${tenant}`, 'case', memory(String(tenant)));
    expect(memories.size).toBe(2);
    expect(memories.tenantCount).toBe(2);
    // The newest two tenants' memories are the ones kept.
    expect(memories.take('tenant-49', 'case')).toBeDefined();
    expect(memories.take('tenant-48', 'case')).toBeDefined();
  });
});
