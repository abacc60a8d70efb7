import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentsRequired } from './agents-required';
import { erlangB } from './erlang-b';
import { erlangC, erlangCPerformance } from './erlang-c';

/** Exact Erlang C for rational traffic p/q with BigInt arithmetic, as an independent oracle. */
function exactErlangC(p: bigint, q: bigint, agents: number): number {
  const n = BigInt(agents);
  // T_k = A^k/k! · N!·q^N = p^k · q^(N−k) · N!/k!
  const fallingFactorial: bigint[] = new Array(agents + 1);
  fallingFactorial[agents] = 1n;
  for (let k = agents - 1; k >= 0; k--) fallingFactorial[k] = (fallingFactorial[k + 1] as bigint) * BigInt(k + 1);
  let pPower = 1n;
  const pPowers: bigint[] = [];
  const qPowers: bigint[] = [];
  let qPower = 1n;
  for (let k = 0; k <= agents; k++) {
    pPowers.push(pPower);
    qPowers.push(qPower);
    pPower *= p;
    qPower *= q;
  }
  let below = 0n;
  for (let k = 0; k < agents; k++) below += (pPowers[k] as bigint) * (qPowers[agents - k] as bigint) * (fallingFactorial[k] as bigint);
  const top = pPowers[agents] as bigint;
  const numerator = top * n * q;
  const denominator = below * (n * q - p) + numerator;
  const scale = 10n ** 30n;
  return Number((numerator * scale) / denominator) / 1e30;
}

describe('Erlang C', () => {
  // The classic worked example: 100 calls in 30 minutes, 180 s average handle time → 10 Erlangs.
  const load = { contacts: 100, averageHandleSeconds: 180, intervalSeconds: 1800 };

  it('matches the exact rational formula on the textbook example', () => {
    for (const agents of [11, 12, 13, 14, 15, 20]) {
      expect(erlangC(10, agents)).toBeCloseTo(exactErlangC(10n, 1n, agents), 12);
    }
  });

  it('matches published table values (4 decimals)', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    expect(erlangC(10, 11)).toBeCloseTo(0.6821, 4);
    expect(erlangC(10, 14)).toBeCloseTo(0.1741, 4);
    const fourteen = erlangCPerformance(load, 14, 20);
    // SL = 1 − 0.1741·e^(−4·20/180); ASA = 0.1741·180/4
    expect(fourteen.serviceLevel).toBeCloseTo(1 - exactErlangC(10n, 1n, 14) * Math.exp(-80 / 180), 10);
    expect(fourteen.averageSpeedOfAnswerSeconds).toBeCloseTo((exactErlangC(10n, 1n, 14) * 180) / 4, 10);
    expect(fourteen.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('needs 14 agents for 80/20 on the textbook example (13 reach only ~79.6 %)', () => {
    const result = agentsRequired(load, { serviceLevel: { share: 0.8, withinSeconds: 20 } });
    expect(result.agents).toBe(14);
    expect(erlangCPerformance(load, 13, 20).serviceLevel).toBeLessThan(0.8);
    expect(erlangCPerformance(load, 13, 20).serviceLevel).toBeGreaterThan(0.79);
  });

  it('stays exact for hundreds of agents and thousands of calls an hour', () => {
    // 4,800 calls/hour × 300 s = 400 Erlangs; fractional 1,234.5 Erlangs.
    for (const agents of [401, 410, 420, 440]) expect(erlangC(400, agents)).toBeCloseTo(exactErlangC(400n, 1n, agents), 12);
    expect(erlangC(1234.5, 1260)).toBeCloseTo(exactErlangC(2469n, 2n, 1260), 12);
    const big = agentsRequired({ contacts: 20_000, averageHandleSeconds: 240 }, { serviceLevel: { share: 0.8, withinSeconds: 20 } });
    expect(Number.isFinite(big.performance.serviceLevel)).toBe(true);
    expect(big.agents).toBeGreaterThan(1334);
    expect(big.agents).toBeLessThan(1400);
  });

  it('reports an unstable queue when agents do not exceed traffic', () => {
    const unstable = erlangCPerformance(load, 10, 20);
    expect(unstable.stable).toBe(false);
    expect(unstable.serviceLevel).toBe(0);
    expect(unstable.averageSpeedOfAnswerSeconds).toBe(Number.POSITIVE_INFINITY);
  });

  it('needs no agents for no contacts', () => {
    expect(agentsRequired({ contacts: 0, averageHandleSeconds: 200 }, { serviceLevel: { share: 0.8, withinSeconds: 20 } }).agents).toBe(0);
  });

  it('returns the fewest agents meeting every goal (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6000 }),
        fc.integer({ min: 30, max: 900 }),
        fc.double({ min: 0.5, max: 0.98, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        fc.option(fc.double({ min: 0.6, max: 0.95, noNaN: true }), { nil: undefined }),
        (contacts, handle, share, within, maxOccupancy) => {
          const load = { contacts, averageHandleSeconds: handle };
          const goals = maxOccupancy === undefined ? { serviceLevel: { share, withinSeconds: within } } : { serviceLevel: { share, withinSeconds: within }, maxOccupancy };
          const { agents, performance } = agentsRequired(load, goals);
          expect(performance.serviceLevel).toBeGreaterThanOrEqual(share);
          if (maxOccupancy !== undefined) expect(performance.occupancy).toBeLessThanOrEqual(maxOccupancy);
          const fewer = erlangCPerformance(load, agents - 1, within);
          const fewerMeets = fewer.stable && fewer.serviceLevel >= share && (maxOccupancy === undefined || fewer.occupancy <= maxOccupancy);
          expect(fewerMeets).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('service level rises and speed of answer falls with every added agent (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 800, noNaN: true }), fc.integer({ min: 1, max: 60 }), (traffic, extra) => {
        const load = { contacts: traffic * 3600, averageHandleSeconds: 1 };
        const agents = Math.floor(traffic) + extra;
        const a = erlangCPerformance(load, agents, 0.05);
        const b = erlangCPerformance(load, agents + 1, 0.05);
        expect(b.serviceLevel).toBeGreaterThanOrEqual(a.serviceLevel - 1e-12);
        expect(b.averageSpeedOfAnswerSeconds).toBeLessThanOrEqual(a.averageSpeedOfAnswerSeconds + 1e-12);
        expect(a.probabilityOfWaiting).toBeGreaterThanOrEqual(0);
        expect(a.probabilityOfWaiting).toBeLessThanOrEqual(1);
      }),
    );
  });
});
