/**
 * Settings of a Nelder–Mead minimisation.
 */
export interface NelderMeadOptions {
  /** Stop after this many objective evaluations (default 400). */
  maxEvaluations?: number;
  /** Stop when the simplex's objective values differ by less than this (default 1e-9, relative). */
  tolerance?: number;
  /** Initial step along each axis (default 0.5). */
  step?: number;
}

/**
 * Minimises a function of a few variables with the derivative-free Nelder–Mead simplex method.
 * @param objective - the function to minimise
 * @param start - the starting point
 * @param options - evaluation budget, tolerance and initial step
 * @returns the best point found and its value
 * @example
 * minimizeNelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).point; // ≈ [1, −2]
 */
export function minimizeNelderMead(
  objective: (point: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): { point: number[]; value: number } {
  const maxEvaluations = options.maxEvaluations ?? 400;
  const tolerance = options.tolerance ?? 1e-9;
  const step = options.step ?? 0.5;
  const size = start.length;
  let simplex = [start.slice(), ...start.map((_, axis) => start.map((value, index) => (index === axis ? value + step : value)))].map(
    (point) => ({ point, value: objective(point) }),
  );
  let evaluations = simplex.length;
  const combine = (a: number[], b: number[], weight: number) => a.map((value, index) => value + weight * ((b[index] as number) - value));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[size]!;
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + 1e-30)) break;
    const centroid = new Array<number>(size).fill(0);
    for (let vertex = 0; vertex < size; vertex++) {
      simplex[vertex]!.point.forEach((value, index) => {
        centroid[index] = (centroid[index] as number) + value / size;
      });
    }
    const reflected = combine(centroid, worst.point, -1);
    const reflectedValue = objective(reflected);
    evaluations++;
    if (reflectedValue < best.value) {
      const expanded = combine(centroid, worst.point, -2);
      const expandedValue = objective(expanded);
      evaluations++;
      simplex[size] = expandedValue < reflectedValue ? { point: expanded, value: expandedValue } : { point: reflected, value: reflectedValue };
    } else if (reflectedValue < simplex[size - 1]!.value) {
      simplex[size] = { point: reflected, value: reflectedValue };
    } else {
      const contracted = combine(centroid, worst.point, 0.5);
      const contractedValue = objective(contracted);
      evaluations++;
      if (contractedValue < worst.value) {
        simplex[size] = { point: contracted, value: contractedValue };
      } else {
        simplex = simplex.map((vertex, index) => {
          if (index === 0) return vertex;
          const point = combine(best.point, vertex.point, 0.5);
          evaluations++;
          return { point, value: objective(point) };
        });
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { point: simplex[0]!.point, value: simplex[0]!.value };
}
