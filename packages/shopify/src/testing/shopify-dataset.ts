import { seededRandom } from '@throughline/core/testing/fakes';

/** A customer of the fake shop; ids are bigints because Shopify's exceed 2^53. */
export interface FakeCustomer {
  /** Shopify's customer id. */
  id: bigint;
  /** Given name. */
  firstName: string | null;
  /** Family name. */
  lastName: string | null;
  /** Email address. */
  email: string | null;
  /** Free text, as shoppers type it (`+1 (502) 459-2181`). */
  phone: string | null;
  /** When the customer was created (ISO-8601). */
  createdAt: string;
  /** When the customer last changed (ISO-8601). */
  updatedAt: string;
}

/** A shipment of a fake order. */
export interface FakeFulfillment {
  /** Shopify's fulfilment id. */
  id: bigint;
  /** The order shipped. */
  orderId: bigint;
  /** `#1001.1`. */
  name: string;
  /** Lower case, REST style: `success`, `cancelled`. */
  status: string;
  /** Lower case, REST style: `in_transit`, `delivered`, …; null when the carrier said nothing. */
  shipmentStatus: string | null;
  /** The carrier's name, such as `UPS`. */
  carrier: string | null;
  /** Tracking numbers. */
  trackingNumbers: string[];
  /** Tracking links. */
  trackingUrls: string[];
  /** When the carrier expects to deliver (ISO-8601). */
  estimatedDeliveryAt: string | null;
  /** When the carrier delivered (ISO-8601). */
  deliveredAt: string | null;
  /** When the fulfilment was created (ISO-8601). */
  createdAt: string;
  /** When it last changed (ISO-8601). */
  updatedAt: string;
}

/** A refund of a fake order. */
export interface FakeRefund {
  /** Shopify's refund id. */
  id: bigint;
  /** The order refunded. */
  orderId: bigint;
  /** When the refund was issued (ISO-8601). */
  createdAt: string;
  /** The merchant's note. */
  note: string | null;
  /** Exact decimal string. */
  amount: string;
  /** ISO 4217 currency of the amount. */
  currency: string;
}

/** An order of the fake shop. */
export interface FakeOrder {
  /** Shopify's order id. */
  id: bigint;
  /** The order number, such as `1001`. */
  number: number;
  /** The name shoppers see, such as `#1001`. */
  name: string;
  /** The email given with the order. */
  email: string | null;
  /** The phone given with the order, as typed. */
  phone: string | null;
  /** The customer who placed it; null for a guest checkout without an account. */
  customerId: bigint | null;
  /** When the order was placed (ISO-8601). */
  createdAt: string;
  /** When it last changed (ISO-8601); `updateOrder` stamps it. */
  updatedAt: string;
  /** When it was cancelled (ISO-8601). */
  cancelledAt: string | null;
  /** Lower case, REST style: `customer`, `fraud`, … */
  cancelReason: string | null;
  /** Lower case, REST style: `paid`, `partially_refunded`, `refunded`, `pending`. */
  financialStatus: string;
  /** REST style: `fulfilled`, `partial`, or null when unfulfilled. */
  fulfillmentStatus: string | null;
  /** ISO 4217 currency of the prices. */
  currency: string;
  /** The total as an exact decimal string. */
  totalPrice: string;
  /** What was ordered. */
  lineItems: Array<{
    /** Shopify's line item id. */
    id: bigint;
    /** The product's title. */
    title: string;
    /** Units ordered. */
    quantity: number;
    /** Unit price as an exact decimal string. */
    price: string;
  }>;
  /** Its shipments. */
  fulfillments: FakeFulfillment[];
  /** Its refunds. */
  refunds: FakeRefund[];
  /** The merchant's tags on the order. */
  tags: string[];
}

/** An in-memory Shopify shop the msw handlers serve and the webhook builders read. */
export interface ShopifyDataset {
  /** `{shop}.myshopify.com`. */
  shop: string;
  /** The shop's currency (ISO 4217). */
  currency: string;
  /** Every customer. */
  customers: FakeCustomer[];
  /** Every order, in creation order. */
  orders: FakeOrder[];
  /** Finds an order by id. */
  order(id: bigint | string): FakeOrder | undefined;
  /** Finds a customer by id. */
  customer(id: bigint | string): FakeCustomer | undefined;
  /** Adds an order (its customer must exist when set). */
  addOrder(order: FakeOrder): FakeOrder;
  /** Adds a customer. */
  addCustomer(customer: FakeCustomer): FakeCustomer;
  /**
   * Changes an order and stamps its `updatedAt`, as Shopify does on every change, to the whole second
   * (Shopify's timestamps have one-second precision: two changes within a second share `updated_at`).
   */
  updateOrder(id: bigint | string, at: Date, change: (order: FakeOrder) => void): FakeOrder;
  /** Changes a fulfilment and stamps its `updatedAt` to the whole second, as `updateOrder` does. */
  updateFulfillment(id: bigint | string, at: Date, change: (fulfillment: FakeFulfillment) => void): FakeFulfillment;
  /** Bumped by every change through this interface; the fake's search indexes are rebuilt when it moves. */
  readonly revision: number;
  /** Marks the dataset changed after editing records directly (not through `updateOrder`). */
  touch(): void;
}

