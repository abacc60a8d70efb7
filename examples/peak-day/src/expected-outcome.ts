/**
 * What the day should come to, derived from the plan alone: the ground truth the summary Throughline
 * computes from the webhooks is checked against. It follows the documented model rules (one open case
 * per customer, a contact on another channel while the case waits for a reply is a repeat, a call
 * answered or a public agent message is a reply), not the engine's code.
 */
import type { Channel } from '@throughline/core';
import type { PeakDayPlan, PlannedEvent } from './peak-day-plan';

/** The ground truth of a planned day. */
export interface ExpectedOutcome {
  /** Shoppers who appear on the day's timelines (each one customer in the end). */
  customers: number;
  /** Phone-first shoppers whose web form linked their WhatsApp number to their email: one automatic merge each. */
  mergesAcrossChannels: number;
  /** Households whose two Shopify customers share a phone: one merge proposal each, never a merge. */
  mergeProposals: number;
  /** Cases opened on the day (one per shopper who got in touch). */
  cases: number;
  /** Contacts counted once per conversation (repeats excluded). */
  contacts: number;
  /** Contacts on another channel while the case waited for a reply. */
  repeatContacts: number;
  /** Orders placed on the day. */
  ordersPlaced: number;
  /** Calls that reached the queue, were bridged to an agent, or hung up waiting. */
  calls: { offered: number; answered: number; abandoned: number };
  voicemails: number;
  /** CSAT answers and how many were satisfied (4–5). */
  csat: { responses: number; satisfied: number };
  /** First reply times of cases opened on the day, seconds. */
  firstReplySeconds: number[];
}

interface ModelCase {
  solved: boolean;
  awaitingReply: boolean;
  lastInboundChannel: Channel;
  threads: Set<string>;
  conversations: Set<string>;
  openedAt: number;
  firstReplyAt: number | null;
}

/**
 * Derives the expected outcome of a plan.
 * @param plan - the generated day
 * @returns the ground truth
 * @example
 * expectedOutcome(generatePeakDay({ seed: 25, customers: 60 })).repeatContacts;
 */
export function expectedOutcome(plan: PeakDayPlan): ExpectedOutcome {
  const { from, to } = plan.day;
  const outcome: ExpectedOutcome = {
    customers: 0,
    mergesAcrossChannels: 0,
    mergeProposals: 0,
    cases: 0,
    contacts: 0,
    repeatContacts: 0,
    ordersPlaced: 0,
    calls: { offered: 0, answered: 0, abandoned: 0 },
    voicemails: 0,
    csat: { responses: 0, satisfied: 0 },
    firstReplySeconds: [],
  };
  const byPerson = new Map<number, PlannedEvent[]>();
  for (const event of plan.events) {
    const list = byPerson.get(event.person) ?? [];
    list.push(event);
    byPerson.set(event.person, list);
  }
  outcome.customers = byPerson.size;
  for (const person of plan.people) {
    const events = byPerson.get(person.index) ?? [];
    const inbound = (channel: Channel) => events.some((event) => event.effects.some((effect) => effect.kind === 'inbound' && effect.channel === channel));
    if (person.shape === 'phone-first' && inbound('whatsapp')) {
      // The web form links the WhatsApp number to the shop's customer; until it comes (or when
      // the day ends first) the number is a customer of its own.
      if (inbound('web')) outcome.mergesAcrossChannels++;
      else outcome.customers++;
    }
    if (person.shape === 'household-member' && events.some((event) => event.spec.source === 'shopify' && event.spec.topic === 'orders/create')) outcome.mergeProposals++;

    let supportCase: ModelCase | null = null;
    for (const event of events) {
      const inPeriod = event.at >= from && event.at < to;
      for (const effect of event.effects) {
        switch (effect.kind) {
          case 'order-placed':
            if (inPeriod) outcome.ordersPlaced++;
            break;
          case 'inbound': {
            const conversation = effect.thread ?? `channel:${effect.channel}`;
            if (!supportCase) {
              supportCase = { solved: false, awaitingReply: true, lastInboundChannel: effect.channel, threads: new Set(), conversations: new Set([conversation]), openedAt: event.at, firstReplyAt: null };
              if (effect.thread) supportCase.threads.add(effect.thread);
              outcome.cases++;
              outcome.contacts++;
              break;
            }
            const onKnownThread = effect.thread !== null && supportCase.threads.has(effect.thread);
            const repeat = supportCase.awaitingReply && effect.channel !== supportCase.lastInboundChannel && !onKnownThread;
            if (repeat) outcome.repeatContacts++;
            else if (supportCase.solved || !supportCase.conversations.has(conversation)) outcome.contacts++;
            supportCase.conversations.add(conversation);
            if (effect.thread) supportCase.threads.add(effect.thread);
            supportCase.solved = false;
            supportCase.awaitingReply = true;
            supportCase.lastInboundChannel = effect.channel;
            break;
          }
          case 'call-answered':
            outcome.calls.offered++;
            outcome.calls.answered++;
            reply(supportCase, effect.answeredAt);
            break;
          case 'agent-reply':
            reply(supportCase, event.at);
            break;
          case 'call-abandoned':
            outcome.calls.offered++;
            outcome.calls.abandoned++;
            break;
          case 'voicemail':
            outcome.voicemails++;
            break;
          case 'solve':
            if (supportCase) supportCase.solved = true;
            break;
          case 'csat':
            outcome.csat.responses++;
            if (effect.score >= 4) outcome.csat.satisfied++;
            break;
        }
      }
    }
    const finished = supportCase as ModelCase | null;
    if (finished?.firstReplyAt != null) outcome.firstReplySeconds.push((finished.firstReplyAt - finished.openedAt) / 1000);
  }
  return outcome;
}

function reply(supportCase: ModelCase | null, at: number): void {
  if (!supportCase) return;
  supportCase.awaitingReply = false;
  if (supportCase.firstReplyAt === null && at >= supportCase.openedAt) supportCase.firstReplyAt = at;
}
