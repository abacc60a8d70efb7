/** The bucket state Shopify reports in `extensions.cost.throttleStatus`. */
export interface FakeThrottleStatus {
  /** The bucket's size, in points. */
  maximumAvailable: number;
  /** Points available now. */
  currentlyAvailable: number;
  /** Points regained per second. */
  restoreRate: number;
}

/**
 * The cost bucket of one app on one shop: it holds up to `size` points and refills continuously at
 * `restoreRate` points a second; a query runs only when the bucket holds its requested cost.
 */
export class FakeLeakyBucket {
  private available: number;
  private updatedAt: number;

  /**
   * @param size - maximum points (`maximumAvailable`)
   * @param restoreRate - points restored per second
   * @param now - clock in milliseconds
   */
  constructor(
    readonly size: number,
    readonly restoreRate: number,
    private readonly now: () => number,
  ) {
    this.available = size;
    this.updatedAt = now();
  }

  private refill(): void {
    const now = this.now();
    this.available = Math.min(this.size, this.available + ((now - this.updatedAt) / 1000) * this.restoreRate);
    this.updatedAt = now;
  }

  /** Whether the bucket holds `cost` points now. */
  holds(cost: number): boolean {
    this.refill();
    return this.available >= cost;
  }

  /** Takes points out (a query's actual cost). */
  take(cost: number): void {
    this.refill();
    this.available -= cost;
  }

  /** Empties the bucket down to `points` (tests of throttling). */
  drain(points = 0): void {
    this.refill();
    this.available = Math.min(this.available, points);
  }

  /** The status as Shopify reports it (whole points available). */
  status(): FakeThrottleStatus {
    this.refill();
    return { maximumAvailable: this.size, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }
}
