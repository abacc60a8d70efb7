import type { StoreReader, TimelineEvent } from '@throughline/core';

/** How long a miss waits before the index rescans the store (other processes may have written orders). */
const defaultRescanAfterMs = 10_000;

/**
 * Reads what an agent typed as an order number: `#1042`, `1042`, ` #A-1042 `.
 * @param term - the search term
 * @returns the comparable form (no `#`, lower case), or null when it cannot be an order number
 */
export function normaliseOrderNumber(term: string): string | null {
  const value = term.trim().replace(/^#/, '').toLowerCase();
  return /^[a-z0-9][a-z0-9-]{0,39}$/.test(value) ? value : null;
}

/** Settings of an order-number index. */
export interface OrderNumberIndexOptions {
  store: StoreReader;
  tenantId: string;
  /** Time source in epoch ms (default `Date.now`). */
  now?: () => number;
  /** A lookup that misses rescans the store at most this often (default 10 s). */
  rescanAfterMs?: number;
}

/**
 * Finds the customers of an order by its number. Order numbers are not identities, so the index
 * is built by scanning the tenant's order, shipment and refund events once, kept fresh with
 * `record` for events this process ingests, and rescanned (at most every `rescanAfterMs`) when a
 * number is missing, because another process may have written the store.
 */
export class OrderNumberIndex {
  private readonly customersByNumber = new Map<string, Set<string>>();
  private scannedAt = Number.NEGATIVE_INFINITY;
  private scanning: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly rescanAfterMs: number;

  constructor(private readonly options: OrderNumberIndexOptions) {
    this.now = options.now ?? Date.now;
    this.rescanAfterMs = options.rescanAfterMs ?? defaultRescanAfterMs;
  }

  /**
   * Adds an event's order numbers to the index (events of other types are ignored).
   * @param event - an event placed on a timeline
   */
  record(event: TimelineEvent): void {
    if (event.tenantId !== this.options.tenantId) return;
    for (const number of orderNumbersOf(event)) {
      let customers = this.customersByNumber.get(number);
      if (!customers) {
        customers = new Set();
        this.customersByNumber.set(number, customers);
      }
      customers.add(event.customerId);
    }
  }

  /**
   * The customers whose timelines hold an order with this number.
   * @param orderNumber - as `normaliseOrderNumber` returns it
   * @returns customer ids as the events recorded them (follow merges with `customers.get`)
   */
  async lookup(orderNumber: string): Promise<string[]> {
    const known = this.customersByNumber.get(orderNumber);
    if (known) return [...known];
    if (this.now() - this.scannedAt >= this.rescanAfterMs) await this.rescan();
    return [...(this.customersByNumber.get(orderNumber) ?? [])];
  }

  /** Scans the tenant's events again (one scan at a time). */
  rescan(): Promise<void> {
    this.scanning ??= (async () => {
      try {
        for await (const event of this.options.store.scanEvents(this.options.tenantId)) this.record(event);
        this.scannedAt = this.now();
      } finally {
        this.scanning = null;
      }
    })();
    return this.scanning;
  }
}

function orderNumbersOf(event: TimelineEvent): string[] {
  const values: Array<string | null> = [];
  switch (event.type) {
    case 'order.placed':
    case 'order.updated':
    case 'order.cancelled':
      values.push(event.data.orderName, event.data.orderNumber, event.data.orderId);
      break;
    case 'order.refunded':
    case 'fulfillment.updated':
      values.push(event.data.orderName, event.data.orderId);
      break;
    default:
      return [];
  }
  const numbers = new Set<string>();
  for (const value of values) {
    const number = value === null ? null : normaliseOrderNumber(value);
    if (number) numbers.add(number);
  }
  return [...numbers];
}