/** How to generate a dataset. */
export interface ShopifyDatasetOptions {
  /** PRNG seed: the same seed gives the same shop. */
  seed?: number;
  /** `{shop}.myshopify.com` domain (default `acme.myshopify.com`). */
  shop?: string;
  /** The shop's currency (default `USD`). */
  currency?: string;
  /** How many customers to create (default 20). */
  customers?: number;
  /** How many orders to create (default 100). */
  orders?: number;
  /** Orders are created between `start` and `end`. */
  start?: Date;
  /** End of the period orders are created in (defaults: October and November 2026). */
  end?: Date;
}

/** The first ids of each resource: all beyond `Number.MAX_SAFE_INTEGER`, like Shopify's. */
export const fakeIdBase = {
  /** First customer id. */
  customer: 207119551000000000n,
  /** First order id. */
  order: 820982911946154508n,
  /** First line item id. */
  lineItem: 466157049000000000n,
  /** First fulfilment id. */
  fulfillment: 255858046000000000n,
  /** First refund id. */
  refund: 509562969000000000n,
} as const;


const firstNames = ['Ada', 'Bob', 'Chloé', 'Dmitri', 'Eun-ji', 'Farah', 'Giulia', 'Hiro', 'Ingrid', 'José', 'Kofi', 'Lena'];
const lastNames = ['Nakamura', 'Okafor', 'Smith', 'Müller', 'García', 'Kowalski', 'Nguyen', 'Dubois', 'Haddad', 'Olsen'];
const products = [
  ['Wool beanie', '24.00'],
  ['Trail socks (3-pack)', '19.99'],
  ['Down jacket', '249.50'],
  ['Thermal mug', '32.00'],
  ['Gift card', '50.00'],
  ['Rain shell', '179.95'],
] as const;
const carriers = [
  ['UPS', 'https://www.ups.com/track?tracknum='],
  ['USPS', 'https://tools.usps.com/go/TrackConfirmAction?tLabels='],
  ['FedEx', 'https://www.fedex.com/fedextrack/?trknbr='],
  ['DHL Express', 'https://www.dhl.com/en/express/tracking.html?AWB='],
] as const;
const shipmentStatuses = ['in_transit', 'out_for_delivery', 'delivered', 'delivered', 'delayed', 'label_printed', null] as const;

