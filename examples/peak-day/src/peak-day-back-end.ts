/**
 * The demo's back end as the runner sees it: where to send webhooks, and the few things the
 * runner asks of it (the shop's state, SLA ticks, agents' actions, the day read back).
 *
 * It runs in the runner's thread. A worker-thread back end was measured (400 shoppers): the
 * server thread then takes about 70 % of the CPU time the single thread did, but the second
 * module graph and the messages add as much again, so on two cores, with V8's helper threads
 * busy too, it finished no sooner.
 */
import type { FakeCustomer, FakeOrder } from '@throughline/shopify/testing';
import type { OrderStatus } from '@throughline/shopify';
import { tenantId } from './peak-day-accounts';
import type { AgentActionSpec } from './peak-day-plan';
import { startPeakDayServer } from './peak-day-server';
import { type PeakDaySummary, summarisePeakDay } from './peak-day-summary';
import { createSimulatedClock } from './simulated-clock';

/** What starting a back end needs. */
export interface BackEndSettings {
  databaseFile: string;
  /** Where simulated time starts (epoch ms). */
  start: number;
  /** The shop's customers, there before the day. */
  customers: FakeCustomer[];
}

/** An agent action to run, with who it is for. */
export interface AgentActionRequest {
  at: number;
  person: { name: string; phone: string };
  spec: AgentActionSpec;
}

/** What the back end reports at the end. */
export interface BackEndReport {
  summary: PeakDaySummary;
  /** Messages the agents sent through the Twilio API fake. */
  messagesSent: number;
}

/** A running back end. */
export interface PeakDayBackEnd {
  /** `http://127.0.0.1:<port>`: where webhooks go. */
  readonly origin: string;
  /** The `fetch` to send webhooks with: one msw has not patched, so they go over the real network stack. */
  readonly fetch: typeof fetch;
  /** The shop's order changed (the Shopify API fake answers lookups from the new state). */
  shopChange(order: FakeOrder, at: number): Promise<void>;
  /** Fires the SLA warnings and breaches due by `now`. */
  tick(now: number): Promise<void>;
  /**
   * Runs an agent action at its simulated instant.
   * @returns an error message when the action could not run, null when it did; and whether it looked an order up
   */
  act(request: AgentActionRequest): Promise<{ error: string | null; orderLookup: boolean }>;
  /** Reads the day back from the store. */
  report(day: { from: number; to: number; utcOffsetMinutes: number }): Promise<BackEndReport>;
  close(): Promise<void>;
}

function describeOrder(status: OrderStatus | null): string {
  if (!status) return 'I could not find that order; could you send the email you ordered with?';
  const shipment = status.shipments[0];
  if (status.progress === 'cancelled') return `Order ${status.orderName} was cancelled and refunded.`;
  if (!shipment) return `Order ${status.orderName} is being packed; you will get tracking as soon as it ships.`;
  const tracking = shipment.trackingNumbers[0] ? ` (${shipment.carrier ?? 'carrier'} ${shipment.trackingNumbers[0]})` : '';
  const state = shipment.shipmentStatus === 'delayed' ? 'is delayed with the carrier' : shipment.shipmentStatus === 'delivered' ? 'was delivered' : 'is on its way';
  const estimate = status.expectedDeliveryAt ? `; expected ${status.expectedDeliveryAt.slice(0, 10)}` : '';
  return `Order ${status.orderName} ${state}${tracking}${estimate}.`;
}

/**
 * Starts the back end in this thread.
 * @param settings - database, start of simulated time, the shop's customers
 * @returns the back end
 * @example
 * const backEnd = await startLocalBackEnd({ databaseFile: 'day.sqlite', start, customers });
 */
export async function startLocalBackEnd(settings: BackEndSettings): Promise<PeakDayBackEnd> {
  const clock = createSimulatedClock(settings.start);
  const server = await startPeakDayServer({ databaseFile: settings.databaseFile, clock });
  for (const customer of settings.customers) server.dataset.addCustomer({ ...customer });
  const acme = server.throughline.tenant(tenantId);
  const sla = server.throughline.sla!;

  async function act(request: AgentActionRequest): Promise<{ error: string | null; orderLookup: boolean }> {
    const { person, spec } = request;
    const view = await acme.customers.findByIdentity({ kind: 'phone', value: person.phone });
    const supportCase = view ? await acme.cases.openCaseOf(view.customer.id) : undefined;
    if (!supportCase) return { error: `agent ${spec.kind} for ${person.name} at ${new Date(request.at).toISOString()}: no open case`, orderLookup: false };
    if (spec.kind === 'solve') {
      await acme.cases.setStatus(supportCase.id, 'solved');
      return { error: null, orderLookup: false };
    }
    let body = spec.body;
    const orderLookup = spec.orderNumber !== null;
    if (spec.orderNumber !== null) {
      // The agent looks the order up in Shopify (the Admin API fake) before answering.
      const status = await server.shopify.getOrderStatus({ tenantId, orderNumberOrId: spec.orderNumber });
      body = `Hi ${person.name.split(' ')[0]}! ${describeOrder(status)}`;
    }
    await acme.cases.reply(supportCase.id, { body, channel: spec.channel });
    return { error: null, orderLookup };
  }

  return {
    origin: server.origin,
    fetch: server.directFetch,
    async shopChange(order, at) {
      if (server.dataset.order(order.id)) server.dataset.updateOrder(order.id, new Date(at), (current) => Object.assign(current, order));
      else server.dataset.addOrder(order);
    },
    async tick(now) {
      clock.base.set(now);
      await sla.tick(now);
    },
    async act(request) {
      try {
        return await clock.runAt(request.at, () => act(request));
      } catch (error) {
        return { error: `agent ${request.spec.kind} failed: ${error instanceof Error ? error.message : String(error)}`, orderLookup: false };
      }
    },
    async report(day) {
      const proposals = await acme.customers.proposals(100_000);
      const summary = await summarisePeakDay(server.throughline.store, { tenantId, ...day, mergeProposals: proposals.length });
      return { summary, messagesSent: server.twilio.messages.filter((message) => message.direction !== 'inbound').length };
    },
    close: () => server.close(),
  };
}
