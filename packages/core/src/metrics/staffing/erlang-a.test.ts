import { describe, expect, it } from 'vitest';
import { agentsRequired } from './agents-required';
import { erlangAPerformance } from './erlang-a';
import { erlangCPerformance } from './erlang-c';

function poissonPmf(mean: number, upTo: number): number[] {
  const pmf = [Math.exp(-mean)];
  for (let k = 1; k <= upTo; k++) pmf.push(((pmf[k - 1] as number) * mean) / k);
  return pmf;
}

describe('Erlang A', () => {
  it('with patience equal to handle time, the number in system is Poisson (independent oracle)', () => {
    // θ = μ: every contact leaves at rate μ whether waiting or served, so N(t) ~ Poisson(A).
    const load = { contacts: 120, averageHandleSeconds: 300 }; // 10 Erlangs
    for (const agents of [5, 8, 10, 12, 15]) {
      const pmf = poissonPmf(10, 200);
      const pWait = pmf.slice(agents).reduce((sum, p) => sum + p, 0);
      const excess = pmf.reduce((sum, p, k) => sum + Math.max(0, k - agents) * p, 0);
      const result = erlangAPerformance(load, agents, 20, 300);
      expect(result.probabilityOfWaiting).toBeCloseTo(pWait, 10);
      expect(result.abandonmentRate).toBeCloseTo(excess / 10, 10);
      expect(result.averageWaitSeconds).toBeCloseTo(excess / (120 / 3600), 6);
    }
  });

  it('converges to Erlang C as patience grows', () => {
    const load = { contacts: 100, averageHandleSeconds: 180, intervalSeconds: 1800 };
    const c = erlangCPerformance(load, 13, 20);
    const a = erlangAPerformance(load, 13, 20, 1e7);
    expect(a.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 4);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
    expect(a.averageSpeedOfAnswerSeconds).toBeCloseTo(c.averageSpeedOfAnswerSeconds, 2);
    expect(a.abandonmentRate).toBeLessThan(1e-4);
  });

  it('answered-eventually from the wait process equals one minus abandonment from Little’s law', () => {
    const load = { contacts: 500, averageHandleSeconds: 240 }; // 33.3 Erlangs
    for (const agents of [20, 30, 34, 40]) {
      const result = erlangAPerformance(load, agents, 1e6, 90);
      expect(result.serviceLevel).toBeCloseTo(1 - result.abandonmentRate, 8);
    }
  });

  it('stays finite when heavily overloaded with long patience and many agents', () => {
    const result = erlangAPerformance({ contacts: 6000, averageHandleSeconds: 300 }, 300, 20, 1800);
    expect(Number.isFinite(result.probabilityOfWaiting)).toBe(true);
    expect(result.probabilityOfWaiting).toBeGreaterThan(0.99);
    // Fluid limit: 300 agents serve 3,600 of 6,000 calls an hour, so about 40 % abandon.
    expect(result.abandonmentRate).toBeCloseTo(0.4, 2);
    expect(result.serviceLevel).toBeGreaterThanOrEqual(0);
  });

  it('needs fewer agents than Erlang C for the same target, and the minimum meets the target', () => {
    const load = { contacts: 900, averageHandleSeconds: 240 };
    const goals = { serviceLevel: { share: 0.8, withinSeconds: 20 } };
    const c = agentsRequired(load, goals);
    const a = agentsRequired(load, goals, { kind: 'erlang-a', averagePatienceSeconds: 60 });
    expect(a.agents).toBeLessThanOrEqual(c.agents);
    expect(a.performance.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangAPerformance(load, a.agents - 1, 20, 60).serviceLevel).toBeLessThan(0.8);
  });
});
