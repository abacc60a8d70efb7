/** Settings of the proactive-message rate limit. */
export interface RateLimitOptions {
  /** Messages allowed per customer per window. Default 1. */
  readonly maxPerWindow?: number;
  /** Window length in milliseconds. Default 24 hours. */
  readonly windowMs?: number;
  /** Customers remembered at once; the least recently seen are forgotten first. Default 100 000. */
  readonly maxTrackedCustomers?: number;
}

/** A sliding-window limit on how often one customer is messaged, held in memory. */
export interface PerCustomerRateLimit {
  /**
   * Takes one message from a customer's allowance.
   * @param customerKey - tenant and customer id
   * @param now - the current time
   * @returns false when the allowance is used up (nothing is taken then)
   */
  tryTake(customerKey: string, now: Date): boolean;
}

/**
 * Creates an in-memory per-customer rate limit (one process; with several instances, back it with the store).
 *
 * @param options - allowance, window and memory bound
 * @returns the rate limit
 * @example
 * const limit = createPerCustomerRateLimit({ maxPerWindow: 1, windowMs: 86_400_000 });
 * limit.tryTake('acme:cus_1', new Date()); // true, then false for a day
 */
export function createPerCustomerRateLimit(options: RateLimitOptions = {}): PerCustomerRateLimit {
  const maxPerWindow = options.maxPerWindow ?? 1;
  const windowMs = options.windowMs ?? 86_400_000;
  const maxTracked = options.maxTrackedCustomers ?? 100_000;
  const sent = new Map<string, number[]>();
  return {
    tryTake(customerKey, now) {
      const at = now.getTime();
      const recent = (sent.get(customerKey) ?? []).filter((time) => at - time < windowMs);
      sent.delete(customerKey);
      if (recent.length >= maxPerWindow) {
        sent.set(customerKey, recent);
        return false;
      }
      recent.push(at);
      sent.set(customerKey, recent);
      if (sent.size > maxTracked) sent.delete(sent.keys().next().value!);
      return true;
    },
  };
}