function addCents(prices: ReadonlyArray<string>): string {
  const cents = prices.reduce((sum, price) => sum + BigInt(price.replace('.', '')), 0n);
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

// Shopify writes timestamps to the second: `2026-11-27T09:15:00-05:00`.
function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/**
 * Builds a deterministic fake shop: customers, and orders with line items, fulfilments (carrier,
 * tracking, shipment status, estimated delivery) and refunds, all with 64-bit ids.
 *
 * @param options - seed, sizes and date range
 * @returns the dataset
 * @example
 * ```ts
 * const dataset = createShopifyDataset({ seed: 7, customers: 50, orders: 200 });
 * ```
 */
export function createShopifyDataset(options: ShopifyDatasetOptions = {}): ShopifyDataset {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)]!;
  const shop = options.shop ?? 'acme.myshopify.com';
  const currency = options.currency ?? 'USD';
  const start = (options.start ?? new Date('2026-10-01T00:00:00.000Z')).getTime();
  const end = (options.end ?? new Date('2026-12-01T00:00:00.000Z')).getTime();
  const customers: FakeCustomer[] = [];
  const orders: FakeOrder[] = [];
  const customerIndex = new Map<string, FakeCustomer>();
  const orderIndex = new Map<string, FakeOrder>();

  let revision = 0;
  const dataset: ShopifyDataset = {
    get revision() {
      return revision;
    },
    touch() {
      revision++;
    },
    shop,
    currency,
    customers,
    orders,
    order: (id) => orderIndex.get(String(id)),
    customer: (id) => customerIndex.get(String(id)),
    addOrder(order) {
      orders.push(order);
      orderIndex.set(order.id.toString(), order);
      revision++;
      return order;
    },
    addCustomer(customer) {
      customers.push(customer);
      customerIndex.set(customer.id.toString(), customer);
      revision++;
      return customer;
    },
    updateOrder(id, at, change) {
      const order = orderIndex.get(String(id));
      if (!order) throw new Error(`No order ${String(id)}`);
      change(order);
      order.updatedAt = iso(at.getTime());
      revision++;
      return order;
    },
    updateFulfillment(id, at, change) {
      const fulfillment = orders.flatMap((order) => order.fulfillments).find((candidate) => candidate.id.toString() === String(id));
      if (!fulfillment) throw new Error(`No fulfillment ${String(id)}`);
      change(fulfillment);
      fulfillment.updatedAt = iso(at.getTime());
      revision++;
      return fulfillment;
    },
  };

  const customerCount = options.customers ?? 20;
  for (let index = 0; index < customerCount; index++) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const createdAt = start - random() * 86_400_000 * 365;
    const area = 200 + Math.floor(random() * 700);
    const line = Math.floor(random() * 10_000_000)
      .toString()
      .padStart(7, '0');
    dataset.addCustomer({
      id: fakeIdBase.customer + BigInt(index),
      firstName: first,
      lastName: last,
      email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${index}@example.com`,
      phone: random() < 0.7 ? pick([`+1${area}${line}`, `+1 (${area}) ${line.slice(0, 3)}-${line.slice(3)}`]) : null,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt + random() * 86_400_000 * 30),
    });
  }

  const orderCount = options.orders ?? 100;
  for (let index = 0; index < orderCount; index++) {
    const id = fakeIdBase.order + BigInt(index) * 7n;
    const number = 1001 + index;
    const name = `#${number}`;
    const createdMs = start + ((end - start) * (index + random() * 0.5)) / Math.max(1, orderCount);
    const customer = customers.length > 0 && random() < 0.9 ? pick(customers) : null;
    const lineItems = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, item) => {
      const [title, price] = pick(products);
      return { id: fakeIdBase.lineItem + BigInt(index * 4 + item), title, quantity: 1 + Math.floor(random() * 2), price };
    });
    const totalPrice = addCents(lineItems.flatMap((item) => Array.from({ length: item.quantity }, () => item.price)));
    const roll = random();
    const fulfillments: FakeFulfillment[] = [];
    const refunds: FakeRefund[] = [];
    let updatedMs = createdMs + random() * 3_600_000;
    let financialStatus = 'paid';
    let fulfillmentStatus: string | null = null;
    let cancelledAt: string | null = null;
    let cancelReason: string | null = null;
    if (roll < 0.7) {
      const shipments = random() < 0.15 ? 2 : 1;
      for (let shipment = 0; shipment < shipments; shipment++) {
        const [carrier, url] = pick(carriers);
        const tracking = `1Z${Math.floor(random() * 1e12)
          .toString(36)
          .toUpperCase()
          .padStart(10, '0')}`;
        const shippedMs = createdMs + 86_400_000 * (0.5 + random() * 2);
        const status = pick(shipmentStatuses);
        const deliveredMs = status === 'delivered' ? shippedMs + 86_400_000 * (1 + random() * 4) : null;
        const fulfillmentUpdated = deliveredMs ?? shippedMs + random() * 86_400_000;
        updatedMs = Math.max(updatedMs, fulfillmentUpdated);
        fulfillments.push({
          id: fakeIdBase.fulfillment + BigInt(index * 2 + shipment),
          orderId: id,
          name: `${name}.${shipment + 1}`,
          status: 'success',
          shipmentStatus: status,
          carrier,
          trackingNumbers: [tracking],
          trackingUrls: [`${url}${tracking}`],
          estimatedDeliveryAt: deliveredMs === null ? iso(shippedMs + 86_400_000 * (3 + Math.floor(random() * 4))) : null,
          deliveredAt: deliveredMs === null ? null : iso(deliveredMs),
          createdAt: iso(shippedMs),
          updatedAt: iso(fulfillmentUpdated),
        });
      }
      fulfillmentStatus = shipments === 2 && random() < 0.3 ? 'partial' : 'fulfilled';
    } else if (roll < 0.75) {
      const cancelledMs = createdMs + random() * 86_400_000;
      cancelledAt = iso(cancelledMs);
      cancelReason = pick(['customer', 'inventory', 'fraud', 'other']);
      financialStatus = 'refunded';
      refunds.push({ id: fakeIdBase.refund + BigInt(index), orderId: id, createdAt: iso(cancelledMs), note: 'Order cancelled', amount: totalPrice, currency });
      updatedMs = Math.max(updatedMs, cancelledMs);
    } else if (roll < 0.8) {
      const refundMs = createdMs + 86_400_000 * (1 + random() * 5);
      const item = lineItems[0]!;
      financialStatus = 'partially_refunded';
      refunds.push({ id: fakeIdBase.refund + BigInt(index), orderId: id, createdAt: iso(refundMs), note: 'Damaged in transit', amount: item.price, currency });
      updatedMs = Math.max(updatedMs, refundMs);
    } else if (roll < 0.85) {
      financialStatus = 'pending';
    }
    dataset.addOrder({
      id,
      number,
      name,
      email: customer?.email ?? `guest.${index}@example.net`,
      phone: customer?.phone ?? null,
      customerId: customer?.id ?? null,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      cancelledAt,
      cancelReason,
      financialStatus,
      fulfillmentStatus,
      currency,
      totalPrice,
      lineItems,
      fulfillments,
      refunds,
      tags: random() < 0.1 ? ['vip'] : [],
    });
  }
  return dataset;
}
