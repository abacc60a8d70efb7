/**
 * The shoppers of the peak day and their Shopify side: customers, one order each (placed in the
 * week before or on the day itself), shipments (some delayed on the day), a few cancellations.
 */
import { type FakeCustomer, type FakeFulfillment, type FakeOrder, fakeIdBase } from '@throughline/shopify/testing';
import { orderShape } from './black-friday-shape';
import { shopifyAccount } from './peak-day-accounts';
import type { IdentityShape, PlannedEffect, PlannedEvent, PlannedPerson } from './peak-day-plan';
import type { SeededRandom } from './seeded-random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const firstNames = ['Ana', 'Ben', 'Chloé', 'Dev', 'Erin', 'Farah', 'Giulia', 'Hiro', 'Ines', 'Jamal', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Oskar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoe'];
const lastNames = ['Silva', 'Okafor', 'Martin', 'Patel', 'Walsh', 'Nakamura', 'Müller', 'García', 'Kowalski', 'Nguyen', 'Dubois', 'Haddad', 'Olsen', 'Rossi', 'Kim', 'Cohen', 'Ivanova', 'Mensah', 'Larsen', 'Brooks'];
const areaCodes = ['212', '347', '415', '312', '617', '305', '206', '512', '646', '718', '202', '213'];
const products = [
  ['Wool beanie', '24.00'],
  ['Trail socks (3-pack)', '19.99'],
  ['Down jacket', '249.50'],
  ['Thermal mug', '32.00'],
  ['Gift card', '50.00'],
  ['Rain shell', '179.95'],
  ['Insulated gloves', '44.00'],
  ['Merino base layer', '89.00'],
] as const;
const carriers = [
  ['UPS', 'https://www.ups.com/track?tracknum='],
  ['USPS', 'https://tools.usps.com/go/TrackConfirmAction?tLabels='],
  ['FedEx', 'https://www.fedex.com/fedextrack/?trknbr='],
] as const;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function whole(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

function addCents(prices: ReadonlyArray<string>): string {
  const cents = prices.reduce((sum, price) => sum + BigInt(price.replace('.', '')), 0n);
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

function asciiName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** A deep copy of an order as it stands, for a webhook that reports this moment. */
export function snapshotOrder(order: FakeOrder): FakeOrder {
  return {
    ...order,
    lineItems: order.lineItems.map((item) => ({ ...item })),
    fulfillments: order.fulfillments.map((fulfillment) => snapshotFulfillment(fulfillment)),
    refunds: order.refunds.map((refund) => ({ ...refund })),
    tags: [...order.tags],
  };
}

function snapshotFulfillment(fulfillment: FakeFulfillment): FakeFulfillment {
  return { ...fulfillment, trackingNumbers: [...fulfillment.trackingNumbers], trackingUrls: [...fulfillment.trackingUrls] };
}

/** A random instant inside a local hour of the peak day, drawn by the order shape. */
export function instantInShapedHour(random: SeededRandom, dayStart: number, shape: ReadonlyArray<number>): number {
  const hour = random.weighted(shape);
  return whole(dayStart + hour * HOUR + random.next() * HOUR);
}

/** The people of the day and their order history (Shopify events up to the end of the day). */
export interface GeneratedPeople {
  people: PlannedPerson[];
  events: PlannedEvent[];
}

/**
 * Generates the shoppers: identity shapes (linked, phone-first, households), Shopify customers,
 * one order each with its shipment story, and the Shopify events that report them.
 * @param random - the generator's random stream
 * @param count - how many people
 * @param dayStart - local midnight of the peak day (epoch ms)
 * @returns the people and their Shopify events
 * @example
 * generatePeople(createSeededRandom(1), 100, Date.parse('2026-11-27T05:00:00Z'));
 */
export function generatePeople(random: SeededRandom, count: number, dayStart: number): GeneratedPeople {
  const dayEnd = dayStart + DAY;
  const people: PlannedPerson[] = [];
  const events: PlannedEvent[] = [];
  const shapes: IdentityShape[] = [];
  for (let index = 0; index < count; index++) {
    if (shapes[index] !== undefined) continue;
    const roll = random.next();
    if (roll < 0.03 && index + 1 < count) {
      shapes[index] = 'household-owner';
      shapes[index + 1] = 'household-member';
    } else {
      shapes[index] = roll < 0.1 ? 'phone-first' : 'linked';
    }
  }

  const drafts = shapes.map((shape, index) => {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const orderedOnPeakDay = random.chance(0.7);
    const placedAt = orderedOnPeakDay
      ? instantInShapedHour(random, dayStart, orderShape)
      : whole(dayStart - DAY * 7 + random.next() * (DAY * 6.5));
    return { shape, index, first, last, orderedOnPeakDay, placedAt };
  });
  // Order numbers follow the order in which orders were placed, as Shopify numbers them.
  const numbers = new Map<number, number>();
  const byPlacement = [...drafts].sort((a, b) => a.placedAt - b.placedAt || a.index - b.index);
  for (const [position, draft] of byPlacement.entries()) numbers.set(draft.index, 1001 + position);

  for (const draft of drafts) {
    const { shape, index, first, last } = draft;
    const owner = shape === 'household-member' ? people[index - 1]! : undefined;
    const area = areaCodes[index % areaCodes.length]!;
    const line = String(1000 + Math.floor(index / areaCodes.length)).padStart(4, '0');
    const phone = owner?.phone ?? `+1${area}555${line}`;
    const typed = random.pick([phone, `+1 (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`, `${phone.slice(2, 5)}-${phone.slice(5, 8)}-${phone.slice(8)}`]);
    const email = `${asciiName(first)}.${asciiName(last)}.${index}@example.com`;
    const shopPhone = shape === 'phone-first' ? null : typed;
    // A household member's order is always placed after the owner's, so the owner holds the phone.
    const placedAt = owner ? Math.max(draft.placedAt, owner.order.createdAt ? Date.parse(owner.order.createdAt) + 60_000 : draft.placedAt) : draft.placedAt;
    const createdAt = whole(dayStart - DAY * (30 + random.next() * 700));
    const customer: FakeCustomer = {
      id: fakeIdBase.customer + BigInt(index),
      firstName: first,
      lastName: last,
      email,
      phone: shopPhone,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt),
    };
    const number = numbers.get(index)!;
    const lineItems = Array.from({ length: 1 + random.integer(0, 2) }, (_, item) => {
      const [title, price] = random.pick(products);
      return { id: fakeIdBase.lineItem + BigInt(index * 4 + item), title, quantity: 1 + random.integer(0, 1), price };
    });
    const order: FakeOrder = {
      id: fakeIdBase.order + BigInt(index) * 7n,
      number,
      name: `#${number}`,
      email,
      phone: shopPhone,
      customerId: customer.id,
      createdAt: iso(placedAt),
      updatedAt: iso(placedAt),
      cancelledAt: null,
      cancelReason: null,
      financialStatus: 'paid',
      fulfillmentStatus: null,
      currency: shopifyAccount.currency,
      totalPrice: addCents(lineItems.flatMap((item) => Array.from({ length: item.quantity }, () => item.price))),
      lineItems,
      fulfillments: [],
      refunds: [],
      tags: draft.orderedOnPeakDay ? ['black-friday'] : [],
    };
    const person: PlannedPerson = {
      index,
      name: `${first} ${last}`,
      email,
      phone,
      shape,
      journey: 'none',
      customer,
      order,
      orderedOnPeakDay: draft.orderedOnPeakDay || placedAt >= dayStart,
      shipmentDelayed: false,
    };
    people.push(person);
    const effects: PlannedEffect[] = [{ kind: 'order-placed' }];
    events.push({ at: placedAt, person: index, spec: { source: 'shopify', topic: 'orders/create', order: snapshotOrder(order) }, effects });
    planShipment(random, person, placedAt, dayStart, dayEnd, events);
  }
  return { people, events };
}

/** The shipment story of one order: shipped before the day (in transit, delayed or delivered on the day), or shipped or cancelled on the day. */
function planShipment(random: SeededRandom, person: PlannedPerson, placedAt: number, dayStart: number, dayEnd: number, events: PlannedEvent[]): void {
  const order = person.order;
  const index = person.index;
  const [carrier, trackingBase] = random.pick(carriers);
  const tracking = `1Z${(index * 7919 + 104_729).toString(36).toUpperCase().padStart(10, '0')}`;
  const ship = (at: number, shipmentStatus: string, estimate: number) => {
    const fulfillment: FakeFulfillment = {
      id: fakeIdBase.fulfillment + BigInt(index * 2),
      orderId: order.id,
      name: `${order.name}.1`,
      status: 'success',
      shipmentStatus,
      carrier,
      trackingNumbers: [tracking],
      trackingUrls: [`${trackingBase}${tracking}`],
      estimatedDeliveryAt: iso(estimate),
      deliveredAt: null,
      createdAt: iso(at),
      updatedAt: iso(at),
    };
    order.fulfillments = [fulfillment];
    order.fulfillmentStatus = 'fulfilled';
    order.updatedAt = iso(at);
    events.push({ at, person: index, spec: { source: 'shopify', topic: 'fulfillments/create', order: snapshotOrder(order), fulfillment: snapshotFulfillment(fulfillment) }, effects: [] });
    return fulfillment;
  };
  const update = (fulfillment: FakeFulfillment, at: number, shipmentStatus: string) => {
    fulfillment.shipmentStatus = shipmentStatus;
    fulfillment.updatedAt = iso(at);
    if (shipmentStatus === 'delivered') fulfillment.deliveredAt = iso(at);
    if (shipmentStatus === 'delayed') fulfillment.estimatedDeliveryAt = iso(at + DAY * (3 + random.integer(0, 3)));
    order.updatedAt = iso(at);
    events.push({ at, person: index, spec: { source: 'shopify', topic: 'fulfillments/update', order: snapshotOrder(order), fulfillment: snapshotFulfillment(fulfillment) }, effects: [] });
  };

  if (placedAt < dayStart) {
    const shippedAt = whole(Math.min(placedAt + HOUR * (10 + random.next() * 30), dayStart - HOUR));
    const fulfillment = ship(shippedAt, 'in_transit', shippedAt + DAY * (3 + random.integer(0, 2)));
    const roll = random.next();
    if (roll < 0.3) {
      person.shipmentDelayed = true;
      update(fulfillment, whole(dayStart + HOUR * (3 + random.next() * 9)), 'delayed');
    } else if (roll < 0.65) {
      update(fulfillment, whole(dayStart + HOUR * (9 + random.next() * 10)), 'delivered');
    }
    return;
  }
  const roll = random.next();
  if (roll < 0.02) {
    const cancelledAt = whole(placedAt + HOUR * (0.5 + random.next() * 3));
    if (cancelledAt >= dayEnd) return;
    order.cancelledAt = iso(cancelledAt);
    order.cancelReason = 'customer';
    order.financialStatus = 'refunded';
    order.updatedAt = iso(cancelledAt);
    const refund = { id: fakeIdBase.refund + BigInt(index), orderId: order.id, createdAt: iso(cancelledAt), note: 'Order cancelled', amount: order.totalPrice, currency: order.currency };
    order.refunds = [refund];
    // The cancellation's payload carries the refund (same event id as a `refunds/create` delivery).
    // A separate `refunds/create` is not sent: its payload names no customer, so Throughline would
    // file it under a new customer of its own (reported as an adapter gap in docs/peak-day.md).
    events.push({ at: cancelledAt, person: index, spec: { source: 'shopify', topic: 'orders/cancelled', order: snapshotOrder(order) }, effects: [] });
  } else if (roll < 0.27) {
    const shippedAt = whole(placedAt + HOUR * (3 + random.next() * 8));
    if (shippedAt < dayEnd) ship(shippedAt, 'label_printed', shippedAt + DAY * (3 + random.integer(0, 3)));
  }
}
