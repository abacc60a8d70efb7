/**
 * A small seeded random generator (mulberry32): the same seed gives the same sequence on every run
 * and runtime, so synthetic data, randomised tests and benchmarks replay exactly.
 * @param seed - any integer
 * @returns a function giving numbers in [0, 1)
 * @example
 * ```ts
 * const random = seededRandom(2026);
 * const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
