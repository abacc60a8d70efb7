/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) with the draws the
 * peak-day generator needs. The same seed always gives the same day.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  integer(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** One item, chosen uniformly. */
  pick<T>(items: ReadonlyArray<T>): T;
  /** An index chosen in proportion to `weights`. */
  weighted(weights: ReadonlyArray<number>): number;
  /** An exponential draw with the given mean. */
  exponential(mean: number): number;
  /** A log-normal draw with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number;
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  /** A new generator whose stream depends on this one's seed and `label`, not on how much this one was used. */
  fork(label: string): SeededRandom;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashLabel(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < label.length; index++) hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193) >>> 0;
  return hash;
}

/**
 * Creates a seeded random generator.
 * @param seed - any integer
 * @returns the generator
 * @example
 * const random = createSeededRandom(42);
 * random.integer(1, 6);
 */
export function createSeededRandom(seed: number): SeededRandom {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    // sfc32: small, fast and well distributed for simulations.
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let warmUp = 0; warmUp < 12; warmUp++) next();
  const random: SeededRandom = {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(weights) {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let draw = next() * total;
      for (let index = 0; index < weights.length; index++) {
        draw -= weights[index]!;
        if (draw < 0) return index;
      }
      return weights.length - 1;
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
    logNormal(median, sigma) {
      // Box–Muller: one standard normal draw.
      const u = 1 - next();
      const v = next();
      const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      return median * Math.exp(sigma * normal);
    },
    shuffle(items) {
      for (let index = items.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [items[index], items[other]] = [items[other]!, items[index]!];
      }
      return items;
    },
    fork: (label) => createSeededRandom(hashLabel(seed, label)),
  };
  return random;
}
