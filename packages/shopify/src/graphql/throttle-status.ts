/** The cost report Shopify attaches to every Admin GraphQL answer (`extensions.cost`). */
export interface QueryCost {
  /** Points Shopify reserved for the query before running it (from the `first` arguments); null when not reported. */
  requestedQueryCost: number | null;
  /** Null when the request was throttled. */
  actualQueryCost: number | null;
  /** The bucket after the request; null when not reported. */
  throttleStatus: ThrottleStatus | null;
}

/** The state of the app's leaky bucket on a shop. */
export interface ThrottleStatus {
  /** The bucket's size, in points. */
  maximumAvailable: number;
  /** Points available now. */
  currentlyAvailable: number;
  /** Points the bucket regains per second. */
  restoreRate: number;
}

function numberOr(value: unknown, fallback: number | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * Reads `extensions.cost` from a GraphQL answer body.
 * @param body - the parsed answer
 * @returns the cost report, or null when the answer has none
 * @example
 * ```ts
 * readQueryCost({
 *   data: {},
 *   extensions: { cost: { requestedQueryCost: 52, actualQueryCost: 12, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1988, restoreRate: 100 } } },
 * });
 * // { requestedQueryCost: 52, actualQueryCost: 12, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1988, restoreRate: 100 } }
 * ```
 */
export function readQueryCost(body: unknown): QueryCost | null {
  if (body === null || typeof body !== 'object') return null;
  const cost = (body as { extensions?: { cost?: Record<string, unknown> } }).extensions?.cost;
  if (!cost || typeof cost !== 'object') return null;
  const throttle = cost.throttleStatus as Record<string, unknown> | undefined;
  const maximumAvailable = numberOr(throttle?.maximumAvailable, null);
  const currentlyAvailable = numberOr(throttle?.currentlyAvailable, null);
  const restoreRate = numberOr(throttle?.restoreRate, null);
  return {
    requestedQueryCost: numberOr(cost.requestedQueryCost, null),
    actualQueryCost: numberOr(cost.actualQueryCost, null),
    throttleStatus:
      maximumAvailable !== null && currentlyAvailable !== null && restoreRate !== null && restoreRate > 0
        ? { maximumAvailable, currentlyAvailable, restoreRate }
        : null,
  };
}

/**
 * A client-side model of the shop's leaky bucket: it refills at the restore rate between the
 * observations Shopify sends, so the client can wait exactly until a request's cost is available.
 */
export class LeakyBucketEstimate {
  private status: ThrottleStatus | null = null;
  private observedAt = 0;
  private reserved = 0;

  constructor(private readonly now: () => number) {}

  /** Records the bucket as Shopify reported it with an answer. */
  observe(status: ThrottleStatus): void {
    this.status = status;
    this.observedAt = this.now();
  }

  /** Points estimated to be available now, after reservations by requests in flight; Infinity before the first answer. */
  available(): number {
    if (this.status === null) return Number.POSITIVE_INFINITY;
    const refilled = ((this.now() - this.observedAt) / 1000) * this.status.restoreRate;
    return Math.min(this.status.maximumAvailable, this.status.currentlyAvailable + refilled) - this.reserved;
  }

  /** Milliseconds until `cost` points are available (0 when they are). */
  waitFor(cost: number): number {
    if (this.status === null) return 0;
    const needed = Math.min(cost, this.status.maximumAvailable) - this.available();
    return needed <= 0 ? 0 : Math.ceil((needed / this.status.restoreRate) * 1000);
  }

  /** Takes points for a request about to be sent, so concurrent requests wait for each other. */
  reserve(cost: number): void {
    if (this.status !== null) this.reserved += cost;
  }

  /** Returns the points a request reserved once its answer (which Shopify has charged for) arrives. */
  release(cost: number): void {
    this.reserved = Math.max(0, this.reserved - cost);
  }

  /** The last status Shopify reported. */
  last(): ThrottleStatus | null {
    return this.status;
  }
}
