import { assertInRange, MetricsInputError } from '../metrics-error';

/**
 * Erlang B blocking probability for `servers` servers offered `traffic` Erlangs.
 *
 * Uses the recurrence B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)); every intermediate value
 * stays in [0, 1], so no factorial or power is ever formed and thousands of servers are safe.
 * @param traffic - offered traffic in Erlangs (≥ 0)
 * @param servers - number of servers (a non-negative integer)
 * @returns the probability that an arriving contact finds every server busy
 * @throws MetricsInputError when an argument is negative, not finite or `servers` is not an integer
 * @example
 * erlangB(10, 10); // ≈ 0.2146
 */
export function erlangB(traffic: number, servers: number): number {
  assertInRange('traffic', traffic, 0);
  assertInRange('servers', servers, 0);
  if (!Number.isInteger(servers)) throw new MetricsInputError(`servers must be an integer, got ${servers}`);
  let blocking = 1;
  for (let n = 1; n <= servers; n++) {
    blocking = (traffic * blocking) / (n + traffic * blocking);
  }
  return blocking;
}

/**
 * Next step of the Erlang B recurrence: B(n) from B(n−1).
 * @param traffic - offered traffic in Erlangs
 * @param servers - n, the server count being stepped to
 * @param previous - B(n−1)
 * @returns B(n)
 * @example
 * erlangBStep(10, 1, 1); // B(1) = 10/11
 */
export function erlangBStep(traffic: number, servers: number, previous: number): number {
  return (traffic * previous) / (servers + traffic * previous);
}
